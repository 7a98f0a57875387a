import { randomUUID } from 'node:crypto';
import { DomainError, systemActor, type CommandContext, type Logger } from '@courtyard/kernel';
import type { HelpRequestRegisterRecord, RegisterRunRecord } from '../domain/records.js';
import { archiveBefore, completeBatch, planBatch, registerYearOf } from '../domain/register.js';
import type { RegisterStore } from '../repository/register.repository.js';

export interface RegisterJobOptions {
  store: RegisterStore;
  /** Requests per batch (one announcement, one bulk write each). */
  batchSize: number;
  actor?: string;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Ids for runs (tests pass their own). */
  newId?: () => string;
}

export type RegisterRunReport = Pick<
  RegisterRunRecord,
  '_id' | 'archived' | 'anonymised' | 'resumedBatches' | 'registers'
>;

const isConflict = (error: unknown) => error instanceof DomainError && error.code === 'CONFLICT';
/** Rounds a run may take per register and kind before it leaves the rest to the next run. */
const MAX_ROUNDS = 10_000;

/**
 * The yearly register job (seed 002), run by the service's scheduler with an injected clock:
 * for every property, finished requests of past years (its own zone) go into their year's
 * register, and registers past their retention are anonymised, a batch at a time. Idempotent and
 * resumable without transactions: a batch is announced on its register before any request is
 * touched and finished by whichever run finds it pending; planning is version-checked on the
 * register, so two replicas never plan the same requests twice. Each run is recorded.
 */
export class RegisterJob {
  private readonly actor: string;
  constructor(private readonly options: RegisterJobOptions) {
    this.actor = options.actor ?? 'work-orders';
  }

  /** `propertyIds` narrows a run to some properties (every one when omitted). */
  async run(now: Date, propertyIds?: readonly string[]): Promise<RegisterRunReport> {
    const { store } = this.options;
    const newId = this.options.newId ?? randomUUID;
    const context: CommandContext = { actor: systemActor(this.actor), now, newId: randomUUID };
    const run: RegisterRunRecord = {
      _id: newId(),
      version: 1,
      createdAt: now,
      at: now,
      status: 'RUNNING',
      finishedAt: null,
      archived: 0,
      anonymised: 0,
      resumedBatches: 0,
      registers: [],
      error: null,
    };
    await store.startRun(run);
    const tally = (register: HelpRequestRegisterRecord, kind: 'ARCHIVE' | 'ANONYMISE', count: number) => {
      let row = run.registers.find((r) => r.propertyId === register.propertyId && r.year === register.year);
      if (!row) {
        row = { propertyId: register.propertyId, year: register.year, archived: 0, anonymised: 0 };
        run.registers.push(row);
      }
      if (kind === 'ARCHIVE') {
        row.archived += count;
        run.archived += count;
      } else {
        row.anonymised += count;
        run.anonymised += count;
      }
    };
    /** Applies a register's pending batch and closes it; counted only by the run that closes it. */
    const finish = async (register: HelpRequestRegisterRecord): Promise<HelpRequestRegisterRecord | null> => {
      const batch = register.pending!;
      await store.apply(register, batch);
      try {
        const closed = await store.complete(register, completeBatch(register));
        tally(register, batch.kind, batch.helpRequestIds.length);
        if (batch.runId !== run._id) run.resumedBatches += 1;
        return closed;
      } catch (error) {
        if (!isConflict(error)) throw error;
        return null; // another run closed it first
      }
    };

    try {
      for (const property of await store.properties(propertyIds)) {
        const { _id: propertyId, timeZone } = property;
        // 1. Batches an interrupted run announced and did not finish.
        for (const register of await store.registersOf(propertyId)) {
          if (register.pending) await finish(register);
        }
        // 2. Finished requests of past years into their year's register.
        const before = archiveBefore(now, timeZone);
        for (let round = 0; round < MAX_ROUNDS; round += 1) {
          const first = await store.toArchive(propertyId, before, 1);
          if (first.length === 0) break;
          const year = registerYearOf(first[0]!.createdAt, timeZone);
          // The register is read before the candidates: a batch planned by someone else after
          // this read makes the plan below stale, so the same requests are never planned twice.
          const register = await store.register(propertyId, year, timeZone, now);
          if (register.pending) {
            await finish(register);
            continue;
          }
          const candidates = (await store.toArchive(propertyId, before, this.options.batchSize)).filter(
            (r) => registerYearOf(r.createdAt, timeZone) === year,
          );
          if (candidates.length === 0) continue;
          await this.planAndFinish(
            register,
            'ARCHIVE',
            candidates.map((r) => r._id),
            run._id,
            context,
            finish,
          );
        }
        // 3. Registers past their retention: personal data removed, a batch at a time.
        for (const listed of await store.registersOf(propertyId)) {
          if (listed.retainedUntil.getTime() > now.getTime()) continue;
          for (let round = 0; round < MAX_ROUNDS; round += 1) {
            const register = await store.register(propertyId, listed.year, timeZone, now);
            if (register.pending) {
              await finish(register);
              continue;
            }
            const ids = await store.toAnonymise(propertyId, listed.year, this.options.batchSize);
            if (ids.length === 0) break;
            await this.planAndFinish(register, 'ANONYMISE', ids, run._id, context, finish);
          }
        }
      }
      run.status = 'COMPLETED';
    } catch (error) {
      run.status = 'FAILED';
      run.error = error instanceof Error ? error.message : String(error);
      this.options.logger?.error({ err: error, runId: run._id }, 'register job failed');
    }
    run.finishedAt = now;
    await store.finishRun(run);
    if (run.archived + run.anonymised + run.resumedBatches > 0)
      this.options.logger?.info(
        { runId: run._id, archived: run.archived, anonymised: run.anonymised, resumed: run.resumedBatches },
        'register job',
      );
    const { _id, archived, anonymised, resumedBatches, registers } = run;
    return { _id, archived, anonymised, resumedBatches, registers };
  }

  private async planAndFinish(
    register: HelpRequestRegisterRecord,
    kind: 'ARCHIVE' | 'ANONYMISE',
    ids: string[],
    runId: string,
    context: CommandContext,
    finish: (register: HelpRequestRegisterRecord) => Promise<unknown>,
  ): Promise<void> {
    let planned: HelpRequestRegisterRecord;
    try {
      planned = await this.options.store.plan(register, planBatch(register, kind, ids, runId, context));
    } catch (error) {
      if (isConflict(error)) return; // someone else planned first: the next round finds their batch
      throw error;
    }
    await finish(planned);
  }
}
