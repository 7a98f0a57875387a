import { describe, expect, it } from '@jest/globals';
import { loadEventSchemas } from '@courtyard/kernel';
import { clockStatus, pausedMsAt, timeUsedMs, type ClockRecord } from './clocks.js';
import { as, NOW, received, staff } from './fixtures.js';
import * as lifecycle from './lifecycle.js';
import type { HelpRequestRecord } from './records.js';
import * as moments from './sla-moments.js';
import type { ClockKind } from './sla-policy.js';
import { validateIntake, receive } from './intake.js';

const schemas = loadEventSchemas(new URL('../../../../schema/events', import.meta.url).pathname, {
  closed: true,
});
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const desk = (minutes = 0) => as({}, at(minutes));
const tech = (minutes = 0) => as({ subject: 'tech-1', role: 'TECHNICIAN' }, at(minutes));
const director = (minutes = 0) => as({ subject: 'dir-1', role: 'OFFICE_DIRECTOR' }, at(minutes));
const clock = (request: HelpRequestRecord, kind: ClockKind): ClockRecord => {
  const found = request.clocks.find((c) => c.kind === kind);
  if (!found) throw new Error(`no ${kind} clock`);
  return found;
};
const minutesAfterIntake = (date: Date) => (date.getTime() - NOW.getTime()) / 60_000;
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { code, reason } = error as { code: string; reason: string };
    return { code, reason };
  }
  throw new Error('expected a refusal');
};
const ALWAYS = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '00:00' }));
const allRounder = staff({ skills: ['PLUMBING', 'SECURITY', 'CUSTOMER_SERVICE'], roster: ALWAYS });
function assigned(request: HelpRequestRecord, minutes = 1) {
  const acknowledged = lifecycle.acknowledge(request, null, desk(minutes)).record;
  return lifecycle.assign(acknowledged, { assigneeIds: ['tech-1'] }, [allRounder], desk(minutes)).record;
}

