import type { AggregateWriter } from '@courtyard/kernel';
import { timeZoneOf } from '../domain/properties.js';
import type { PropertyRecord } from '../domain/records.js';
import type { WorkOrdersModels } from './models.js';

/** The properties work-orders has heard of, from `residents.events`. */
export class PropertyProjection {
  constructor(
    private readonly models: WorkOrdersModels,
    private readonly writer: AggregateWriter,
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
   * Keyed by the property's own id and stamped with the event that announced it: a replay of
   * that event hits the `_id` and is recognised as already applied.
   */
  async record(property: PropertyRecord, causationId: string): Promise<void> {
    await this.writer.insert(this.models.Property, property, [], undefined, { causationId });
  }
}
