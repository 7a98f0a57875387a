import { describe, expect, it } from '@jest/globals';
import { as, NOW, received, staff } from './fixtures.js';
import { receive, validateIntake } from './intake.js';
import * as lifecycle from './lifecycle.js';
import type { HelpRequestRecord } from './records.js';

const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { code, reason } = error as { code: string; reason: string };
    return { code, reason };
  }
  throw new Error('expected a refusal');
};
const supervisor = as({ subject: 'sup-1', role: 'SERVICE_SUPERVISOR' });
const tech = as({ subject: 'tech-1', role: 'TECHNICIAN' });

function assigned(request = received()) {
  const acknowledged = lifecycle.acknowledge(request, null, as({})).record;
  return lifecycle.assign(acknowledged, { assigneeIds: ['tech-1'] }, [staff()], as({})).record;
}
function resolved() {
  const started = lifecycle.startWork(assigned(), null, tech).record;
  return lifecycle.resolve(started, 'Replaced the pipe joint', tech).record;
}

describe('rule 1 and 2: intake records the contact, a number and the first-contact owner', () => {
  it('makes the recorder the owner and starts the timeline', () => {
    const request = received();
    expect(request).toMatchObject({
      number: 'WO-2026-000001',
      ownerId: 'desk-1',
      state: 'RECEIVED',
      contact: { name: 'Li Wei', phone: '13812345678' },
      slaRule: 'repair: response and feedback in 4 h',
    });
    expect(request.timeline).toEqual([
      expect.objectContaining({ from: null, to: 'RECEIVED', actorId: 'desk-1' }),
    ]);
  });

  it('refuses intake without contact details, and from quality inspectors', () => {
    expect(refusal(() => received({ contactPhone: '' }))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'VALIDATION_FAILED',
    });
    expect(refusal(() => received({}, as({ role: 'QUALITY_INSPECTOR' })))).toEqual({
      code: 'FORBIDDEN',
      reason: 'ROLE_NOT_ALLOWED',
    });
  });

  it('keeps the owner through every change, whoever makes it', () => {
    const done = resolved();
    expect(done.ownerId).toBe('desk-1');
    expect(done.timeline.map((entry) => entry.to)).toEqual([
      'RECEIVED',
      'ACKNOWLEDGED',
      'ASSIGNED',
      'IN_PROGRESS',
      'RESOLVED',
    ]);
  });
});

describe('rule 3: leaving the remit only as a referral', () => {
  it('records where it went and when the resident was told', () => {
    const referred = lifecycle.refer(
      received(),
      { department: 'City water bureau', residentToldAt: NOW },
      as({}),
    ).record;
    expect(referred).toMatchObject({
      state: 'REFERRED',
      referral: { department: 'City water bureau', residentToldAt: NOW },
    });
  });

  it('refuses a referral without the department or the time the resident was told', () => {
    expect(refusal(() => lifecycle.refer(received(), { residentToldAt: NOW }, as({})))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'VALIDATION_FAILED',
    });
    expect(refusal(() => lifecycle.refer(received(), { department: 'Water' }, as({})))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'VALIDATION_FAILED',
    });
  });
});

describe('rule 4: a repeat call links to the open request and counts against its owner', () => {
  it('flags and links the new request', () => {
    const original = received();
    const context = as({ subject: 'desk-2' });
    const valid = validateIntake(
      {
        propertyId: 'p1',
        type: 'REPAIR',
        category: 'WATER_LEAK',
        channel: 'APP',
        description: 'Still leaking',
        contactName: 'Li',
        contactPhone: '13812345678',
        requesterId: 'r1',
        unitId: 'u1',
      },
      context,
    );
    const repeat = receive(valid, 'WO-2026-000002', original, context, original.timeZone);
    expect(repeat.record).toMatchObject({
      repeatOfId: original._id,
      repeatOfOwnerId: 'desk-1',
      ownerId: 'desk-2',
    });
    expect(repeat.events[0]!.data).toMatchObject({ repeatCall: true, repeatOfOwnerId: 'desk-1' });
  });
});

describe('rule 5: assignment', () => {
  const acknowledged = () => lifecycle.acknowledge(received(), null, as({})).record;

  it('defaults the due time to the SLA limit and refuses a later one', () => {
    expect(assigned().dueAt).toEqual(later(240));
    expect(
      refusal(() =>
        lifecycle.assign(acknowledged(), { assigneeIds: ['tech-1'], dueAt: later(300) }, [staff()], as({})),
      ),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'DUE_AFTER_SLA_LIMIT',
    });
  });

  it('refuses unqualified or off-duty staff and inspectors', () => {
    expect(
      refusal(() =>
        lifecycle.assign(
          acknowledged(),
          { assigneeIds: ['e'] },
          [staff({ _id: 'e', skills: ['ELEVATOR'] })],
          as({}),
        ),
      ).reason,
    ).toBe('ASSIGNEE_NOT_QUALIFIED');
    expect(
      refusal(() =>
        lifecycle.assign(
          acknowledged(),
          { assigneeIds: ['q'] },
          [staff({ _id: 'q', roles: ['QUALITY_INSPECTOR'] })],
          as({}),
        ),
      ).reason,
    ).toBe('INSPECTOR_CANNOT_EXECUTE');
  });

  it('needs two people for a hospital escort and a family member for short-term nursing', () => {
    const escortNeed = (category: string, extra: Record<string, unknown> = {}) =>
      lifecycle.acknowledge(received({ type: 'MEDICAL_EMERGENCY', category, ...extra }), null, as({})).record;
    const carers = [
      staff({ _id: 'a', skills: ['NURSING_ESCORT'] }),
      staff({ _id: 'b', skills: ['NURSING_ESCORT'] }),
    ];
    expect(
      refusal(() =>
        lifecycle.assign(escortNeed('HOSPITAL_ESCORT'), { assigneeIds: ['a'] }, carers.slice(0, 1), as({})),
      ).reason,
    ).toBe('ESCORT_NEEDS_TWO');
    expect(
      lifecycle.assign(escortNeed('HOSPITAL_ESCORT'), { assigneeIds: ['a', 'b'] }, carers, as({})).record
        .assigneeIds,
    ).toEqual(['a', 'b']);
    expect(
      refusal(() =>
        lifecycle.assign(
          escortNeed('SHORT_TERM_NURSING'),
          { assigneeIds: ['a'] },
          carers.slice(0, 1),
          as({}),
        ),
      ).reason,
    ).toBe('FAMILY_MEMBER_NOT_CONFIRMED');
    expect(
      lifecycle.assign(
        escortNeed('SHORT_TERM_NURSING'),
        { assigneeIds: ['a'], familyMemberPresent: true },
        carers.slice(0, 1),
        as({}),
      ).record.familyMemberPresent,
    ).toBe(true);
  });
});

