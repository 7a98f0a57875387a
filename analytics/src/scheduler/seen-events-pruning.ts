import type { SeenEventsRepository } from '../repository/seen-events.repository.js';

/** Days a folded event's id is remembered against a late copy, unless configured otherwise. */
export const DEFAULT_SEEN_EVENTS_RETENTION_DAYS = 14;

/**
 * Forgets the ids of events folded longer ago than the retention (the local store has no TTL
 * expiry). Safe to run twice or on two instances: it only deletes what is past the cut-off.
 */
export class SeenEventsPruning {
  constructor(
    private readonly seen: Pick<SeenEventsRepository, 'prune'>,
    private readonly retentionMs: number,
  ) {}

  tick(now: Date): Promise<number> {
    return this.seen.prune(new Date(now.getTime() - this.retentionMs));
  }
}
