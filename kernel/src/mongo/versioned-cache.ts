import { LRUCache } from 'lru-cache';
import type { mongo } from 'mongoose';

/** A document the AggregateWriter keeps: every write through it increments `version`. */
interface Versioned {
  _id: string;
  version: number;
}

export interface VersionedCacheOptions {
  /** Documents kept at most; past it the one read longest ago is dropped. */
  maxEntries: number;
  /** Fields the cached copy leaves out (the outbox, which only the relay reads). */
  without?: readonly string[];
}

/**
 * The documents of one collection as last read, checked against the stored version at every
 * read. Still one round trip per read, so a change by any replica is seen at once, but for an
 * unchanged document the answer is its `_id` and `version`, not the whole document: a property
 * with its SLA policies and working calendar is read by every intake, and decoding it on both
 * sides of the wire was most of that read's cost. Exact only for collections written through
 * the AggregateWriter (each write increments `version`); a deleted document is forgotten.
 *
 * Copies are deep-frozen: one is handed to every request that reads it, so none may change it.
 */
export class VersionedCache<T extends Versioned> {
  /** Bounded by `maxEntries`; reading an entry makes it the most recent. */
  private readonly entries: LRUCache<string, T>;
  private readonly projection: Record<string, 0> | undefined;

  constructor(
    private readonly collection: () => mongo.Collection,
    options: VersionedCacheOptions,
  ) {
    this.entries = new LRUCache<string, T>({ max: options.maxEntries });
    this.projection =
      options.without && options.without.length > 0
        ? Object.fromEntries(options.without.map((field) => [field, 0 as const]))
        : undefined;
  }

  /** The stored document (null if there is none), from the cache while its version is current. */
  async get(id: string): Promise<T | null> {
    const cached = this.entries.get(id);
    if (cached) {
      const stored = (await this.collection().findOne(
        { _id: id as never },
        { projection: { version: 1 } },
      )) as Versioned | null;
      if (stored && stored.version === cached.version) return cached;
      this.entries.delete(id);
      if (!stored) return null;
    }
    const document = (await this.collection().findOne(
      { _id: id as never },
      this.projection ? { projection: this.projection } : {},
    )) as T | null;
    if (!document) return null;
    this.remember(deepFreeze(document));
    return document;
  }

  private remember(document: T): void {
    const current = this.entries.peek(document._id);
    // Two reads racing a write: keep the newer copy.
    if (current && current.version > document.version) return;
    this.entries.set(document._id, document);
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}
