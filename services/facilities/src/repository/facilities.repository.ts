import type { AggregateWriter, Decision } from '@courtyard/kernel';
import type { FacilityRecord } from '../domain/records.js';
import type { FacilitiesLoaders } from './loaders.js';
import type { FacilitiesModels } from './models.js';

/**
 * Writes go through the kernel's AggregateWriter (state and events in one document write);
 * after a write the request's loaders are primed so the payload reads what was written.
 */
export class FacilitiesRepository {
  constructor(
    private readonly models: FacilitiesModels,
    private readonly writer: AggregateWriter,
    private readonly loaders: FacilitiesLoaders,
  ) {}

  async insertFacility({ record, events }: Decision<FacilityRecord>): Promise<FacilityRecord> {
    await this.writer.insert(this.models.Facility, record, events);
    this.loaders.facilityById.prime(record._id, record);
    return record;
  }
}
