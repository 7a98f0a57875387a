import {
  abandonNumber,
  DomainError,
  ReactionAlreadyApplied,
  releaseNumber,
  reserveNumber,
  WITHOUT_OUTBOX,
  type AggregateWriter,
  type Decision,
} from '@courtyard/kernel';
import { isDeepStrictEqual } from 'node:util';
import type { mongo } from 'mongoose';
import { formatNumber } from '../domain/intake.js';
import { requireNotArchived } from '../domain/register.js';
import type { HelpRequestRecord, StaffRecord } from '../domain/records.js';
import { openOriginalFilter, type RepeatCallKey } from '../domain/repeat-calls.js';
import type { WorkOrdersLoaders } from './loaders.js';
import type { WorkOrdersModels } from './models.js';

/**
 * Fields the service never rewrites after intake: the owner above all (首问制). `causedBy` is the
 * writer's own bookkeeping (a keyed create stamps it, a reaction appends to it): rewriting it
 * beside the writer's append is a conflicting update, which dead-lettered the phone follow-up of
 * a request recorded with an Idempotency-Key.
 */
const IMMUTABLE = new Set([
  '_id',
  'version',
  'outbox',
  'causedBy',
  'ownerId',
  'number',
  'propertyId',
  'createdAt',
  'timeline',
]);

/**
 * How long an intake holds the number it took before the number may be issued again: well over
 * the gateway's budget for a request, so a live attempt is never overtaken in practice (and if
 * it were, the unique number index still keeps one request per number).
 */
export const NUMBER_LEASE_MS = 60_000;

/**
 * How long a used number's release waits to ride on the next intake's reservation of the same
 * counter (one counter write per intake instead of two under a steady stream); past it, it is
 * written on its own. Far below the lease, so a live release never meets an expired lease.
 */
export const NUMBER_RELEASE_DEFER_MS = 1_000;

/** How often an intake takes a fresh number after losing its number to another writer. */
const NUMBER_ATTEMPTS = 3;

export class WorkOrdersRepository {
  constructor(
    private readonly models: WorkOrdersModels,
    private readonly db: mongo.Db,
    private readonly writer: AggregateWriter,
    private readonly loaders: WorkOrdersLoaders,
  ) {}

  /**
   * A reaction that already created its request (a replay after a crash before the consumer's
   * bookkeeping): told before a number is allocated, so a replay burns none. The insert's unique
   * `_id` stays the guarantee; this only saves the number.
   */
  async assertNotCreatedBy(id: string, causationId: string): Promise<void> {
    const existing = await this.models.HelpRequest.exists({ _id: id, causedBy: causationId });
    if (existing)
      throw new ReactionAlreadyApplied(this.models.HelpRequest.collection.collectionName, id, causationId);
  }

  /**
   * Records a new request under the next number of its property's register (one counter per
   * property and year), which has no gaps: the number is reserved in the counter document with
   * the same update that takes it, released once the request is written, and issued again to a
   * later intake when the request could not be written (at once when this attempt saw the
   * failure, after `NUMBER_LEASE_MS` when it died or lost the database first). A reissued number
   * can therefore be a little older than its neighbours' intake times. If a slow first attempt
   * and the reissue meet after all, the unique (property, number) index lets one write and the
   * other takes a fresh number and decides again.
   */
  async insertNumbered(
    propertyId: string,
    year: number,
    now: Date,
    decide: (number: string) => Decision<HelpRequestRecord>,
    causationId?: string,
  ): Promise<HelpRequestRecord> {
    for (let attempt = 1; ; attempt += 1) {
      const reservation = await reserveNumber(this.db, `help-request:${propertyId}:${year}`, {
        now,
        leaseMs: NUMBER_LEASE_MS,
        isHeld: async (n) =>
          (await this.models.HelpRequest.exists({ propertyId, number: formatNumber(year, n) })) !== null,
      });
      const number = formatNumber(year, reservation.number);
      let decision: Decision<HelpRequestRecord> | undefined;
      let saved: HelpRequestRecord;
      try {
        decision = decide(number);
        saved = await this.writeRecord(decision, causationId);
      } catch (error) {
        // Best effort: when the database itself is gone this fails too, and the lease frees it.
        await abandonNumber(this.db, reservation).catch(() => undefined);
        if (
          decision &&
          attempt < NUMBER_ATTEMPTS &&
          (await this.numberTakenMeanwhile(error, decision.record._id))
        )
          continue;
        throw error;
      }
      // A keyed retry met the record its first attempt wrote: that one keeps its own number.
      const used = saved.number === number;
      // Lazy: the release rides on this process's next reservation of the counter when one comes
      // within NUMBER_RELEASE_DEFER_MS, and is written on its own after it otherwise; a
      // reservation left behind is cleaned up by the next intake once its lease is over.
      await (
        used
          ? releaseNumber(this.db, reservation, { deferMs: NUMBER_RELEASE_DEFER_MS })
          : abandonNumber(this.db, reservation)
      ).catch(() => undefined);
      return saved;
    }
  }