describe('SLA clocks: every clock of the table is started at intake (or the visit) and stopped by its event', () => {
  it('first reply: due 5 min after intake, stopped by the recorded reply with its channel and who gave it', () => {
    const request = received();
    expect(minutesAfterIntake(clock(request, 'FIRST_REPLY').dueAt)).toBe(5);
    const { record, events } = moments.recordFirstReply(request, { channel: 'WECHAT' }, desk(3));
    expect(clock(record, 'FIRST_REPLY')).toMatchObject({
      stoppedAt: at(3),
      stoppedById: 'desk-1',
      channel: 'WECHAT',
    });
    expect(clockStatus(clock(record, 'FIRST_REPLY'), at(10))).toBe('MET');
    expect(events.map((e) => [e.type, schemas.validate(e)])).toEqual([['workorder.clock_stopped.v1', []]]);
    expect(events[0]!.data).toMatchObject({ clock: 'FIRST_REPLY', met: true, replyChannel: 'WECHAT' });
    expect(record.timeline.at(-1)).toMatchObject({
      from: 'RECEIVED',
      to: 'RECEIVED',
      note: 'first reply by WECHAT',
    });
  });

  it('first reply: acknowledging is the reply on the intake channel; a second reply is refused', () => {
    const acknowledged = lifecycle.acknowledge(received(), null, desk(7)).record;
    expect(clock(acknowledged, 'FIRST_REPLY')).toMatchObject({ stoppedAt: at(7), channel: 'PHONE' });
    expect(clockStatus(clock(acknowledged, 'FIRST_REPLY'), at(7))).toBe('BREACHED');
    expect(refusal(() => moments.recordFirstReply(acknowledged, { channel: 'PHONE' }, desk(8)))).toEqual({
      code: 'CONFLICT',
      reason: 'CLOCK_ALREADY_STOPPED',
    });
  });

  it('arrival on site, urgent repair: 30 min, stopped by the recorded arrival (or by starting the work)', () => {
    const request = assigned(received({ urgent: true }));
    expect(minutesAfterIntake(clock(request, 'ON_SITE').dueAt)).toBe(30);
    const arrived = moments.recordArrival(request, 'at the door', tech(25)).record;
    expect(clock(arrived, 'ON_SITE')).toMatchObject({ stoppedAt: at(25), stoppedById: 'tech-1' });
    const started = lifecycle.startWork(assigned(received({ urgent: true })), null, tech(40)).record;
    expect(clockStatus(clock(started, 'ON_SITE'), at(40))).toBe('BREACHED');
  });

  it('arrival on site: complaints 1 h; an elevator general fault is handled in 30 min', () => {
    const complaint = received({ type: 'COMPLAINT', category: 'NOISE', complaintSeverity: 'GENERAL' });
    expect(minutesAfterIntake(clock(complaint, 'ON_SITE').dueAt)).toBe(60);
    const elevator = received({ category: 'ELEVATOR', faultComplexity: 'GENERAL' });
    expect(minutesAfterIntake(clock(elevator, 'RESOLUTION').dueAt)).toBe(30);
  });

  it('feedback: a repair 4 h from intake; stopped by the recorded feedback', () => {
    const request = received();
    expect(minutesAfterIntake(clock(request, 'FEEDBACK').dueAt)).toBe(240);
    const told = moments.recordFeedback(
      request,
      { channel: 'PHONE', note: 'parts on order' },
      desk(90),
    ).record;
    expect(clock(told, 'FEEDBACK')).toMatchObject({ stoppedAt: at(90), channel: 'PHONE' });
  });

  it('feedback: a complaint 4 h after the visit, so its clock starts at the arrival', () => {
    const complaint = assigned(
      received({ type: 'COMPLAINT', category: 'NOISE', complaintSeverity: 'GENERAL' }),
    );
    expect(complaint.clocks.map((c) => c.kind)).not.toContain('FEEDBACK');
    const visited = moments.recordArrival(complaint, null, tech(50)).record;
    expect(clock(visited, 'FEEDBACK')).toMatchObject({ startedAt: at(50), dueAt: at(50 + 240) });
    expect(visited.pendingClocks).toEqual([]);
  });

  it('resolution: general complaint 8 h, stopped by resolving (which also ends the feedback owed)', () => {
    const complaint = received({ type: 'COMPLAINT', category: 'NOISE', complaintSeverity: 'GENERAL' });
    expect(minutesAfterIntake(clock(complaint, 'RESOLUTION').dueAt)).toBe(480);
    const started = lifecycle.startWork(assigned(complaint), null, tech(20)).record;
    const resolved = lifecycle.resolve(started, 'Neighbour agreed to quiet hours', tech(300)).record;
    expect(clock(resolved, 'RESOLUTION')).toMatchObject({ stoppedAt: at(300), stoppedById: 'tech-1' });
    expect(clockStatus(clock(resolved, 'RESOLUTION'), at(600))).toBe('MET');
    expect(resolved.clocks.every((c) => c.stoppedAt)).toBe(true);
    expect(resolved.slaWakeAt).toBeNull();
  });

  it('resolution: serious complaint in 5 working days; lighting 8 h general, 48 h complex; consultation 24 h', () => {
    const serious = received({
      type: 'COMPLAINT',
      category: 'SERVICE_QUALITY',
      complaintSeverity: 'SERIOUS',
    });
    // Monday 10:00 in Shanghai + 5 working days = the next Monday 10:00.
    expect(clock(serious, 'RESOLUTION').dueAt).toEqual(at(7 * 24 * 60));
    expect(minutesAfterIntake(clock(received({ category: 'PUBLIC_LIGHTING' }), 'RESOLUTION').dueAt)).toBe(
      480,
    );
    const complex = received({ category: 'PUBLIC_LIGHTING', faultComplexity: 'COMPLEX' });
    expect(minutesAfterIntake(clock(complex, 'RESOLUTION').dueAt)).toBe(48 * 60);
    const consultation = received({ type: 'CONSULTATION', category: 'FEES', consultationMode: 'ORAL' });
    expect(minutesAfterIntake(clock(consultation, 'RESOLUTION').dueAt)).toBe(24 * 60);
  });

  it('written consultation: a written reply in 2 days, signed by the director when it touches company policy', () => {
    const letter = received({ type: 'CONSULTATION', category: 'FEES', consultationMode: 'WRITTEN' });
    expect(letter.clocks.map((c) => c.kind)).toEqual(['FIRST_REPLY', 'WRITTEN_REPLY']);
    expect(minutesAfterIntake(clock(letter, 'WRITTEN_REPLY').dueAt)).toBe(2 * 24 * 60);
    expect(
      refusal(() => moments.recordWrittenReply(letter, { touchesCompanyPolicy: true }, desk(60))),
    ).toEqual({
      code: 'FORBIDDEN',
      reason: 'DIRECTOR_SIGNATURE_REQUIRED',
    });
    const signed = moments.recordWrittenReply(letter, { touchesCompanyPolicy: true }, director(60)).record;
    expect(clock(signed, 'WRITTEN_REPLY')).toMatchObject({
      stoppedAt: at(60),
      stoppedById: 'dir-1',
      channel: 'LETTER',
    });
    expect(signed.timeline.at(-1)?.note).toBe('written reply, signed by the director');
  });

  it('a major medical emergency notifies the supervisor on duty at intake, on the timeline and in the event', () => {
    const context = desk();
    const valid = validateIntake(
      {
        propertyId: 'p1',
        type: 'MEDICAL_EMERGENCY',
        category: 'GENERAL',
        channel: 'PHONE',
        description: 'Fall',
        contactName: 'Li',
        contactPhone: '13812345678',
      },
      context,
    );
    const { record, events } = receive(valid, 'WO-2026-000002', null, context, 'Asia/Shanghai', null, {
      supervisorOnDuty: { id: 'sup-1', name: 'Zhang Supervisor' },
    });
    expect(record.timeline.at(-1)?.note).toBe(
      'major medical emergency: supervisor on duty Zhang Supervisor notified',
    );
    expect(events[0]!.data).toMatchObject({ supervisorNotified: { staffId: 'sup-1' } });
    expect(schemas.validate(events[0]!)).toEqual([]);
  });
});

describe('SLA clocks pause while waiting for parts and resume after', () => {
  it('stops counting on hold, moves the due time on by the pause, and counts paused time apart', () => {
    const started = lifecycle.startWork(assigned(received()), null, tech(10)).record;
    const held = lifecycle.waitForParts(
      started,
      { message: 'Valve ordered', notifiedUnitIds: ['u1'] },
      tech(60),
    ).record;
    const resolution = clock(held, 'RESOLUTION');
    expect(clockStatus(resolution, at(500))).toBe('PAUSED');
    expect(held.slaWakeAt).toBeNull();
    expect(timeUsedMs(resolution, at(500))).toBe(60 * 60_000);
    const resumed = lifecycle.startWork(held, 'valve arrived', tech(180)).record;
    const after = clock(resumed, 'RESOLUTION');
    expect(after).toMatchObject({ pausedAt: null, pausedMs: 120 * 60_000, dueAt: at(240 + 120) });
    expect(clockStatus(after, at(300))).toBe('RUNNING');
    expect(pausedMsAt(after, at(300))).toBe(120 * 60_000);
    expect(timeUsedMs(after, at(300))).toBe(180 * 60_000);
    expect(resumed.slaWakeAt).toEqual(at(240 + 120));
  });
});
