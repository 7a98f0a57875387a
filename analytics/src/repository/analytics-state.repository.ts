import type { mongo } from 'mongoose';
import { DomainError, isDuplicateKeyError } from '@courtyard/kernel';
import { initialState, type AnalyticsState } from '../domain/consumption.js';
import {
  fromDocument,
  legacyRecords,
  toDocument,
  type AnalyticsStateDocument,
} from './analytics-state.document.js';
import type { Sighting } from './seen-events.repository.js';

export const ANALYTICS_STATE_COLLECTION = 'kpi_state';

export interface StoredState {
  state: AnalyticsState;
  revision: number;
  /** Ids a document from before `seen_events` still kept in its window, to record (see `legacyRecords`). */
  legacyRecords: Sighting[];
}

/**
 * One document per consumer group holds the figures and the offsets they were folded up to.
 * A single-document write is atomic even without transactions (our local MongoDB-wire server
 * has none), so figures and offsets can never disagree after a crash.
 */
export class AnalyticsStateRepository {
  private readonly collection: mongo.Collection<AnalyticsStateDocument>;

  constructor(
    db: mongo.Db,
    private readonly groupId: string,
  ) {
    this.collection = db.collection<AnalyticsStateDocument>(ANALYTICS_STATE_COLLECTION);
  }

  /**
   * The state to start from: the stored one, or nothing for a replay. Days counted in another
   * zone cannot be continued in this one, so that takes a replay too.
   */
  async begin(options: { timeZone: string; replay: boolean }): Promise<StoredState> {
    if (options.replay) await this.drop();
    const stored = (await this.load()) ?? {
      state: initialState(options.timeZone),
      revision: 0,
      legacyRecords: [],
    };
    if (stored.state.timeZone !== options.timeZone) {
      throw new Error(
        `figures were counted in ${stored.state.timeZone}; replay to count them in ${options.timeZone}`,
      );
    }
    return stored;
  }

  async load(): Promise<StoredState | null> {
    const document = await this.collection.findOne({ _id: this.groupId });
    return document
      ? { state: fromDocument(document), revision: document.revision, legacyRecords: legacyRecords(document) }
      : null;
  }

  /** Writes the state if nobody else did since `expectedRevision`; returns the new revision. */
  async save(state: AnalyticsState, expectedRevision: number, now: Date): Promise<number> {
    const revision = expectedRevision + 1;
    const document = toDocument(this.groupId, state, revision, now);
    if (expectedRevision === 0) {
      try {
        await this.collection.insertOne(document);
        return revision;
      } catch (error) {
        if (isDuplicateKeyError(error)) throw this.changed();
        throw error;
      }
    }
    const result = await this.collection.replaceOne(
      { _id: this.groupId, revision: expectedRevision },
      document,
    );
    if (result.matchedCount !== 1) throw this.changed();
    return revision;
  }

  /** Forgets the figures and the offsets: the next start folds every topic from offset zero. */
  async drop(): Promise<void> {
    await this.collection.deleteOne({ _id: this.groupId });
  }

  private changed() {
    return new DomainError(
      'CONFLICT',
      'ANALYTICS_STATE_CHANGED',
      `The KPI state of group ${this.groupId} was written by someone else: run one instance per group`,
    );
  }
}
