import { DomainError, WITHOUT_OUTBOX, type AggregateWriter, type Decision } from '@courtyard/kernel';
import { anonymise, ARCHIVABLE_STATES, newRegister, registerId } from '../domain/register.js';
import type {
  HelpRequestRecord,
  HelpRequestRegisterRecord,
  PropertyRecord,
  RegisterBatch,
  RegisterRunRecord,
} from '../domain/records.js';
import type { WorkOrdersModels } from './models.js';

const isConflict = (error: unknown) => error instanceof DomainError && error.code === 'CONFLICT';

/**
 * The register job's reads and writes. Every write is one document (the store has no
 * transactions): a batch is written to its register (with its event) before any request is
 * touched, each request is then marked by a filter that matches only until it is marked, and the
 * register's batch is closed last. A crash anywhere leaves either nothing, or a pending batch the
 * next run finishes without announcing it again.
 */
export class RegisterStore {
  constructor(
    private readonly models: WorkOrdersModels,
    private readonly writer: AggregateWriter,
  ) {}

  async properties(
    ids?: readonly string[],
  ): Promise<Array<Pick<PropertyRecord, '_id' | 'timeZone' | 'createdAt' | 'calendar'>>> {
    return (await this.models.Property.find(ids ? { _id: { $in: [...ids] } } : {}, {
      timeZone: 1,
      createdAt: 1,
      calendar: 1,
    })
      .sort({ _id: 1 })
      .lean()) as Array<Pick<PropertyRecord, '_id' | 'timeZone' | 'createdAt' | 'calendar'>>;
  }

  async registersOf(propertyId: string): Promise<HelpRequestRegisterRecord[]> {
    return (await this.models.HelpRequestRegister.find({ propertyId }, WITHOUT_OUTBOX)
      .sort({ year: -1 })
      .lean()) as HelpRequestRegisterRecord[];
  }

  /** The register of a property and year, made on first use (one `_id`: two replicas make one). */
  async register(propertyId: string, year: number, timeZone: string, now: Date) {
    const id = registerId(propertyId, year);
    const found = await this.models.HelpRequestRegister.findOne({ _id: id }, WITHOUT_OUTBOX).lean();
    if (found) return found as HelpRequestRegisterRecord;
    try {
      return await this.writer.insert(
        this.models.HelpRequestRegister,
        newRegister(propertyId, year, timeZone, now),
        [],
      );
    } catch (error) {
      if (!isConflict(error)) throw error;
      return (await this.models.HelpRequestRegister.findOne({ _id: id }, WITHOUT_OUTBOX).lean())!;
    }
  }

  /** Finished requests received before `before`, not archived yet, oldest first. */
  async toArchive(propertyId: string, before: Date, limit: number) {
    return (await this.models.HelpRequest.find(
      {
        propertyId,
        'register.year': null,
        createdAt: { $lt: before },
        state: { $in: [...ARCHIVABLE_STATES] },
      },
      { _id: 1, createdAt: 1 },
    )
      .sort({ createdAt: 1, _id: 1 })
      .limit(limit)
      .lean()) as Array<Pick<HelpRequestRecord, '_id' | 'createdAt'>>;
  }

  /** Archived requests of a register whose personal data is still there. */
  async toAnonymise(propertyId: string, year: number, limit: number): Promise<string[]> {
    const found = (await this.models.HelpRequest.find(
      { propertyId, 'register.year': year, 'register.anonymisedAt': null },
      { _id: 1 },
    )
      .sort({ createdAt: 1, _id: 1 })
      .limit(limit)
      .lean()) as Array<Pick<HelpRequestRecord, '_id'>>;
    return found.map((r) => r._id);
  }

  /** Writes a planned batch to its register, against the version read (CONFLICT: someone else did). */
  async plan(before: HelpRequestRegisterRecord, { record, events }: Decision<HelpRequestRegisterRecord>) {
    const version = await this.writer.update(
      this.models.HelpRequestRegister,
      before._id,
      before.version,
      { pending: record.pending },
      events,
    );
    return { ...record, version };
  }

  /**
   * Applies a batch to its requests, one bulk write of single-document updates, each matching
   * only a request not yet marked: applying it again (a resumed run, a second replica) changes
   * nothing more. Anonymising reads the requests first, since what is removed is their own text.
   */
  async apply(register: HelpRequestRegisterRecord, batch: RegisterBatch): Promise<void> {
    const ids = batch.helpRequestIds;
    if (batch.kind === 'ARCHIVE') {
      await this.models.HelpRequest.collection.bulkWrite(
        ids.map((id) => ({
          updateOne: {
            filter: { _id: id, propertyId: register.propertyId, 'register.year': null },
            update: {
              $set: { register: { year: register.year, archivedAt: batch.at, anonymisedAt: null } },
              $inc: { version: 1 },
            },
          },
        })) as never,
        { ordered: false },
      );
      return;
    }
    const requests = (await this.models.HelpRequest.find(
      { _id: { $in: ids }, 'register.year': register.year, 'register.anonymisedAt': null },
      WITHOUT_OUTBOX,
    ).lean()) as HelpRequestRecord[];
    if (requests.length === 0) return;
    await this.models.HelpRequest.collection.bulkWrite(
      requests.map((request) => {
        const { _id, version, ...rest } = anonymise(request, batch.at);
        void version;
        return {
          updateOne: {
            filter: { _id, 'register.anonymisedAt': null },
            update: { $set: anonymisedFields(rest), $inc: { version: 1 } },
          },
        };
      }) as never,
      { ordered: false },
    );
  }

  /** Closes the batch on its register (counts moved on), against the version read. */
  async complete(before: HelpRequestRegisterRecord, next: HelpRequestRegisterRecord) {
    const {
      pending,
      batches,
      archivedCount,
      firstArchivedAt,
      lastArchivedAt,
      anonymisedCount,
      anonymisedAt,
    } = next;
    const version = await this.writer.update(
      this.models.HelpRequestRegister,
      before._id,
      before.version,
      { pending, batches, archivedCount, firstArchivedAt, lastArchivedAt, anonymisedCount, anonymisedAt },
      [],
    );
    return { ...next, version };
  }

  async startRun(run: Omit<RegisterRunRecord, 'version'>): Promise<void> {
    await this.writer.insert(this.models.RegisterRun, run, []);
  }

  async finishRun(run: RegisterRunRecord): Promise<void> {
    const { status, finishedAt, archived, anonymised, resumedBatches, registers, error } = run;
    await this.writer.update(
      this.models.RegisterRun,
      run._id,
      run.version,
      { status, finishedAt, archived, anonymised, resumedBatches, registers, error },
      [],
    );
  }
}

/** The fields anonymisation rewrites (the rest of the request is left as stored). */
function anonymisedFields(request: Omit<HelpRequestRecord, '_id' | 'version'>) {
  const {
    register,
    contact,
    description,
    requesterId,
    unitId,
    attachments,
    outcome,
    referral,
    followUp,
    partsNotices,
    inspections,
    timeline,
    comments,
    withdrawal,
    corrections,
    tierChanges,
    handovers,
  } = request;
  return {
    ...(comments ? { comments } : {}),
    ...(withdrawal ? { withdrawal } : {}),
    // Issue 19's reasons, only where the request has them (absent on older requests).
    ...(corrections && { corrections }),
    ...(tierChanges && { tierChanges }),
    ...(handovers && { handovers }),
    register,
    contact,
    description,
    requesterId,
    unitId,
    attachments,
    outcome,
    referral,
    followUp,
    partsNotices,
    inspections,
    timeline,
  };
}
