import { DomainError } from '../errors.js';

/** The `AggregateWriter`'s refusal of a write against a version another writer has moved on. */
export const isStaleVersion = (error: unknown): boolean =>
  error instanceof DomainError && error.reason === 'STALE_VERSION';

/**
 * Runs read → decide → version-checked write again when another writer got there first. The
 * store has no transactions, so two writers of one aggregate race on its version: the loser
 * reads the winner's state and decides again (a second report of a facility finds the first
 * one's fault and links to it; a complaint is counted on the window as the other intake left
 * it) instead of failing. Bounded: past `attempts` the last refusal goes to the caller. A caller
 * whose attempt fails in other ways that mean the same (a duplicate key of a derived id) says so
 * with `isStale`.
 */
export async function retryOnStale<T>(
  attempt: () => Promise<T>,
  {
    attempts = 5,
    isStale = isStaleVersion,
  }: { attempts?: number; isStale?: (error: unknown) => boolean } = {},
): Promise<T> {
  for (let n = 1; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isStale(error) || n >= attempts) throw error;
    }
  }
}