describe('rule 6: waiting for parts needs a notice to the affected residents', () => {
  it('records and publishes the notice, and refuses without one', () => {
    const started = lifecycle.startWork(assigned(), null, tech).record;
    const waiting = lifecycle.waitForParts(
      started,
      { message: 'Valve ordered, fitted Thursday', notifiedUnitIds: ['u1', 'u2'] },
      tech,
    );
    expect(waiting.record.partsNotices).toEqual([expect.objectContaining({ notifiedUnitIds: ['u1', 'u2'] })]);
    expect(waiting.events[0]).toMatchObject({
      type: 'workorder.waiting_parts.v1',
      data: { notice: { notifiedUnitIds: ['u1', 'u2'] } },
    });
    expect(refusal(() => lifecycle.waitForParts(started, { message: 'later' }, tech)).reason).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('lets only the assignees (or supervisors) work on it', () => {
    expect(
      refusal(() => lifecycle.startWork(assigned(), null, as({ subject: 'tech-9', role: 'TECHNICIAN' })))
        .code,
    ).toBe('FORBIDDEN');
    expect(lifecycle.startWork(assigned(), null, supervisor).record.state).toBe('IN_PROGRESS');
  });
});

describe('rule 7: closing needs outcome, confirmation (or non-response after the wait) and a follow-up', () => {
  it('closes after confirmation and a satisfied follow-up visit', () => {
    const confirmed = lifecycle.confirm(resolved(), null, as({})).record;
    const followed = lifecycle.recordFollowUp(confirmed, 'SATISFIED', 'Happy with the fix', as({})).record;
    const closed = lifecycle.close(followed, null, as({}));
    expect(closed.record).toMatchObject({
      state: 'CLOSED',
      outcome: 'Replaced the pipe joint',
      followUp: { result: 'SATISFIED' },
    });
    expect(closed.events[0]).toMatchObject({
      type: 'workorder.closed.v1',
      data: { confirmation: 'CONFIRMED', followUpResult: 'SATISFIED' },
    });
  });

  it('refuses to close before the follow-up, and a non-response before the wait is over', () => {
    expect(refusal(() => lifecycle.close(resolved(), null, as({}))).reason).toBe('ILLEGAL_TRANSITION');
    expect(refusal(() => lifecycle.recordNoResponse(resolved(), 48, null, as({})))).toEqual({
      code: 'CONFLICT',
      reason: 'CONFIRMATION_WAIT_NOT_OVER',
    });
    expect(
      lifecycle.recordNoResponse(resolved(), 48, null, as({}, later(48 * 60))).record.confirmation?.kind,
    ).toBe('NO_RESPONSE');
  });

  it('reopens on a rejected fix or an unsatisfied follow-up', () => {
    expect(lifecycle.rejectFix(resolved(), 'Still dripping', as({})).record.state).toBe('REOPENED');
    const confirmed = lifecycle.confirm(resolved(), null, as({})).record;
    const unhappy = lifecycle.recordFollowUp(confirmed, 'UNSATISFIED', 'Leaks again', as({}));
    expect(unhappy.record.state).toBe('REOPENED');
    expect(unhappy.events.map((event) => event.type)).toEqual([
      'workorder.followed_up.v1',
      'workorder.reopened.v1',
    ]);
  });

  it('lets the requester answer for themself, and nobody else’s resident', () => {
    const mine = as({ subject: 'res-1', role: 'RESIDENT', residentId: 'r1' });
    expect(lifecycle.confirm(resolved(), null, mine).record.state).toBe('CONFIRMED');
    expect(
      refusal(() =>
        lifecycle.confirm(resolved(), null, as({ subject: 'res-2', role: 'RESIDENT', residentId: 'r2' })),
      ).code,
    ).toBe('FORBIDDEN');
  });
});

describe('quality inspectors', () => {
  it('record inspections and change nothing else', () => {
    const inspector = as({ subject: 'qi-1', role: 'QUALITY_INSPECTOR' });
    const request: HelpRequestRecord = resolved();
    expect(
      lifecycle.inspect(request, 'Joint sealed properly', true, inspector).record.inspections,
    ).toHaveLength(1);
    expect(refusal(() => lifecycle.confirm(request, null, inspector)).code).toBe('FORBIDDEN');
    expect(refusal(() => lifecycle.escalate(request, 'x', inspector)).reason).toBe('INSPECTOR_READ_ONLY');
  });
});
