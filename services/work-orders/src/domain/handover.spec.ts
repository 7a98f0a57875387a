import { describe, expect, it } from '@jest/globals';
import { loadEventSchemas } from '@courtyard/kernel';
import { as, NOW, received, staff } from './fixtures.js';
import { handOver } from './handover.js';
import * as lifecycle from './lifecycle.js';
import { currentOwnerOf } from './ownership.js';
import { canRead } from './visibility.js';

const desk = as({});
const leader = staff({ _id: 'sup-1', name: 'Zhao Supervisor', roles: ['SERVICE_SUPERVISOR'], skills: [] });
const plumber = staff();
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { code, reason } = error as { code: string; reason: string };
    return { code, reason };
  }
  throw new Error('expected a refusal');
};

describe('handing a request over (seed 004 M 二.4, 首问制)', () => {
  it('goes to the leader; the first-contact owner stays the owner and keeps access', () => {
    const { record, events } = handOver(
      received(),
      { toStaffId: 'sup-1', reason: 'Outside my remit' },
      leader,
      [leader],
      desk,
    );
    expect(record.ownerId).toBe('desk-1');
    expect(currentOwnerOf(record)).toBe('sup-1');
    expect(record.handovers).toEqual([
      expect.objectContaining({ fromId: 'desk-1', toId: 'sup-1', byId: 'desk-1', basis: 'LEADER' }),
    ]);
    expect(record.timeline.at(-1)?.note).toBe('handed over to the leader Zhao Supervisor: Outside my remit');
    const confidential = { ...record, confidential: true };
    expect(canRead({ subject: 'desk-1', role: 'FRONT_DESK', propertyIds: ['p2'] }, confidential)).toBe(true);
    expect(canRead({ subject: 'sup-1', role: 'SERVICE_SUPERVISOR', propertyIds: ['p2'] }, confidential)).toBe(
      true,
    );
    const schemas = loadEventSchemas(new URL('../../../../schema/events', import.meta.url).pathname, {
      closed: true,
    });
    expect(events.flatMap((event) => schemas.validate(event))).toEqual([]);
  });

  it('goes to a colleague in charge of the matter only while no leader is on duty', () => {
    expect(
      refusal(() => handOver(received(), { toStaffId: 'tech-1', reason: 'x' }, plumber, [leader], desk)),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'HANDOVER_LEADER_PRESENT',
    });
    const { record } = handOver(
      received(),
      { toStaffId: 'tech-1', reason: 'Leader away' },
      plumber,
      [],
      desk,
    );
    expect(record.handovers?.[0]?.basis).toBe('DELEGATE_LEADER_ABSENT');
    const electrician = staff({ _id: 'tech-2', skills: ['ELECTRICAL'] });
    expect(
      refusal(() => handOver(received(), { toStaffId: 'tech-2', reason: 'x' }, electrician, [], desk)),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'HANDOVER_TARGET_NOT_IN_CHARGE',
    });
  });

  it('never to an inspector, another property, or whoever holds it; only by the holder or a supervisor', () => {
    const inspector = staff({ _id: 'qi-1', roles: ['QUALITY_INSPECTOR'] });
    expect(
      refusal(() => handOver(received(), { toStaffId: 'qi-1', reason: 'x' }, inspector, [], desk)).reason,
    ).toBe('HANDOVER_TARGET_INSPECTOR');
    const elsewhere = staff({ _id: 'sup-9', roles: ['SERVICE_SUPERVISOR'], propertyIds: ['p2'] });
    expect(
      refusal(() => handOver(received(), { toStaffId: 'sup-9', reason: 'x' }, elsewhere, [], desk)).reason,
    ).toBe('HANDOVER_TARGET_NOT_AT_PROPERTY');
    const self = staff({ _id: 'desk-1', roles: ['FRONT_DESK'] });
    expect(
      refusal(() => handOver(received(), { toStaffId: 'desk-1', reason: 'x' }, self, [], desk)).reason,
    ).toBe('HANDOVER_TO_CURRENT_OWNER');
    const colleague = as({ subject: 'desk-2' });
    expect(
      refusal(() => handOver(received(), { toStaffId: 'sup-1', reason: 'x' }, leader, [leader], colleague)),
    ).toEqual({
      code: 'FORBIDDEN',
      reason: 'ROLE_NOT_ALLOWED',
    });
    const bySupervisor = handOver(
      received(),
      { toStaffId: 'tech-1', reason: 'x' },
      plumber,
      [],
      as({ subject: 'sup-1', role: 'SERVICE_SUPERVISOR' }),
    );
    expect(bySupervisor.record.handovers?.[0]).toMatchObject({ fromId: 'desk-1', byId: 'sup-1' });
  });

  it('whoever holds it after a handover refers and closes it; the first owner only as their role allows', () => {
    // The desk hands it to a colleague in charge (no leader on duty): the technician now answers for it.
    const handed = handOver(
      received(),
      { toStaffId: 'tech-1', reason: 'Leader away' },
      plumber,
      [],
      desk,
    ).record;
    const delegate = as({ subject: 'tech-1', role: 'TECHNICIAN' });
    const referral = { department: 'City water bureau', residentToldAt: NOW };
    expect(lifecycle.refer(handed, referral, delegate).record).toMatchObject({
      state: 'REFERRED',
      ownerId: 'desk-1',
      referral: { department: 'City water bureau' },
    });
    // The first owner, a front desk clerk, no longer holds it: referring needs a supervisor now.
    expect(refusal(() => lifecycle.refer(handed, referral, desk))).toEqual({
      code: 'FORBIDDEN',
      reason: 'ROLE_NOT_ALLOWED',
    });
    // Any other technician of the property is refused both.
    const other = as({ subject: 'tech-2', role: 'TECHNICIAN' });
    expect(refusal(() => lifecycle.refer(handed, referral, other)).reason).toBe('ROLE_NOT_ALLOWED');

    const followedUp = { ...handed, state: 'FOLLOWED_UP' as const };
    const ready = {
      ...followedUp,
      outcome: 'Fixed',
      confirmation: { kind: 'CONFIRMED' as const, at: NOW },
      followUp: { result: 'SATISFIED' as const, note: null, at: NOW, byId: 'desk-1' },
    };
    expect(lifecycle.close(ready, null, delegate).record.state).toBe('CLOSED');
    expect(refusal(() => lifecycle.close(ready, null, other)).reason).toBe('ROLE_NOT_ALLOWED');
  });
});
