import { notFound, paginate, type Caller, type PageArgs } from '@courtyard/kernel';
import type { FacilityRecord } from '../domain/records.js';
import { facilitiesReadableBy, canReadFacility } from '../domain/visibility.js';
import type { FacilitiesLoaders } from './loaders.js';
import type { FacilitiesModels } from './models.js';

const identity = <T>(doc: T) => doc;

/** Every read of the facilities subgraph: only what the domain's read rules allow, no pending outbox. */
export class FacilitiesReads {
  constructor(
    private readonly models: FacilitiesModels,
    private readonly loaders: FacilitiesLoaders,
  ) {}

  /** A record the caller may not see is reported exactly like a missing one. */
  async facility(caller: Caller, id: string): Promise<FacilityRecord> {
    const record = await this.loaders.facilityById.load(id);
    if (!record || !canReadFacility(caller, record)) return notFound('Facility', id);
    return record;
  }

  facilities(caller: Caller, propertyId: string, page: PageArgs) {
    return paginate(
      this.models.Facility,
      { $and: [{ propertyId }, facilitiesReadableBy(caller)] },
      page,
      identity,
    );
  }
}
