import { describe, expect, it } from '@jest/globals';
import { ROLES, type Caller, type Role } from '@courtyard/kernel/domain';
import siftModule from 'sift';
import { STATES } from './transitions.js';
import {
  canRead,
  isOverdue,
  notOverdueFilter,
  overdueFilter,
  readableBy,
  readableWithin,
  type Filter,
  type ReadShape,
} from './visibility.js';

/**
 * A list and a single read must agree: evaluating each MongoDB filter in memory with sift (the
 * matcher mongoose itself uses for in-memory queries, so it is already in the tree) must give
 * exactly what the predicate says, for every role, scope and record shape.
 */
// sift is CommonJS: under NodeNext its default import is the module object, whose `default` is sift.
const matches = (filter: Filter, doc: object): boolean =>
  siftModule.default(filter as Record<string, unknown>)(doc);

const SCOPES = { 'in scope': ['p1'], 'out of scope': ['p2'], 'all properties': ['*'] } as const;
const RELATIONS = ['owner', 'current owner', 'assignee', 'requester', 'recorder', 'uninvolved'] as const;

const callerOf = (role: Role, scope: readonly string[]): Caller => ({
  subject: 'me',
  role,
  propertyIds: scope,
  ...(role === 'RESIDENT' ? { residentId: 'r-me' } : {}),
  ...(role === 'PARTNER' ? { partnerId: 'city-hotline' } : {}),
});

const requestOf = (relation: (typeof RELATIONS)[number], confidential: boolean): ReadShape => ({
  propertyId: 'p1',
  confidential,
  ownerId: relation === 'owner' ? 'me' : relation === 'recorder' ? null : 'someone',
  assigneeIds: relation === 'assignee' ? ['other-tech', 'me'] : ['other-tech'],
  requesterId: relation === 'requester' ? 'r-me' : 'r-other',
  // The partner that recorded it (unowned until a staff member accepts it).
  source: relation === 'recorder' ? { partnerId: 'city-hotline' } : null,
  // Handed over (seed 004 首问制): the first owner stays `ownerId`, the holder now is `currentOwnerId`.
  ...(relation === 'current owner' ? { currentOwnerId: 'me' } : {}),
});

const cases = ROLES.flatMap((role) =>
  Object.entries(SCOPES).flatMap(([scopeName, scope]) =>
    RELATIONS.flatMap((relation) =>
      [false, true].map((confidential) => ({
        name: `${role} ${scopeName}, ${relation}${confidential ? ', confidential' : ''}`,
        caller: callerOf(role, scope),
        request: requestOf(relation, confidential),
      })),
    ),
  ),
);

describe('a list returns exactly what a single read allows', () => {
  it.each(cases)('$name', ({ caller, request }) => {
    expect(matches(readableBy(caller), request)).toBe(canRead(caller, request));
  });

  it('also for a resident token without a resident id (who reads nothing)', () => {
    const caller: Caller = { subject: 'me', role: 'RESIDENT', propertyIds: [] };
    for (const relation of RELATIONS) {
      const request = requestOf(relation, false);
      expect(canRead(caller, request)).toBe(false);
      expect(matches(readableBy(caller), request)).toBe(false);
    }
  });
});

describe("a count of a property's readable requests, part by part, counts each once", () => {
  it.each(cases)('$name', ({ caller, request }) => {
    // Every request of the cases is at p1; the parts are joined with `{ propertyId: 'p1' }`.
    const parts = readableWithin(caller, 'p1');
    const matched = parts.filter((part) => matches(part, request)).length;
    expect(matched).toBe(canRead(caller, request) ? 1 : 0);
  });

  it('splits only the $or of staff below supervisor: the large part is one equality, no $or', () => {
    const desk: Caller = { subject: 'desk', role: 'FRONT_DESK', propertyIds: ['p1'] };
    expect(readableWithin(desk, 'p1')).toEqual([
      { confidential: false },
      { confidential: true, $or: expect.any(Array) as unknown },
    ]);
    expect(readableWithin({ ...desk, role: 'SERVICE_SUPERVISOR' }, 'p1')).toEqual([{}]);
    expect(readableWithin(desk, 'p2')).toEqual([readableBy(desk)]);
  });
});

