import { describe, expect, it } from '@jest/globals';
import { ReactionAlreadyApplied } from '@courtyard/kernel';
import { exampleEvent, feed } from '../../../../../test/support/handler-harness.js';
import type { HouseholdRecord } from '../../domain/records.js';
import { respondentOf } from '../../domain/households.js';
import { onResidentMovedIn } from './resident.moved_in.v1.js';
import { onResidentMovedOut } from './resident.moved_out.v1.js';

/** The households collection as the writer keeps it: each write remembers its cause. */
function householdStore() {
  const stored = new Map<string, HouseholdRecord & { causedBy: string[] }>();
  return {
    stored,
    household: async (id: string) => stored.get(id) ?? null,
    recordHousehold: async (previous: HouseholdRecord | null, next: HouseholdRecord, causationId: string) => {
      const current = stored.get(next._id);
      if (current?.causedBy.includes(causationId)) {
        throw new ReactionAlreadyApplied('households', next._id, causationId);
      }
      if (previous && current && current.version !== previous.version) throw new Error('stale');
      stored.set(next._id, {
        ...next,
        version: (current?.version ?? 0) + 1,
        causedBy: [...(current?.causedBy ?? []), causationId],
      });
    },
  };
}

describe('residents events → the occupied households campaigns ask', () => {
  const movedIn = exampleEvent('resident.moved_in.v1');
  const tenant = {
    ...movedIn,
    id: '0b7e6c2a-1d4f-4e8a-9c3b-000000000010',
    data: { ...movedIn.data, residentId: 'tenant-1', relation: 'TENANT' as const },
  };
  const movedOut = {
    ...exampleEvent('resident.moved_out.v1'),
    data: {
      ...exampleEvent('resident.moved_out.v1').data,
      householdId: movedIn.data.householdId,
      residentId: movedIn.data.residentId,
    },
  };

  it('a move-in occupies the household, once when the event is replayed; the owner answers for it', async () => {
    const store = householdStore();
    await feed(onResidentMovedIn(store), movedIn);
    // A replay is recognised by its cause (the consumer settles it as a duplicate): no second member.
    await expect(feed(onResidentMovedIn(store), movedIn)).rejects.toBeInstanceOf(ReactionAlreadyApplied);
    await feed(onResidentMovedIn(store), tenant);
    const household = store.stored.get(movedIn.data.householdId)!;
    expect(household.members.map((m) => m.residentId)).toEqual([movedIn.data.residentId, 'tenant-1']);
    expect(household.causedBy).toEqual([movedIn.id, tenant.id]);
    expect(respondentOf(household)).toBe(movedIn.data.residentId);
  });

  it('a move-out leaves the others; the last one out leaves it unoccupied; an unknown household is ignored', async () => {
    const store = householdStore();
    await feed(onResidentMovedOut(store), movedOut);
    expect(store.stored.size).toBe(0);
    await feed(onResidentMovedIn(store), movedIn);
    await feed(onResidentMovedIn(store), tenant);
    await feed(onResidentMovedOut(store), movedOut);
    await expect(feed(onResidentMovedOut(store), movedOut)).rejects.toBeInstanceOf(ReactionAlreadyApplied);
    const household = store.stored.get(movedIn.data.householdId)!;
    expect(household.members.map((m) => m.residentId)).toEqual(['tenant-1']);
    expect(respondentOf(household)).toBe('tenant-1');
    expect(respondentOf({ members: [] })).toBeNull();
  });
});
