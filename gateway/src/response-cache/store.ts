import { LRUCache } from 'lru-cache';

/**
 * Whole answers of read operations, each tagged with the subgraphs whose fetches produced it.
 * Invalidation is by counting, not by searching: every subgraph has a generation that a write
 * to it (a mutation through this gateway, a domain event on its topic) moves on, and an entry is
 * good only while the generations it was read under still hold. A read in flight while a
 * write lands was read under the old generation, so what it brings back is never served, even
 * when it arrives after the write was announced. `clear` moves every generation on at once.
 */
export interface StoredAnswer<T> {
  answer: T;
  /** What the answer weighs (bytes of its JSON), for the bound on memory. */
  bytes: number;
}

/** The generations a read started under; handed back to `store` with what it read. */
export interface ReadStart {
  readonly epoch: number;
  readonly generations: ReadonlyMap<string, number>;
  readonly atMs: number;
}

interface Entry<T> extends StoredAnswer<T> {
  tags: ReadonlyMap<string, number>;
  epoch: number;
  storedAtMs: number;
}

export interface ResponseStoreOptions {
  maxEntries: number;
  maxBytes: number;
  /** How long an answer is served at most, events or not (state that changes without an event). */
  maxAgeMs: number;
  now?: () => number;
}

export class ResponseStore<T> {
  private readonly entries: LRUCache<string, Entry<T>>;
  private readonly generations = new Map<string, number>();
  /** Moved on by `clear`: every entry stored before it is gone, and every read in flight. */
  private epoch = 0;
  private readonly now: () => number;
  private readonly maxAgeMs: number;

  constructor(options: ResponseStoreOptions) {
    for (const [name, value] of Object.entries({
      maxEntries: options.maxEntries,
      maxBytes: options.maxBytes,
      maxAgeMs: options.maxAgeMs,
    }))
      if (!Number.isInteger(value) || value < 1)
        throw new TypeError(`ResponseStore: ${name} must be a positive integer, got ${value}`);
    this.now = options.now ?? Date.now;
    this.maxAgeMs = options.maxAgeMs;
    this.entries = new LRUCache<string, Entry<T>>({
      max: options.maxEntries,
      maxSize: options.maxBytes,
      sizeCalculation: (entry) => Math.max(1, entry.bytes),
    });
  }

  /** Where a read starts: the generations its answer will be checked against. */
  begin(): ReadStart {
    return { epoch: this.epoch, generations: new Map(this.generations), atMs: this.now() };
  }

  /** The answer held for `key`, unless a write to one of its subgraphs or its age has ended it. */
  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.isCurrent(entry)) return entry.answer;
    this.entries.delete(key);
    return undefined;
  }

  /**
   * Holds what a read that began at `start` brought back from `subgraphs`, unless one of them was
   * written to meanwhile (the answer may predate the write). False when it was not held.
   */
  store(key: string, start: ReadStart, subgraphs: Iterable<string>, stored: StoredAnswer<T>): boolean {
    const tags = new Map<string, number>();
    for (const subgraph of subgraphs) {
      const then = start.generations.get(subgraph) ?? 0;
      if (then !== (this.generations.get(subgraph) ?? 0)) return false;
      tags.set(subgraph, then);
    }
    if (tags.size === 0 || start.epoch !== this.epoch) return false;
    const entry: Entry<T> = { ...stored, tags, epoch: start.epoch, storedAtMs: start.atMs };
    if (!this.isCurrent(entry)) return false;
    this.entries.set(key, entry);
    return this.entries.has(key);
  }

  /** A write to `subgraph`: every answer it took part in is no longer served. */
  invalidate(subgraph: string): void {
    this.generations.set(subgraph, (this.generations.get(subgraph) ?? 0) + 1);
  }

  /** Nothing held is served any more (the broker was out of reach: events may have been missed). */
  clear(): void {
    this.epoch += 1;
    this.entries.clear();
  }

  /** How many answers are held (some may already be out of date and go at their next read). */
  get size(): number {
    return this.entries.size;
  }

  private isCurrent(entry: Entry<T>): boolean {
    if (entry.epoch !== this.epoch) return false;
    // Aged from when its read began: the data is at least that old.
    if (this.now() - entry.storedAtMs >= this.maxAgeMs) return false;
    for (const [subgraph, generation] of entry.tags)
      if ((this.generations.get(subgraph) ?? 0) !== generation) return false;
    return true;
  }
}
