import type { Model } from 'mongoose';
import { DomainError, isDuplicateKeyError } from '../errors.js';
import type { CloudEvent } from '../events/envelope.js';
import {
  createdUnder,
  keyGuardingUpdateOf,
  markUpdatedHere,
  updatedUnder,
} from '../idempotency/request-scope.js';

/** Every aggregate document: a string id, an optimistic-concurrency version, its pending events. */
export interface AggregateDocument {
  _id: string;
  version: number;
  outbox?: CloudEvent[];
  /**
   * Ids of the events whose reactions changed this aggregate (latest last, bounded), the
   * `idempotency:<scope>` of the keyed request that created it, and `idempotency:<scope>:updated`
   * of each keyed request that updated it.
   */
  causedBy?: string[];
}

export type DuplicateKeyMapper = (keyValue: Record<string, unknown>) => DomainError;

/** A write made in reaction to an event: the event's id is recorded with the effect. */
export interface ReactionWrite {
  causationId?: string;
}

/**
 * How many causing event ids an aggregate keeps. A replay is recognised by its id while it is
 * among the last this many reactions to the same aggregate; an older replay is still stopped by
 * the consumer's processed-events record, so the bound only trades storage for a second guard.
 */
export const CAUSED_BY_LIMIT = 100;

/**
 * The reaction to `causationId` already changed this aggregate (a replay after a crash between
 * the effect and the consumer's bookkeeping). Not a conflict: the consumer settles the event as
 * a duplicate. A reaction is one write, so nothing after that write is skipped by throwing.
 */
export class ReactionAlreadyApplied extends Error {
  override readonly name = 'ReactionAlreadyApplied';
  constructor(
    readonly collection: string,
    readonly id: string,
    readonly causationId: string,
  ) {
    super(`event ${causationId} was already applied to ${collection}/${id}`);
  }
}

/** Why a keyed re-run's update was refused: its first attempt, whose answer was lost, applied it. */
export const KEY_ALREADY_APPLIED = 'IDEMPOTENCY_KEY_ALREADY_APPLIED';

/** An update refused because the first attempt of this keyed request already applied it. */
export const isKeyAlreadyApplied = (error: unknown): error is DomainError =>
  error instanceof DomainError && error.code === 'CONFLICT' && error.reason === KEY_ALREADY_APPLIED;

/**
 * The single way domain state is written: the change and its events land in one document
 * update (no transactions needed, so it holds on the local wire server and real MongoDB
 * alike), then the relay is told to publish them. A reaction records its causing event id in
 * that same write, so "the effect" and "the fact that this event caused it" cannot part.
 */
export class AggregateWriter {
  /**
   * `notify` is told of every write that added events; a write that created the aggregate also
   * passes its whole outbox (`created`), which the relay then sends without reading it back.
   */
  constructor(
    private readonly notify: (collection: string, id: string, created?: readonly CloudEvent[]) => void,
  ) {}

  /**
   * With a `causationId`, a created aggregate's `_id` must be derived from the event (the
   * property's own id, or `idsDerivedFrom(event.id)`): a replay then hits the unique `_id`, and
   * finding the causation id on the stored document tells it from a genuine duplicate.
   *
   * Under an idempotency key, a create whose `_id` (derived from the key) is already stored,
   * created under that same key, is the re-run of an attempt that wrote and then died before
   * its answer was recorded: the stored record is returned as if just written (nothing is
   * inserted, no event is added or announced), so the retry answers what the first would have.
   * Callers return what this returns, never the document they passed in (typed by the model:
   * `Model<XRecord>` gives an `XRecord`, no cast needed).
   */
  async insert<T extends AggregateDocument>(
    model: Model<T>,
    document: Omit<T, 'outbox' | 'version' | 'causedBy'>,
    events: CloudEvent[],
    onDuplicate?: DuplicateKeyMapper,
    reaction: ReactionWrite = {},
  ): Promise<T> {
    return (await this.insertOrMeet(model, document, events, onDuplicate, reaction)).record;
  }

  /**
   * `insert`, also telling whether this call wrote the record (`created`) or met the one a keyed
   * first attempt stored (`created: false`: nothing written, nothing announced), for a caller
   * whose next step depends on what is stored rather than on what it decided (work-orders joins
   * a met incident as any found one; a met complaint window is stale and decided again). Where
   * only the record matters, `insert`: a met record is the first answer, as if just written.
   */
  async insertOrMeet<T extends AggregateDocument>(
    model: Model<T>,
    document: Omit<T, 'outbox' | 'version' | 'causedBy'>,
    events: CloudEvent[],
    onDuplicate?: DuplicateKeyMapper,
    { causationId }: ReactionWrite = {},
  ): Promise<{ record: T; created: boolean }> {
    const keyed = createdUnder();
    const causes = [...(causationId ? [causationId] : []), ...(keyed ? [keyed] : [])];
    const stored = {
      ...document,
      version: 1,
      outbox: events,
      ...(causes.length > 0 ? { causedBy: causes } : {}),
    } as unknown as T;
    try {
      await model.collection.insertOne(stored as never);
    } catch (error) {
      if (causationId && isDuplicateKeyError(error)) {
        await this.throwIfApplied(model, document._id, causationId);
      }
      // A keyed retry decides the same `_id` (ids derived from the key): it meets its first record.
      if (keyed && isDuplicateKeyError(error)) {
        const first = await this.storedCausedBy(model, document._id, keyed);
        if (first) return { record: first, created: false };
      }
      throw mapDuplicate(error, onDuplicate);
    }
    if (events.length > 0) this.notify(model.collection.collectionName, document._id, events);
    return { record: { ...stored, outbox: [] }, created: true };
  }

