import { notFound, paginate, WITHOUT_OUTBOX, type Caller, type PageArgs } from '@courtyard/kernel';
import type { FacilityType, MeterType } from '../domain/catalogue.js';
import { addDays } from '../domain/partner.js';
import type { InspectionRecord, MeterRecord, ServicePartnerRecord } from '../domain/records.js';
import { canReadPropertyRecord, propertyRecordsReadableBy } from '../domain/visibility.js';
import type { FacilitiesLoaders } from './loaders.js';
import type { FacilitiesModels } from './models.js';

const identity = <T>(doc: T) => doc;

export interface ServicePartnerFilter {
  /** Only partners with a contract covering this type. */
  facilityType?: FacilityType | null;
  /** Only partners with a contract that ends within this many days of `today` (and has not ended). */
  contractsExpiringWithinDays?: number | null;
}

export interface MeterFilter {
  type?: MeterType | null;
  unitId?: string | null;
}

/** Reads of service partners, meters and inspections: the property's staff, inspectors every one. */
export class EstateReads {
  /** Per request: the property's partners, for each facility's contracts and warnings. */
  private readonly partnersByProperty = new Map<string, Promise<ServicePartnerRecord[]>>();

  constructor(
    private readonly models: FacilitiesModels,
    private readonly loaders: FacilitiesLoaders,
  ) {}

  async partner(caller: Caller, id: string): Promise<ServicePartnerRecord> {
    const record = await this.loaders.partnerById.load(id);
    return record && canReadPropertyRecord(caller, record) ? record : notFound('ServicePartner', id);
  }

  partners(caller: Caller, propertyId: string, filter: ServicePartnerFilter, today: string, page: PageArgs) {
    const within = filter.contractsExpiringWithinDays;
    const contract = {
      ...(filter.facilityType ? { facilityTypes: filter.facilityType } : {}),
      ...(within != null ? { endsOn: { $gte: today, $lte: addDays(today, within) } } : {}),
    };
    return paginate(
      this.models.ServicePartner,
      {
        $and: [
          {
            propertyId,
            ...(Object.keys(contract).length > 0 ? { contracts: { $elemMatch: contract } } : {}),
          },
          propertyRecordsReadableBy(caller),
        ],
      },
      page,
      identity,
    );
  }

  /** Every service partner of a property (tens at most), once per request. */
  allPartnersOf(propertyId: string): Promise<ServicePartnerRecord[]> {
    let found = this.partnersByProperty.get(propertyId);
    if (!found) {
      found = this.models.ServicePartner.find({ propertyId }, WITHOUT_OUTBOX)
        .sort({ createdAt: -1, _id: -1 })
        .limit(500)
        .lean()
        .exec() as Promise<ServicePartnerRecord[]>;
      this.partnersByProperty.set(propertyId, found);
    }
    return found;
  }

  async meter(caller: Caller, id: string): Promise<MeterRecord> {
    const record = await this.loaders.meterById.load(id);
    return record && canReadPropertyRecord(caller, record) ? record : notFound('Meter', id);
  }

  meters(caller: Caller, propertyId: string, filter: MeterFilter, page: PageArgs) {
    return paginate(
      this.models.Meter,
      {
        $and: [
          {
            propertyId,
            ...(filter.type ? { type: filter.type } : {}),
            ...(filter.unitId ? { unitId: filter.unitId } : {}),
          },
          propertyRecordsReadableBy(caller),
        ],
      },
      page,
      identity,
    );
  }

  async inspection(caller: Caller, id: string): Promise<InspectionRecord> {
    const record = await this.loaders.inspectionById.load(id);
    return record && canReadPropertyRecord(caller, record) ? record : notFound('Inspection', id);
  }

  inspections(caller: Caller, propertyId: string, page: PageArgs) {
    return paginate(
      this.models.Inspection,
      { $and: [{ propertyId }, propertyRecordsReadableBy(caller)] },
      page,
      identity,
    );
  }
}
