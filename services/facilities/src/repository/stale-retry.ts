import { DomainError } from '@courtyard/kernel';

const isStale = (error: unknown) => error instanceof DomainError && error.reason === 'STALE_VERSION';

/**
 * Runs read → decide → version-checked write again when another writer got there first. The
 * store has no transactions, so two reports of one facility at once race on its version: the
 * loser re-reads the facility, finds the winner's open fault and is linked to it instead of
 * failing (or opening a second repair). Bounded: a facility is not written that often.
 */
export async function retryOnStale<T>(attempt: () => Promise<T>, attempts = 5): Promise<T> {
  for (let n = 1; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isStale(error) || n >= attempts) throw error;
    }
  }
}
