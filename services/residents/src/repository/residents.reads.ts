import {
  ALL_PROPERTIES,
  notFound,
  paginate,
  phoneSuffixPattern,
  WITHOUT_OUTBOX,
  type Caller,
  type PageArgs,
} from '@courtyard/kernel';
import type { FilterQuery } from 'mongoose';
import type {
  HouseholdRecord,
  PropertyRecord,
  ResidentKind,
  ResidentRecord,
  UnitRecord,
} from '../domain/records.js';
import { canReadHousehold, canReadResident, residentsReadableBy, type Filter } from '../domain/visibility.js';
import type { ResidentsLoaders } from './loaders.js';
import type { ResidentsModels } from './models.js';
import { NO_JOIN, primeFromUnitPage, unitPageStages, type UnitPageJoin } from './unit-page-join.js';

export interface UnitListFilter {
  buildingId?: string | null;
  floor?: number | null;
  number?: string | null;
}

export interface ResidentListFilter {
  kind?: ResidentKind | null;
  vip?: boolean | null;
  phoneSuffix?: string | null;
}

const identity = <T>(doc: T) => doc;
/** Only the clauses a client set: an absent, null or empty filter field constrains nothing. */
const given = (clauses: Record<string, unknown>): Filter =>
  Object.fromEntries(Object.entries(clauses).filter(([, value]) => value != null && value !== ''));

/**
 * Every read of the residents subgraph, for one request: residents and households only as the
 * domain's read rules allow (a record the caller may not see is reported exactly like a missing
 * one), estate records (properties, buildings, units) as the access gate lets them through, and
 * none with a pending outbox.
 */
export class ResidentsReads {
  constructor(
    private readonly models: ResidentsModels,
    private readonly loaders: ResidentsLoaders,
  ) {}

  /** The properties the caller acts for (every one for the system and an all-properties scope). */
  propertiesInScope(caller: Caller, page: PageArgs) {
    const all = caller.role === 'SYSTEM' || caller.propertyIds.includes(ALL_PROPERTIES);
    return paginate(
      this.models.Property,
      all ? {} : { _id: { $in: [...caller.propertyIds] } },
      page,
      identity,
    );
  }

  async propertyByCode(code: string): Promise<PropertyRecord | null> {
    return (await this.models.Property.findOne({ code }, WITHOUT_OUTBOX).lean()) as PropertyRecord | null;
  }

  buildingsOf(propertyId: string, page: PageArgs) {
    return paginate(this.models.Building, { propertyId }, page, identity);
  }

  /** A page of units, with the households and residents it shows read in the same command. */
  units(
    of: { propertyId: string } | { buildingId: string },
    filter: UnitListFilter,
    page: PageArgs,
    join: UnitPageJoin = NO_JOIN,
  ) {
    const query = { ...given({ ...filter }), ...of } as FilterQuery<UnitRecord>;
    return paginate(this.models.Unit, query, page, primeFromUnitPage(this.loaders, join), {
      join: unitPageStages(this.models, join),
    });
  }

  residents(caller: Caller, propertyId: string, filter: ResidentListFilter, page: PageArgs) {
    const { phoneSuffix, ...rest } = filter;
    const clauses: Filter[] = [residentsReadableBy(caller), { propertyId, ...given(rest) }];
    if (phoneSuffix != null) clauses.push({ phone: phoneSuffixPattern(phoneSuffix) });
    return paginate(this.models.Resident, { $and: clauses } as FilterQuery<ResidentRecord>, page, identity);
  }

  /** NOT_FOUND both for a missing resident and for one the caller may not see. */
  async resident(caller: Caller, id: string): Promise<ResidentRecord> {
    const resident = await this.loaders.residentById.load(id);
    return resident && canReadResident(caller, resident) ? resident : notFound('Resident', id);
  }

  /** NOT_FOUND both for a missing household and for one the caller may not see. */
  async household(caller: Caller, id: string): Promise<HouseholdRecord> {
    const household = await this.loaders.householdById.load(id);
    return household && canReadHousehold(caller, household) ? household : notFound('Household', id);
  }

  /** A unit's household, or none: someone else's home shows no household. */
  async householdOfUnit(caller: Caller, unitId: string): Promise<HouseholdRecord | null> {
    const household = await this.loaders.householdByUnitId.load(unitId);
    return household && canReadHousehold(caller, household) ? household : null;
  }

  /** The households a resident lives or lived in, of those the caller may read. */
  async householdsOf(caller: Caller, residentId: string): Promise<HouseholdRecord[]> {
    const households = await this.loaders.householdsByResidentId.load(residentId);
    return households.filter((household) => canReadHousehold(caller, household));
  }

  piiAccessLog(propertyId: string, page: PageArgs) {
    return paginate(this.models.PiiAccess, { propertyId }, page, identity);
  }
}
