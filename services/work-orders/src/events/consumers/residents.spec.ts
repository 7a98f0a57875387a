import { describe, expect, it } from '@jest/globals';
import { exampleEvent, feed } from '../../../../../test/support/handler-harness.js';
import type { ResidentRecord } from '../../domain/records.js';
import { onResidentMovedIn } from './resident.moved_in.v1.js';
import { onResidentMovedOut } from './resident.moved_out.v1.js';
import { onResidentRegistered } from './resident.registered.v1.js';
import { onResidentUpdated } from './resident.updated.v1.js';

/** The projection as the handlers see it: one record per resident, each change with its cause. */
function fakeProjection() {
  const stored = new Map<string, ResidentRecord>();
  const causes: string[] = [];
  return {
    stored,
    causes,
    apply: async (
      created: ResidentRecord,
      change: (stored: ResidentRecord) => Partial<ResidentRecord>,
      causationId: string,
    ) => {
      const current = stored.get(created._id);
      stored.set(created._id, current ? { ...current, ...change(current) } : created);
      causes.push(causationId);
    },
  };
}

describe('residents.events → the residents projection (VIP flag, unit and household)', () => {
  it('a registration records the resident with their VIP flag, caused by the event', async () => {
    const projection = fakeProjection();
    const event = exampleEvent('resident.registered.v1', { data: { residentId: 'r1', vip: true } });
    await feed(onResidentRegistered(projection), event);
    expect(projection.stored.get('r1')).toMatchObject({ vip: true, unitId: null, householdId: null });
    expect(projection.causes).toEqual([event.id]);
  });

  it('a move-in before the registration keeps the home; the registration then sets the VIP flag', async () => {
    const projection = fakeProjection();
    await feed(
      onResidentMovedIn(projection),
      exampleEvent('resident.moved_in.v1', { data: { residentId: 'r1', unitId: 'u1', householdId: 'h1' } }),
    );
    await feed(
      onResidentRegistered(projection),
      exampleEvent('resident.registered.v1', { data: { residentId: 'r1', vip: true } }),
    );
    expect(projection.stored.get('r1')).toMatchObject({ vip: true, unitId: 'u1', householdId: 'h1' });
  });

  it('a move-out of the current household leaves no home; of another household, it changes nothing', async () => {
    const projection = fakeProjection();
    await feed(
      onResidentMovedIn(projection),
      exampleEvent('resident.moved_in.v1', { data: { residentId: 'r1', unitId: 'u2', householdId: 'h2' } }),
    );
    await feed(
      onResidentMovedOut(projection),
      exampleEvent('resident.moved_out.v1', { data: { residentId: 'r1', unitId: 'u1', householdId: 'h1' } }),
    );
    expect(projection.stored.get('r1')).toMatchObject({ unitId: 'u2', householdId: 'h2' });
    await feed(
      onResidentMovedOut(projection),
      exampleEvent('resident.moved_out.v1', { data: { residentId: 'r1', unitId: 'u2', householdId: 'h2' } }),
    );
    expect(projection.stored.get('r1')).toMatchObject({ unitId: null, householdId: null });
  });

  it('an update sets the VIP flag it carries and keeps the home; a phone-only change keeps the flag', async () => {
    const projection = fakeProjection();
    await feed(
      onResidentMovedIn(projection),
      exampleEvent('resident.moved_in.v1', { data: { residentId: 'r1', unitId: 'u1', householdId: 'h1' } }),
    );
    const vipChange = exampleEvent('resident.updated.v1', {
      id: '00000000-0000-4000-8000-00000000000a',
      data: { residentId: 'r1', vip: true, changedFields: ['vip'] },
    });
    await feed(onResidentUpdated(projection), vipChange);
    expect(projection.stored.get('r1')).toMatchObject({ vip: true, unitId: 'u1', householdId: 'h1' });
    await feed(
      onResidentUpdated(projection),
      exampleEvent('resident.updated.v1', {
        id: '00000000-0000-4000-8000-00000000000b',
        data: { residentId: 'r1', vip: true, changedFields: ['phone'] },
      }),
    );
    expect(projection.stored.get('r1')).toMatchObject({ vip: true });
    expect(projection.causes).toEqual([
      expect.any(String),
      '00000000-0000-4000-8000-00000000000a',
      '00000000-0000-4000-8000-00000000000b',
    ]);
  });
});