  /**
   * Inserts, each with its events, the documents whose `_id` is not stored yet, and reports the
   * ids it inserted. For records whose `_id` is derived from what they are (a maintenance task
   * from its plan, facility and period): writing them again, after a restart or from a second
   * replica at the same moment, inserts nothing twice. Unordered, so one already there does not
   * stop the rest; a duplicate that another writer inserted between the read and the write is
   * counted as not inserted by this call.
   */
  async insertAbsent<T extends AggregateDocument>(
    model: Model<T>,
    items: ReadonlyArray<{ document: Omit<T, 'outbox' | 'version' | 'causedBy'>; events: CloudEvent[] }>,
  ): Promise<string[]> {
    if (items.length === 0) return [];
    const existing = new Set(
      (
        (await model.collection
          .find({ _id: { $in: items.map((item) => item.document._id) } } as never, { projection: { _id: 1 } })
          .toArray()) as unknown as Array<{ _id: string }>
      ).map((doc) => doc._id),
    );
    const fresh = items.filter((item) => !existing.has(item.document._id));
    if (fresh.length === 0) return [];
    const failed = new Set<number>();
    try {
      await model.collection.insertMany(
        fresh.map(({ document, events }) => ({ ...document, version: 1, outbox: events }) as never),
        { ordered: false },
      );
    } catch (error) {
      const writeErrors = (error as { writeErrors?: Array<{ index: number; code?: number }> }).writeErrors;
      if (!isDuplicateKeyError(error) && !writeErrors?.length) throw error;
      const errors = writeErrors ?? [];
      if (errors.some((e) => e.code !== undefined && e.code !== 11000)) throw error;
      for (const e of errors) failed.add(e.index);
      // A duplicate reported without its index: which were inserted is unknown, so none is
      // claimed; the relay's sweep publishes the events of those that were.
      if (errors.length === 0) return [];
    }
    const inserted = fresh.filter((_, index) => !failed.has(index));
    for (const { document, events } of inserted)
      if (events.length > 0) this.notify(model.collection.collectionName, document._id, events);
    return inserted.map((item) => item.document._id);
  }

  /**
   * Applies `set` if the stored version is still `expectedVersion`; otherwise someone else
   * changed the aggregate first and the caller gets CONFLICT (nothing is written). With a
   * `causationId`, the filter also requires that this event has not changed the aggregate yet,
   * and the same update records it: a replay matches nothing and is reported as
   * `ReactionAlreadyApplied`, told apart from a stale version by reading the document again.
   *
   * Under an idempotency key the update also records the key's update stamp (`updatedUnder`, not
   * the create's: a record the first attempt created but had not updated yet is still updated) in
   * `causedBy`, bounded as causation ids are. In a re-run after a lost answer (the key taken over
   * once its first attempt's lease ran out), the filter also requires that the stamp is not on
   * the aggregate yet, unless this
   * attempt itself updated it already: the first attempt's effect found there is applied once,
   * never twice, and the caller gets CONFLICT / `IDEMPOTENCY_KEY_ALREADY_APPLIED` (nothing written).
   */
  async update<T extends AggregateDocument>(
    model: Model<T>,
    id: string,
    expectedVersion: number,
    set: Partial<Omit<T, '_id' | 'version' | 'outbox' | 'causedBy'>>,
    events: CloudEvent[],
    onDuplicate?: DuplicateKeyMapper,
    /** Entries appended to array fields: an append-only history is never rewritten. */
    append: Record<string, unknown[]> = {},
    { causationId }: ReactionWrite = {},
  ): Promise<number> {
    const push: Record<string, { $each: unknown[]; $slice?: number }> = {};
    for (const [field, entries] of Object.entries(append)) {
      if (entries.length > 0) push[field] = { $each: entries };
    }
    if (events.length > 0) push.outbox = { $each: events };
    // `causedBy` is the writer's own: a caller that spreads the record it read passes it along,
    // and setting it beside the push would be a conflicting update of one path.
    const { causedBy: _read, ...fields } = set as Record<string, unknown>;
    void _read;
    const collection = model.collection.collectionName;
    const keyed = updatedUnder();
    const guardedKey = keyGuardingUpdateOf(collection, id);
    const causes = [...(causationId ? [causationId] : []), ...(keyed ? [keyed] : [])];
    if (causes.length > 0) push.causedBy = { $each: causes, $slice: -CAUSED_BY_LIMIT };
    // On an array field `$ne` means "no element equals": true too where the field is absent;
    // `$nin` the same for several.
    const notYet = [...(causationId ? [causationId] : []), ...(guardedKey ? [guardedKey] : [])];
    let matched: number;
    try {
      const result = await model.collection.updateOne(
        {
          _id: id,
          version: expectedVersion,
          ...(notYet.length === 1 ? { causedBy: { $ne: notYet[0] } } : {}),
          ...(notYet.length > 1 ? { causedBy: { $nin: notYet } } : {}),
        } as never,
        {
          $set: fields,
          $inc: { version: 1 },
          ...(Object.keys(push).length > 0 ? { $push: push } : {}),
        } as never,
      );
      matched = result.matchedCount;
    } catch (error) {
      throw mapDuplicate(error, onDuplicate);
    }
    if (matched !== 1) {
      if (causationId) await this.throwIfApplied(model, id, causationId);
      if (guardedKey && (await this.causedBy(model, id, guardedKey))) {
        throw new DomainError(
          'CONFLICT',
          KEY_ALREADY_APPLIED,
          'The first attempt of this request already applied this change before its answer was lost; read the record to see it',
          { id },
        );
      }
      throw new DomainError(
        'CONFLICT',
        'STALE_VERSION',
        'The record was changed by someone else; reload and retry',
        {
          id,
          expectedVersion,
        },
      );
    }
    if (keyed) markUpdatedHere(collection, id);
    if (events.length > 0) this.notify(collection, id);
    return expectedVersion + 1;
  }

