import { notFound, paginate, WITHOUT_OUTBOX, type Caller, type PageArgs } from '@courtyard/kernel';
import type { FacilityStatus, FacilityType } from '../domain/catalogue.js';
import type { FacilityRecord } from '../domain/records.js';
import { canReadFacility, canReportFaultOn, facilitiesReadableBy } from '../domain/visibility.js';
import type { FacilitiesLoaders } from './loaders.js';
import type { FacilitiesModels } from './models.js';

const identity = <T>(doc: T) => doc;

export interface FacilityFilter {
  type?: FacilityType | null;
  status?: FacilityStatus | null;
}

/** Every read of the facilities subgraph: only what the domain's read rules allow, no pending outbox. */
export class FacilitiesReads {
  constructor(
    private readonly models: FacilitiesModels,
    private readonly loaders: FacilitiesLoaders,
  ) {}

  /** A record the caller may not see is reported exactly like a missing one. */
  async facility(caller: Caller, id: string): Promise<FacilityRecord> {
    return (await this.facilityOrNull(caller, id)) ?? notFound('Facility', id);
  }

  /** The facility a fault is reported on: readable, or of a property a reporting partner serves. */
  async facilityToReportOn(caller: Caller, id: string): Promise<FacilityRecord> {
    const record = await this.loaders.facilityById.load(id);
    if (!record || !canReportFaultOn(caller, record)) return notFound('Facility', id);
    return record;
  }

  /** For fields that return a facility (`HelpRequest.facility`): null when the caller may not read it. */
  async facilityOrNull(caller: Caller, id: string): Promise<FacilityRecord | null> {
    const record = await this.loaders.facilityById.load(id);
    return record && canReadFacility(caller, record) ? record : null;
  }

  facilities(caller: Caller, propertyId: string, filter: FacilityFilter, page: PageArgs) {
    return paginate(
      this.models.Facility,
      { $and: [this.filterOf(propertyId, filter), facilitiesReadableBy(caller)] },
      page,
      identity,
    );
  }

  /** Every facility of a type at a property the caller may read (for availability), oldest first. */
  async allOfType(caller: Caller, propertyId: string, type: FacilityType): Promise<FacilityRecord[]> {
    return (await this.models.Facility.find(
      { $and: [this.filterOf(propertyId, { type }), facilitiesReadableBy(caller)] },
      WITHOUT_OUTBOX,
    )
      .sort({ createdAt: -1, _id: -1 })
      .limit(1000)
      .lean()) as FacilityRecord[];
  }

  private filterOf(propertyId: string, filter: FacilityFilter) {
    return {
      propertyId,
      ...(filter.type ? { type: filter.type } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    };
  }
}
