import { describe, expect, it } from '@jest/globals';
import { modelPolicyChecks } from '../../../../test/support/model-policy.js';
import type {
  BuildingRecord,
  HouseholdRecord,
  PiiAccessRecord,
  PropertyRecord,
  ResidentRecord,
  UnitRecord,
} from '../domain/records.js';
import { RESIDENTS_SCHEMAS } from './models.js';

const README = new URL('../../README.md', import.meta.url).pathname;
const at = new Date('2026-11-23T02:00:00Z');
const aggregate = { version: 3, createdAt: at, outbox: [] };

// Typed as the records, so a field added to a record and not here fails type-checking, and a
// field here the schema does not declare fails the strict check below.
const records = {
  Property: {
    _id: 'p1',
    ...aggregate,
    code: 'GARDEN',
    name: 'Garden Court',
    address: '8 Garden Road',
    timeZone: 'Asia/Shanghai',
  } satisfies PropertyRecord,
  Building: {
    _id: 'b1',
    ...aggregate,
    propertyId: 'p1',
    name: 'Building 1',
    floors: 18,
  } satisfies BuildingRecord,
  Unit: {
    _id: 'u1',
    ...aggregate,
    propertyId: 'p1',
    buildingId: 'b1',
    number: '1-1201',
    floor: 12,
    areaSquareMeters: 89.37,
  } satisfies UnitRecord,
  Resident: {
    _id: 'r1',
    ...aggregate,
    propertyId: 'p1',
    name: 'Li Wei',
    kind: 'OWNER',
    phone: '13812345678',
    idDocumentNumber: null,
    vip: true,
    preferredContactChannel: 'WECHAT',
    history: [
      {
        at: new Date('2026-12-01T09:30:00Z'),
        actorId: 'desk-1',
        actorRole: 'FRONT_DESK',
        actorName: 'Wang Fang',
        reason: 'Owner asked at the desk',
        changes: [{ field: 'vip', from: 'false', to: 'true' }],
      },
    ],
  } satisfies ResidentRecord,
  Household: {
    _id: 'h1',
    ...aggregate,
    propertyId: 'p1',
    unitId: 'u1',
    members: [
      { residentId: 'r1', relation: 'OWNER', movedInOn: '2026-01-15', movedOutOn: null },
      { residentId: 'r2', relation: 'TENANT', movedInOn: '2026-02-01', movedOutOn: '2026-06-30' },
    ],
  } satisfies HouseholdRecord,
  PiiAccess: {
    _id: 'a1',
    propertyId: 'p1',
    residentId: 'r1',
    field: 'PHONE',
    actorId: 'desk-1',
    actorRole: 'FRONT_DESK',
    requestId: 'req-1',
    createdAt: at,
  } satisfies PiiAccessRecord,
} as const;

describe('residents models', () => {
  const modelOf = modelPolicyChecks('Residents', RESIDENTS_SCHEMAS, records, README);

  /** Why mongoose refuses a document: thrown at construction (top level) or reported by validation (nested). */
  const refusal = (name: keyof typeof RESIDENTS_SCHEMAS, value: object): string | undefined => {
    try {
      return new (modelOf(name))(value).validateSync()?.message;
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('refuses a field no schema declares, at the top level or nested, rather than dropping it', () => {
    expect(refusal('Resident', { ...records.Resident, nickname: 'Wei' })).toMatch(/nickname.*not in schema/);
    const member = { ...records.Household.members[0], pet: 'cat' };
    expect(refusal('Household', { ...records.Household, members: [member] })).toMatch(/StrictModeError/);
  });
});