  /**
   * Many version-checked updates (each as `update` would make it, without a causation id) in
   * one unordered bulk write: one round trip instead of one per aggregate, for a job that decides
   * many aggregates at once (the SLA scan). Each is still its own single-document update filtered
   * on the version read, so one that someone else changed first matches nothing and is left
   * unchanged, as with `update`. Returns how many the store reports matched (the bulk result
   * does not say which; on the local wire server the count may come out low), and tells the relay
   * about every aggregate with events (one that did not match has none pending: harmless).
   */
  async updateEach<T extends AggregateDocument>(
    model: Model<T>,
    updates: ReadonlyArray<{
      id: string;
      expectedVersion: number;
      set: Partial<Omit<T, '_id' | 'version' | 'outbox' | 'causedBy'>>;
      events: CloudEvent[];
      append?: Record<string, unknown[]>;
    }>,
  ): Promise<number> {
    if (updates.length === 0) return 0;
    const operations = updates.map(({ id, expectedVersion, set, events, append = {} }) => {
      const push: Record<string, { $each: unknown[] }> = {};
      for (const [field, entries] of Object.entries(append)) {
        if (entries.length > 0) push[field] = { $each: entries };
      }
      if (events.length > 0) push.outbox = { $each: events };
      return {
        updateOne: {
          filter: { _id: id, version: expectedVersion },
          update: {
            $set: set,
            $inc: { version: 1 },
            ...(Object.keys(push).length > 0 ? { $push: push } : {}),
          },
        },
      };
    });
    const result = await model.collection.bulkWrite(operations as never, { ordered: false });
    for (const { id, events } of updates) {
      if (events.length > 0) this.notify(model.collection.collectionName, id);
    }
    return result.matchedCount;
  }

  private async throwIfApplied<T extends AggregateDocument>(
    model: Model<T>,
    id: string,
    causationId: string,
  ): Promise<void> {
    if (await this.causedBy(model, id, causationId)) {
      throw new ReactionAlreadyApplied(model.collection.collectionName, id, causationId);
    }
  }

  /** The stored aggregate (without its outbox) if `cause` is among what changed it, else null. */
  private async storedCausedBy<T extends AggregateDocument>(
    model: Model<T>,
    id: string,
    cause: string,
  ): Promise<T | null> {
    const stored = (await model.collection.findOne({ _id: id } as never, {
      projection: { outbox: 0 },
    })) as T | null;
    return stored?.causedBy?.includes(cause) ? ({ ...stored, outbox: [] } as T) : null;
  }

  private async causedBy<T extends AggregateDocument>(model: Model<T>, id: string, cause: string) {
    const stored = (await model.collection.findOne({ _id: id } as never, {
      projection: { causedBy: 1 },
    })) as Pick<AggregateDocument, 'causedBy'> | null;
    return stored?.causedBy?.includes(cause) ?? false;
  }
}

function mapDuplicate(error: unknown, onDuplicate?: DuplicateKeyMapper): unknown {
  if (!isDuplicateKeyError(error)) return error;
  const keyValue = (error.keyValue ?? {}) as Record<string, unknown>;
  return onDuplicate
    ? onDuplicate(keyValue)
    : new DomainError('CONFLICT', 'DUPLICATE_KEY', 'A record with the same key already exists', { keyValue });
}
