/**
 * Whether the gateway hears the subgraphs' events now. The cache serves only while it does: an
 * answer held while an event went unheard could be served after the write it announced.
 *
 * Heard means: joined to its consumer group and a fetch from the broker came back within
 * `staleAfterMs` (an idle consumer fetches about twice a second). A (re)join may have reset the
 * consumer's position to the newest offset, skipping events published meanwhile, so after every
 * join the first fetch (the position is settled then) calls `onHeard`, which empties the cache.
 * A broker that stops answering stops the fetches: after `staleAfterMs` nothing is served, and
 * when fetches come back the cache starts empty again.
 */
export class BrokerLiveness {
  private joined = false;
  private lastFetchMs: number | undefined;

  constructor(
    private readonly staleAfterMs: number,
    private readonly onHeard: () => void,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(staleAfterMs) || staleAfterMs < 1)
      throw new TypeError(`BrokerLiveness: staleAfterMs must be a positive integer, got ${staleAfterMs}`);
  }

  /** The consumer joined its group (again): not heard until its first fetch. */
  groupJoined(): void {
    this.joined = true;
    this.lastFetchMs = undefined;
  }

  /** A fetch came back from the broker (with events or none). */
  fetched(): void {
    if (!this.joined) return;
    const wasHeard = this.heard();
    this.lastFetchMs = this.now();
    if (!wasHeard) this.onHeard();
  }

  /** Rebalancing, crashed, disconnected or stopped: nothing is heard until it joins again. */
  lost(): void {
    this.joined = false;
    this.lastFetchMs = undefined;
  }

  heard(): boolean {
    return this.joined && this.lastFetchMs !== undefined && this.now() - this.lastFetchMs < this.staleAfterMs;
  }
}
