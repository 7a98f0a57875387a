import { describe, expect, it } from '@jest/globals';
import { ROLES, type Caller, type Role } from '@courtyard/kernel/domain';
import siftModule from 'sift';
import {
  canReadHousehold,
  canReadResident,
  householdsReadableBy,
  residentsReadableBy,
  type Filter,
} from './visibility.js';

/**
 * A list and a single read must agree: each MongoDB filter, evaluated in memory with sift (the
 * matcher mongoose uses for in-memory queries; CommonJS, so its default import is the module
 * object), must give exactly what the predicate says, for every role, scope and record shape.
 */
const matches = (filter: Filter, doc: object): boolean =>
  siftModule.default(filter as Record<string, unknown>)(doc);

const SCOPES = { 'in scope': ['p1'], 'out of scope': ['p2'], 'all properties': ['*'] } as const;
const callerOf = (role: Role, scope: readonly string[]): Caller => ({
  subject: 'me',
  role,
  propertyIds: scope,
  ...(role === 'RESIDENT' ? { residentId: 'r-me' } : {}),
});
const callers = ROLES.flatMap((role) =>
  Object.entries(SCOPES).map(([scopeName, scope]) => ({
    who: `${role} ${scopeName}`,
    caller: callerOf(role, scope),
  })),
);

const member = (residentId: string, movedOutOn: string | null = null) => ({
  residentId,
  relation: 'OWNER' as const,
  movedInOn: '2026-01-01',
  movedOutOn,
});
const RESIDENTS = {
  themself: { _id: 'r-me', propertyId: 'p1' },
  'someone else': { _id: 'r-other', propertyId: 'p1' },
};
const HOUSEHOLDS = {
  'a current member': { propertyId: 'p1', members: [member('r-other'), member('r-me')] },
  'a past member': { propertyId: 'p1', members: [member('r-me', '2026-06-01'), member('r-other')] },
  'not a member': { propertyId: 'p1', members: [member('r-other')] },
};

const residentCases = callers.flatMap(({ who, caller }) =>
  Object.entries(RESIDENTS).map(([shape, resident]) => ({
    name: `${who} reading ${shape}`,
    caller,
    resident,
  })),
);
const householdCases = callers.flatMap(({ who, caller }) =>
  Object.entries(HOUSEHOLDS).map(([shape, household]) => ({ name: `${who}, ${shape}`, caller, household })),
);

describe('a list returns exactly the residents a single read allows', () => {
  it.each(residentCases)('$name', ({ caller, resident }) => {
    expect(matches(residentsReadableBy(caller), resident)).toBe(canReadResident(caller, resident));
  });
});

describe('a list returns exactly the households a single read allows', () => {
  it.each(householdCases)('$name', ({ caller, household }) => {
    expect(matches(householdsReadableBy(caller), household)).toBe(canReadHousehold(caller, household));
  });
});

describe('who reads residents and households', () => {
  const as = (role: Role, scope: keyof typeof SCOPES) => callerOf(role, SCOPES[scope]);

  it('staff of the property, and quality inspectors of any property', () => {
    expect(canReadResident(as('FRONT_DESK', 'in scope'), RESIDENTS['someone else'])).toBe(true);
    expect(canReadResident(as('FRONT_DESK', 'out of scope'), RESIDENTS['someone else'])).toBe(false);
    expect(canReadResident(as('QUALITY_INSPECTOR', 'out of scope'), RESIDENTS['someone else'])).toBe(true);
    expect(canReadResident(as('PARTNER', 'all properties'), RESIDENTS['someone else'])).toBe(false);
  });

  it('a resident: themself, and the household they live in now', () => {
    expect(canReadResident(as('RESIDENT', 'in scope'), RESIDENTS.themself)).toBe(true);
    expect(canReadResident(as('RESIDENT', 'in scope'), RESIDENTS['someone else'])).toBe(false);
    expect(canReadHousehold(as('RESIDENT', 'in scope'), HOUSEHOLDS['a current member'])).toBe(true);
    expect(canReadHousehold(as('RESIDENT', 'in scope'), HOUSEHOLDS['a past member'])).toBe(false);
  });
});
