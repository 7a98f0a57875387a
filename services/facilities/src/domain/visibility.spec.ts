import { describe, expect, it } from '@jest/globals';
import { ROLES, type Caller, type Role } from '@courtyard/kernel/domain';
import siftModule from 'sift';
import { facilitiesReadableBy, canReadFacility } from './visibility.js';

// sift (MongoDB's query language in memory) evaluates the list filter on the same record.
const matches = (filter: object, doc: object): boolean => siftModule.default(filter)(doc);
const SCOPES: Record<string, readonly string[]> = { 'in scope': ['p1'], 'out of scope': ['p2'], all: ['*'] };
const callerOf = (role: Role, scope: readonly string[]): Caller => ({
  subject: 'me',
  role,
  propertyIds: scope,
});

describe('facility read rules', () => {
  const cases = ROLES.flatMap((role) =>
    Object.entries(SCOPES).map(([name, scope]) => [role, name, scope] as const),
  );
  it.each(cases)('a list shows %s (%s) exactly what a single read allows', (role, _, scope) => {
    const caller = callerOf(role, scope);
    const record = { _id: 'x1', propertyId: 'p1' };
    expect(matches(facilitiesReadableBy(caller), record)).toBe(canReadFacility(caller, record));
  });
});
