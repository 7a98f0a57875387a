import { randomUUID } from 'node:crypto';
import {
  systemActor,
  WITHOUT_OUTBOX,
  type AggregateWriter,
  type CommandContext,
  type Decision,
  type Logger,
} from '@courtyard/kernel';
import type { mongo } from 'mongoose';
import * as lifecycle from '../domain/lifecycle.js';
import type { HelpRequestRecord } from '../domain/records.js';
import {
  ESCALATION_ROLES,
  escalateBreaches,
  nextLevel,
  type EscalationRole,
} from '../domain/sla-breaches.js';
import { createLoaders } from '../repository/loaders.js';
import type { WorkOrdersModels } from '../repository/models.js';
import { WorkOrdersReads } from '../repository/work-orders.reads.js';
import { WorkOrdersRepository } from '../repository/work-orders.repository.js';

export interface SlaSchedulerOptions {
  models: WorkOrdersModels;
  db: mongo.Db;
  writer: AggregateWriter;
  /** The names of the chain's four levels, front desk first (ESCALATION_CHAIN_TITLES). */
  chainTitles: readonly string[];
  /** Hours after resolution before the service records a resident's silence (rule 7). */
  confirmationWaitHours: number;
  /** At most this many requests per scan and kind (the rest wait for the next scan). */
  batchSize: number;
  /** How many decisions go into one bulk write (default 1,000). */
  writeChunk?: number;
  /** The system actor's subject: the service's name. */
  actor?: string;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

/** Where a scan's time went, in milliseconds (the benchmark and the log show them). */
export interface ScanTimings {
  readMs?: number;
  onDutyMs?: number;
  decideMs?: number;
  writeMs?: number;
}

export interface ScanReport {
  timings: ScanTimings;
  breached: number;
  escalated: number;
  confirmed: number;
  /** Requests another replica (or a person) changed between our read and our write: left to it. */
  skipped: number;
}

const DEFAULT_WRITE_CHUNK = 1_000;
type Decided = { before: HelpRequestRecord; decision: Decision<HelpRequestRecord> };
const dutyKey = (propertyId: string, role: EscalationRole) => `${propertyId}\u0000${role}`;

/**
 * The SLA scheduler of work-orders (spec §2 rule 8): finds, without anyone reading, the clocks
 * past due and the escalation deadlines passed, marks and escalates them, and records the
 * resident's silence once the confirmation wait is over. It reads only what is due (an indexed
 * `slaWakeAt <= now`, and `RESOLVED` by `resolvedAt`), so a scan costs what is due, not what is
 * open. Each decision is one document write filtered on the version read, and each breach has a
 * key per request, clock and level: two replicas scanning at once, or a scan repeated after a
 * restart, escalate a breach once. Time comes in: `tick(now)`.
 */
export class SlaScheduler {
  private readonly actor: string;
  constructor(private readonly options: SlaSchedulerOptions) {
    if (options.chainTitles.length !== ESCALATION_ROLES.length) {
      throw new TypeError(
        `chainTitles needs ${ESCALATION_ROLES.length} names, got ${options.chainTitles.length}`,
      );
    }
    this.actor = options.actor ?? 'work-orders';
  }

