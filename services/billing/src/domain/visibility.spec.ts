import { describe, expect, it } from '@jest/globals';
import { ROLES, type Caller, type Role } from '@courtyard/kernel/domain';
import siftModule from 'sift';
import {
  billsReadableBy,
  canReadBill,
  canReadFeeSchedule,
  canReadServiceCharge,
  feeSchedulesReadableBy,
  serviceChargesReadableBy,
} from './visibility.js';

// sift (MongoDB's query language in memory) evaluates the list filter on the same record.
const matches = (filter: object, doc: object): boolean => siftModule.default(filter)(doc);
const SCOPES: Record<string, readonly string[]> = { 'in scope': ['p1'], 'out of scope': ['p2'], all: ['*'] };
const PARTNERS = [undefined, 'payment-provider', 'city-hotline'];
const callers: Array<[string, Caller]> = ROLES.flatMap((role: Role) =>
  Object.entries(SCOPES).flatMap(([name, scope]) =>
    PARTNERS.map((partnerId): [string, Caller] => [
      `${role} ${name} ${partnerId ?? ''}`,
      { subject: 'me', role, propertyIds: scope, residentId: 'r1', ...(partnerId ? { partnerId } : {}) },
    ]),
  ),
);

describe('billing read rules: each list shows exactly what a single read allows', () => {
  const household = ['u1'];
  it.each(callers)('bills, for %s', (_, caller) => {
    for (const bill of [
      { _id: 'b1', propertyId: 'p1', unitId: 'u1' },
      { _id: 'b2', propertyId: 'p1', unitId: 'u2' },
      { _id: 'b3', propertyId: 'p2', unitId: 'u3' },
    ]) {
      expect(matches(billsReadableBy(caller, household), bill)).toBe(canReadBill(caller, bill, household));
    }
  });

  it.each(callers)('fee schedules, for %s', (_, caller) => {
    for (const schedule of [
      { _id: 'f1', propertyId: 'p1', status: 'DRAFT' as const },
      { _id: 'f2', propertyId: 'p1', status: 'PUBLISHED' as const },
      { _id: 'f3', propertyId: 'p2', status: 'DRAFT' as const },
    ]) {
      expect(matches(feeSchedulesReadableBy(caller), schedule)).toBe(canReadFeeSchedule(caller, schedule));
    }
  });

  it.each(callers)('service charges, for %s', (_, caller) => {
    for (const charge of [{ propertyId: 'p1' }, { propertyId: 'p2' }]) {
      expect(matches(serviceChargesReadableBy(caller), charge)).toBe(canReadServiceCharge(caller, charge));
    }
  });

  it('a resident reads the bills of their own household only; staff those of their properties', () => {
    const resident: Caller = { subject: 'r1', role: 'RESIDENT', propertyIds: [], residentId: 'r1' };
    expect(canReadBill(resident, { propertyId: 'p1', unitId: 'u1' }, ['u1'])).toBe(true);
    expect(canReadBill(resident, { propertyId: 'p1', unitId: 'u2' }, ['u1'])).toBe(false);
    const desk: Caller = { subject: 'd', role: 'FRONT_DESK', propertyIds: ['p1'] };
    expect(canReadBill(desk, { propertyId: 'p2', unitId: 'u3' }, [])).toBe(false);
  });
});
