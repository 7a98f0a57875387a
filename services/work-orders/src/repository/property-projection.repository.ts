import { VersionedCache, type AggregateWriter } from '@courtyard/kernel';
import { timeZoneOf } from '../domain/properties.js';
import { termsAt } from '../domain/sla-policies.js';
import type { SlaTerms } from '../domain/sla-terms.js';
import { holidaySeed } from './china-holidays.js';
import type { PropertyRecord } from '../domain/records.js';
import type { WorkOrdersModels } from './models.js';

/** Properties kept by a work-orders process: a few hundred per company, well under this. */
const CACHED_PROPERTIES = 2_000;

/** The process's cache of properties, checked against the stored version at every read. */
export const createPropertyCache = (models: WorkOrdersModels) =>
  new VersionedCache<PropertyRecord>(() => models.Property.collection, {
    maxEntries: CACHED_PROPERTIES,
    without: ['outbox'],
  });

/** The properties work-orders has heard of, from `residents.events`. */
export class PropertyProjection {
  constructor(
    private readonly models: WorkOrdersModels,
    private readonly writer: AggregateWriter,
    private readonly cache: VersionedCache<PropertyRecord>,
  ) {}

  /** The zone intake numbers and counts working days in (CONFLICT while the property is unknown). */
  async timeZoneOf(propertyId: string): Promise<string> {
    const property = (await this.models.Property.findOne(
      { _id: propertyId },
      { timeZone: 1 },
    ).lean()) as PropertyRecord | null;
    return timeZoneOf(property, propertyId);
  }

  /**
   * Refuses ids of properties work-orders has not heard of (CONFLICT PROPERTY_NOT_YET_KNOWN, as
   * intake does), so a staff member is never registered for a property that does not exist.
   */
  async requireKnown(propertyIds: readonly string[]): Promise<void> {
    const known = new Set(
      (
        (await this.models.Property.find({ _id: { $in: [...propertyIds] } }, { _id: 1 }).lean()) as Array<{
          _id: string;
        }>
      ).map((property) => property._id),
    );
    const unknown = propertyIds.find((propertyId) => !known.has(propertyId));
    if (unknown !== undefined) timeZoneOf(null, unknown);
  }

  /** The property itself (policies and calendar included), or CONFLICT while it is unknown. */
  async property(propertyId: string): Promise<PropertyRecord> {
    // Every intake reads its property: through the cache, an unchanged one comes back as its
    // version alone (and through the driver, as `.lean()` returns it: mongoose's query building
    // cost more CPU than the read itself).
    const property = await this.cache.get(propertyId);
    timeZoneOf(property, propertyId);
    return property!;
  }

  /** Its zone and the SLA terms in force at `at` (the policy version a new request is pinned to). */
  async termsOf(propertyId: string, at: Date): Promise<{ timeZone: string; terms: SlaTerms }> {
    const property = await this.property(propertyId);
    return { timeZone: property.timeZone, terms: termsAt(property, at) };
  }

  /** The dated calendar entries a new property in this zone starts with. */
  calendarSeed(timeZone: string, year: number) {
    return holidaySeed(timeZone, year);
  }

  /** An administrator's change of policies or calendar, against the version read. */
  async save(before: PropertyRecord, next: PropertyRecord): Promise<PropertyRecord> {
    const { _id, version, createdAt, ...set } = next;
    void _id;
    void version;
    void createdAt;
    const saved = await this.writer.update(this.models.Property, before._id, before.version, set, []);
    return { ...next, version: saved };
  }

  /**
   * Keyed by the property's own id and stamped with the event that announced it: a replay of
   * that event hits the `_id` and is recognised as already applied.
   */
  async record(property: PropertyRecord, causationId: string): Promise<void> {
    await this.writer.insert(this.models.Property, property, [], undefined, { causationId });
  }
}
