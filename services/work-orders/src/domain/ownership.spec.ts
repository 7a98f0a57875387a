import { describe, expect, it } from '@jest/globals';
import { as, NOW, received, staff } from './fixtures.js';
import { accept, requireClaimedByStaff } from './ownership.js';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { code, reason } = error as { code: string; reason: string };
    return { code, reason };
  }
  throw new Error('expected a refusal');
};
const hotline = as({
  subject: 'hotline-token-1',
  role: 'PARTNER',
  propertyIds: ['p1'],
  partnerId: 'city-hotline',
});
const desk = staff({ _id: 'desk-1', name: 'Zhou Desk', roles: ['FRONT_DESK'], skills: ['CUSTOMER_SERVICE'] });
const later = as({}, new Date(NOW.getTime() + 120_000));

describe('a partner-recorded request waits unowned until a staff member accepts it (首问制)', () => {
  it('is recorded without an owner, with the partner as its source, and says so in its event', () => {
    const decision = received({ channel: 'SUPERVISION_HOTLINE' }, hotline);
    expect(decision).toMatchObject({
      ownerId: null,
      source: { partnerId: 'city-hotline' },
      state: 'RECEIVED',
    });
  });

  it('is owned by the front desk that accepts it, on the timeline and in workorder.accepted.v1', () => {
    const waiting = received({ channel: 'SUPERVISION_HOTLINE' }, hotline);
    const { record, events } = accept(waiting, desk, 'called the citizen back', later);
    expect(record).toMatchObject({
      ownerId: 'desk-1',
      acceptedAt: later.now,
      source: { partnerId: 'city-hotline' },
    });
    expect(record.timeline.at(-1)).toMatchObject({
      actorId: 'desk-1',
      from: 'RECEIVED',
      to: 'RECEIVED',
      note: 'accepted by Zhou Desk: called the citizen back',
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'workorder.accepted.v1',
      data: { ownerId: 'desk-1', actorId: 'desk-1', source: { partnerId: 'city-hotline' } },
    });
    expect(events[0]!.data).not.toHaveProperty('unowned');
  });

  it('refuses a second acceptance, a caller without a staff record of the property, and technicians', () => {
    const waiting = received({ channel: 'SUPERVISION_HOTLINE' }, hotline);
    const owned = accept(waiting, desk, null, later).record;
    expect(refusal(() => accept(owned, desk, null, later))).toEqual({
      code: 'CONFLICT',
      reason: 'HELP_REQUEST_ALREADY_OWNED',
    });
    expect(refusal(() => accept(waiting, null, null, later))).toEqual({
      code: 'FORBIDDEN',
      reason: 'STAFF_RECORD_REQUIRED',
    });
    expect(
      refusal(() => accept(waiting, staff({ _id: 'desk-1', propertyIds: ['p2'] }), null, later)),
    ).toEqual({
      code: 'FORBIDDEN',
      reason: 'STAFF_RECORD_REQUIRED',
    });
    expect(
      refusal(() => accept(waiting, staff(), null, as({ subject: 'tech-1', role: 'TECHNICIAN' }))),
    ).toEqual({
      code: 'FORBIDDEN',
      reason: 'ROLE_NOT_ALLOWED',
    });
  });

  it('leaves requests staff record owned by their recorder, with no source', () => {
    const request = received();
    expect(request).toMatchObject({ ownerId: 'desk-1', source: null });
  });

  it('lets the first staff member who moves it on own it only with a Staff record of the property', () => {
    const waiting = received({ channel: 'SUPERVISION_HOTLINE' }, hotline);
    expect(() => requireClaimedByStaff(waiting, desk)).not.toThrow();
    expect(refusal(() => requireClaimedByStaff(waiting, null))).toEqual({
      code: 'FORBIDDEN',
      reason: 'STAFF_RECORD_REQUIRED',
    });
    expect(
      refusal(() => requireClaimedByStaff(waiting, staff({ _id: 'desk-1', propertyIds: ['p2'] }))),
    ).toEqual({
      code: 'FORBIDDEN',
      reason: 'STAFF_RECORD_REQUIRED',
    });
  });
});