  /** The insert lost the (property, number) index to another writer of the same number. */
  private async numberTakenMeanwhile(error: unknown, id: string): Promise<boolean> {
    if (!(error instanceof DomainError) || error.reason !== 'DUPLICATE_KEY') return false;
    return (await this.models.HelpRequest.exists({ _id: id })) === null;
  }

  /** The open request a new call repeats, if any (`domain/repeat-calls.ts`: by resident, or by phone). */
  async findOpenOriginal(key: RepeatCallKey) {
    // Through the driver, as `.lean()` returns it: mongoose's query building over the help request
    // schema costs more CPU than the read on every intake (the filter holds only strings and null).
    return (await this.models.HelpRequest.collection.findOne(openOriginalFilter(key) as never, {
      projection: WITHOUT_OUTBOX,
      sort: { createdAt: 1 },
    })) as HelpRequestRecord | null;
  }

  /** The stored request: the one written, or the first one a keyed retry met (see AggregateWriter.insert). */
  private async writeRecord(
    { record, events }: Decision<HelpRequestRecord>,
    causationId?: string,
  ): Promise<HelpRequestRecord> {
    const saved = (await this.writer.insert(
      this.models.HelpRequest,
      record,
      events,
      undefined,
      causationId ? { causationId } : {},
    )) as unknown as HelpRequestRecord;
    this.loaders.helpRequestById.clear(saved._id).prime(saved._id, saved);
    return saved;
  }

  /**
   * Saves a decision taken on `before`: only if nobody changed the request since it was read
   * (CONFLICT otherwise); timeline entries are appended, never rewritten. A reaction passes its
   * event as `causationId`, so a replay is recognised as already applied.
   */
  async saveHelpRequest(
    before: HelpRequestRecord,
    { record, events }: Decision<HelpRequestRecord>,
    causationId?: string,
  ): Promise<HelpRequestRecord> {
    // Every write path (commands, reactions) refuses an archived request; archiving bumps the
    // version, so a command decided on a copy read before it is stale anyway.
    requireNotArchived(before);
    // The owner is set once: by the acceptance of an unowned request (the version filter keeps it once).
    const settable = (key: string) => !IMMUTABLE.has(key) || (key === 'ownerId' && before.ownerId === null);
    const set = Object.fromEntries(Object.entries(record).filter(([key]) => settable(key)));
    const version = await this.writer.update(
      this.models.HelpRequest,
      record._id,
      before.version,
      set,
      events,
      undefined,
      {
        timeline: record.timeline.slice(before.timeline.length),
      },
      causationId ? { causationId } : {},
    );
    const saved = { ...record, version };
    this.loaders.helpRequestById.clear(saved._id).prime(saved._id, saved);
    return saved;
  }

  /**
   * Many decisions at once (the SLA scan): one bulk write of version-checked single-document
   * updates, each setting only the fields its decision changed and appending its timeline entries
   * and events. A request someone changed since it was read matches nothing and keeps its state,
   * so exactly-once rests on the same version filter as `saveHelpRequest`. Returns how many the
   * store reports it applied.
   */
  async saveHelpRequests(
    decided: ReadonlyArray<{ before: HelpRequestRecord; decision: Decision<HelpRequestRecord> }>,
  ): Promise<number> {
    const updates = decided.map(({ before, decision: { record, events } }) => ({
      id: record._id,
      expectedVersion: before.version,
      set: changedFields(before, record),
      events,
      append: { timeline: record.timeline.slice(before.timeline.length) },
    }));
    const applied = await this.writer.updateEach(this.models.HelpRequest, updates);
    for (const { before } of decided) this.loaders.helpRequestById.clear(before._id);
    return applied;
  }

  async insertStaff({ record, events }: Decision<StaffRecord>): Promise<StaffRecord> {
    const saved = (await this.writer.insert(this.models.Staff, record, events)) as unknown as StaffRecord;
    this.loaders.staffById.clear(saved._id).prime(saved._id, saved);
    return saved;
  }

  /** A manager's change of a staff record (issue 19): against the version read; history appended. */
  async saveStaff(before: StaffRecord, { record, events }: Decision<StaffRecord>): Promise<StaffRecord> {
    const { _id, version: _version, createdAt: _createdAt, history = [], ...set } = record;
    const version = await this.writer.update(this.models.Staff, _id, before.version, set, events, undefined, {
      history: history.slice((before.history ?? []).length),
    });
    const saved = { ...record, version };
    this.loaders.staffById.clear(_id).prime(_id, saved);
    return saved;
  }
}

/** The top-level fields a decision changed (never the immutable ones): a small update to send. */
function changedFields(before: HelpRequestRecord, record: HelpRequestRecord): Partial<HelpRequestRecord> {
  const was = before as unknown as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(record).filter(
      ([key, value]) => !IMMUTABLE.has(key) && value !== was[key] && !isDeepStrictEqual(value, was[key]),
    ),
  ) as Partial<HelpRequestRecord>;
}