describe('who reads a request', () => {
  const read = (
    role: Role,
    scope: keyof typeof SCOPES,
    relation: (typeof RELATIONS)[number],
    confidential = false,
  ) => canRead(callerOf(role, SCOPES[scope]), requestOf(relation, confidential));

  it('owners and assignees keep access to what they are involved in, whatever their scope', () => {
    expect(read('FRONT_DESK', 'out of scope', 'owner', true)).toBe(true);
    expect(read('TECHNICIAN', 'out of scope', 'assignee', true)).toBe(true);
    expect(read('TECHNICIAN', 'out of scope', 'current owner', true)).toBe(true);
    expect(read('PARTNER', 'all properties', 'owner')).toBe(true);
  });

  it('confidential requests stay hidden from uninvolved staff below supervisor', () => {
    expect(read('FRONT_DESK', 'in scope', 'uninvolved', true)).toBe(false);
    expect(read('FRONT_DESK', 'in scope', 'uninvolved')).toBe(true);
    expect(read('SERVICE_SUPERVISOR', 'in scope', 'uninvolved', true)).toBe(true);
    expect(read('SERVICE_SUPERVISOR', 'out of scope', 'uninvolved', true)).toBe(false);
    expect(read('QUALITY_INSPECTOR', 'out of scope', 'uninvolved', true)).toBe(true);
  });

  it('residents read their own requests, partners only what they recorded', () => {
    expect(read('RESIDENT', 'in scope', 'requester')).toBe(true);
    expect(read('RESIDENT', 'in scope', 'requester', true)).toBe(false);
    expect(read('RESIDENT', 'in scope', 'uninvolved')).toBe(false);
    expect(read('PARTNER', 'all properties', 'uninvolved')).toBe(false);
  });

  it('a partner reads the requests it recorded while they wait for an owner, and after', () => {
    expect(read('PARTNER', 'out of scope', 'recorder')).toBe(true);
    expect(read('FRONT_DESK', 'in scope', 'recorder')).toBe(true);
    expect(read('RESIDENT', 'in scope', 'recorder')).toBe(false);
    const other: Caller = {
      subject: 'me',
      role: 'PARTNER',
      propertyIds: ['*'],
      partnerId: 'payment-provider',
    };
    expect(canRead(other, requestOf('recorder', false))).toBe(false);
    expect(matches(readableBy(other), requestOf('recorder', false))).toBe(false);
  });
});

describe('the list filter of a caller who reads everything', () => {
  it('is no filter at all for a supervisor or above of every property, an $or for anyone else', () => {
    expect(readableBy({ subject: 'gm', role: 'GENERAL_MANAGER', propertyIds: ['*'] })).toEqual({});
    expect(readableBy({ subject: 'desk', role: 'FRONT_DESK', propertyIds: ['*'] })).toHaveProperty('$or');
    expect(readableBy({ subject: 'gm', role: 'GENERAL_MANAGER', propertyIds: ['p1'] })).toHaveProperty('$or');
  });
});

describe('overdue: the filter and the predicate agree', () => {
  const now = new Date('2026-11-23T02:00:00Z');
  const dueTimes = [-60_000, 0, 60_000].map((offset) => new Date(now.getTime() + offset));
  const requests = STATES.flatMap((state) => dueTimes.map((dueAt) => ({ state, dueAt })));

  it.each(requests)('$state due $dueAt', (request) => {
    expect(matches(overdueFilter(now), request)).toBe(isOverdue(request, now));
    expect(matches(notOverdueFilter(now), request)).toBe(!isOverdue(request, now));
  });

  it('is late only while the clock runs', () => {
    expect(isOverdue({ state: 'IN_PROGRESS', dueAt: dueTimes[0]! }, now)).toBe(true);
    expect(isOverdue({ state: 'RESOLVED', dueAt: dueTimes[0]! }, now)).toBe(false);
    expect(isOverdue({ state: 'IN_PROGRESS', dueAt: dueTimes[1]! }, now)).toBe(false);
  });
});