  async tick(now: Date): Promise<ScanReport> {
    const report: ScanReport = { breached: 0, escalated: 0, confirmed: 0, skipped: 0, timings: {} };
    const { models, db, writer } = this.options;
    const loaders = createLoaders(models);
    const reads = new WorkOrdersReads(models, loaders);
    const repository = new WorkOrdersRepository(models, db, writer, loaders);
    const context: CommandContext = { actor: systemActor(this.actor), now, newId: randomUUID };
    const timed = async <T>(phase: keyof ScanTimings, work: () => Promise<T> | T): Promise<T> => {
      const started = performance.now();
      try {
        return await work();
      } finally {
        report.timings[phase] = Math.round((report.timings[phase] ?? 0) + performance.now() - started);
      }
    };

    const due = await timed(
      'readMs',
      async () =>
        (await models.HelpRequest.find({ slaWakeAt: { $lte: now } }, WITHOUT_OUTBOX)
          .sort({ slaWakeAt: 1 })
          .limit(this.options.batchSize)
          .lean()) as HelpRequestRecord[],
    );
    // Who is on duty is the same for every request of a property and role within one scan:
    // asked once per pair, all pairs at once.
    const onDuty = await timed('onDutyMs', async () => {
      const pairs = new Map<string, { propertyId: string; role: EscalationRole }>();
      for (const request of due) {
        const level = nextLevel(request);
        const role = level === null ? undefined : ESCALATION_ROLES[level];
        if (role) pairs.set(dutyKey(request.propertyId, role), { propertyId: request.propertyId, role });
      }
      const found = await Promise.all(
        [...pairs].map(
          async ([key, { propertyId, role }]) => [key, await reads.onDuty(propertyId, role, now)] as const,
        ),
      );
      return new Map(found);
    });
    const decided = await timed('decideMs', () =>
      due.flatMap((request) => {
        const level = nextLevel(request);
        const role = level === null ? null : ESCALATION_ROLES[level]!;
        const target =
          level === null || role === null
            ? null
            : {
                title: this.options.chainTitles[level]!,
                staffId: onDuty.get(dutyKey(request.propertyId, role))?._id ?? null,
              };
        const decision = escalateBreaches(request, target, context);
        return decision ? [{ before: request, decision }] : [];
      }),
    );
    // One bulk write per chunk (each update still version-checked on its own document), so a
    // scan costs a round trip per chunk instead of one per request.
    await timed('writeMs', () =>
      this.saveAll(repository, decided, report, ({ before, decision }) => {
        const escalated = decision.record.escalationLevel > before.escalationLevel;
        report.breached += decision.record.breaches.length - before.breaches.length - (escalated ? 1 : 0);
        if (escalated) report.escalated += 1;
      }),
    );

    const waitedSince = new Date(now.getTime() - this.options.confirmationWaitHours * 3_600_000);
    const silent = await timed(
      'readMs',
      async () =>
        (await models.HelpRequest.find(
          { state: 'RESOLVED', resolvedAt: { $lte: waitedSince } },
          WITHOUT_OUTBOX,
        )
          .sort({ resolvedAt: 1 })
          .limit(this.options.batchSize)
          .lean()) as HelpRequestRecord[],
    );
    const confirmations = silent.map((request) => ({
      before: request,
      decision: lifecycle.recordNoResponse(
        request,
        this.options.confirmationWaitHours,
        `recorded by the service after ${this.options.confirmationWaitHours} h`,
        context,
      ),
    }));
    await timed('writeMs', () =>
      this.saveAll(repository, confirmations, report, () => {
        report.confirmed += 1;
      }),
    );
    if (report.breached + report.escalated + report.confirmed > 0)
      this.options.logger?.info(report, 'SLA scan');
    return report;
  }

  /**
   * Writes decisions a chunk at a time and counts those the store applied. When a chunk comes
   * back short (another replica or a person changed some of its requests since the read), the
   * chunk's versions are read again to tell which were ours: only those are counted, the rest
   * are `skipped`, left to whoever changed them.
   */
  private async saveAll(
    repository: WorkOrdersRepository,
    decided: ReadonlyArray<Decided>,
    report: ScanReport,
    count: (applied: Decided) => void,
  ): Promise<void> {
    const size = this.options.writeChunk ?? DEFAULT_WRITE_CHUNK;
    for (let start = 0; start < decided.length; start += size) {
      const chunk = decided.slice(start, start + size);
      const applied = await repository.saveHelpRequests(chunk);
      const ours = applied >= chunk.length ? chunk : await this.appliedOf(chunk);
      report.skipped += chunk.length - ours.length;
      ours.forEach(count);
    }
  }

  /** Which of a chunk's decisions are stored: the version moved on by one, with this decision's last event. */
  private async appliedOf(chunk: ReadonlyArray<Decided>): Promise<Decided[]> {
    const stored = (await this.options.models.HelpRequest.find(
      { _id: { $in: chunk.map((d) => d.before._id) } },
      { version: 1, breaches: 1, state: 1 },
    ).lean()) as Array<Pick<HelpRequestRecord, '_id' | 'version' | 'breaches' | 'state'>>;
    const byId = new Map(stored.map((s) => [s._id, s]));
    return chunk.filter(({ before, decision }) => {
      const now = byId.get(before._id);
      return (
        now !== undefined &&
        now.version === before.version + 1 &&
        now.state === decision.record.state &&
        now.breaches.length === decision.record.breaches.length
      );
    });
  }
}
