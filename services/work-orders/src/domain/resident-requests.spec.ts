import { describe, expect, it } from '@jest/globals';
import { loadEventSchemas, type CloudEvent } from '@courtyard/kernel';
import { as, NOW, PROPERTY_ZONE, staff } from './fixtures.js';
import * as lifecycle from './lifecycle.js';
import { progressOf } from './progress.js';
import { requireIntakeReferences, requireUnitsOf, residentHome } from './references.js';
import { addComment, submit, validSubmission, withdraw } from './resident-requests.js';
import type { ResidentRecord, UnitRecord } from './records.js';
import { defaultTerms } from './sla-terms.js';

const schemas = loadEventSchemas(new URL('../../../../schema/events', import.meta.url).pathname, {
  closed: true,
});
const validateEvent = (event: CloudEvent) => schemas.validate(event);
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { code, reason } = error as { code: string; reason: string };
    return { code, reason };
  }
  throw new Error('expected a refusal');
};

const resident = as({ subject: 'resident-r1', role: 'RESIDENT', residentId: 'r1', propertyIds: [] });
const desk = as({});
const tech = as({ subject: 'tech-1', role: 'TECHNICIAN' });
const home: ResidentRecord = {
  _id: 'r1',
  version: 2,
  createdAt: NOW,
  propertyId: 'p1',
  vip: false,
  unitId: 'u1',
  householdId: 'h1',
};
const unit = (id: string, propertyId = 'p1'): UnitRecord => ({
  _id: id,
  version: 1,
  createdAt: NOW,
  propertyId,
  buildingId: 'b1',
  number: '101',
});

const SUBMISSION = {
  type: 'REPAIR',
  category: 'WATER_LEAK',
  channel: 'APP',
  description: 'The bathroom tap drips',
  contactName: 'Li Wei',
  contactPhone: '13812345678',
  attachments: ['https://photos.example/tap.jpg'],
  preferredVisitAt: new Date('2026-11-24T02:00:00Z'),
};

function submitted(input: Record<string, unknown> = {}) {
  const valid = validSubmission({ ...SUBMISSION, ...input });
  const where = residentHome(resident.actor, home, valid.unitId);
  return submit(valid, where, 'WO-2026-000009', null, resident, PROPERTY_ZONE, defaultTerms(PROPERTY_ZONE));
}

describe('a resident submits from the app: unowned until a staff member accepts it (首问制)', () => {
  it('waits in RECEIVED owned by nobody, for their own unit, with the first-reply clock running', () => {
    const { record, events } = submitted();
    expect(record).toMatchObject({
      state: 'RECEIVED',
      ownerId: null,
      propertyId: 'p1',
      unitId: 'u1',
      requesterId: 'r1',
      channel: 'APP',
      preferredVisitAt: SUBMISSION.preferredVisitAt,
      attachments: SUBMISSION.attachments,
      comments: [],
    });
    expect(record.clocks.find((clock) => clock.kind === 'FIRST_REPLY')).toMatchObject({ stoppedAt: null });
    // Events name the recorder as holder (ownerId is a required string) and say nobody owns it.
    expect(events[0]!.data).toMatchObject({
      ownerId: 'resident-r1',
      unowned: true,
      actorId: 'resident-r1',
    });
    expect(validateEvent(events[0]!)).toEqual([]);
  });

  it('the staff member who accepts it becomes its owner, for good', () => {
    const accepted = lifecycle.acknowledge(submitted().record, null, desk);
    expect(accepted.record.ownerId).toBe('desk-1');
    expect(accepted.events[0]!.data).toMatchObject({ ownerId: 'desk-1', state: 'ACKNOWLEDGED' });
    expect(accepted.record.clocks.find((c) => c.kind === 'FIRST_REPLY')?.stoppedById).toBe('desk-1');
    // A second acceptance is an illegal move: nobody takes it over.
    expect(refusal(() => lifecycle.acknowledge(accepted.record, null, as({ subject: 'desk-2' })))).toEqual({
      code: 'CONFLICT',
      reason: 'ILLEGAL_TRANSITION',
    });
  });

  it('escalated by time before anyone accepted it, the staff member who dispatches it becomes its owner', () => {
    const system = as({ subject: 'work-orders', role: 'SYSTEM', propertyIds: ['*'] });
    const escalated = lifecycle.escalate(submitted().record, 'first reply overdue', system).record;
    expect(escalated.ownerId).toBeNull();
    const supervisor = as({ subject: 'sup-1', role: 'SERVICE_SUPERVISOR' });
    expect(
      lifecycle.assign(escalated, { assigneeIds: ['tech-1'] }, [staff()], supervisor).record.ownerId,
    ).toBe('sup-1');
  });

  it('takes only the resident channels, and attachments only as http(s) links', () => {
    expect(refusal(() => validSubmission({ ...SUBMISSION, channel: 'PHONE' })).code).toBe('BAD_USER_INPUT');
    for (const link of ['javascript:alert(1)', 'file:///etc/passwd'])
      expect(refusal(() => validSubmission({ ...SUBMISSION, attachments: [link] })).code).toBe(
        'BAD_USER_INPUT',
      );
  });

  it('defaults what a desk would ask: a general complaint, a written consultation', () => {
    expect(submitted({ type: 'COMPLAINT', category: 'SERVICE_QUALITY' }).record).toMatchObject({
      complaintSeverity: 'GENERAL',
      complaintTier: 'COMPLAINT',
    });
    expect(submitted({ type: 'CONSULTATION', category: 'FEES' }).record.consultationMode).toBe('WRITTEN');
  });
});

describe('references: the resident’s own home; staff intake within the property', () => {
  it('a resident submits only for the unit their household lives in', () => {
    expect(residentHome(resident.actor, home, null)).toEqual({
      propertyId: 'p1',
      unitId: 'u1',
      requesterId: 'r1',
    });
    expect(refusal(() => residentHome(resident.actor, home, 'u2'))).toEqual({
      code: 'FORBIDDEN',
      reason: 'NOT_YOUR_UNIT',
    });
    expect(
      refusal(() => residentHome(resident.actor, { ...home, unitId: null, householdId: null }, null)),
    ).toEqual({ code: 'CONFLICT', reason: 'NO_HOUSEHOLD' });
    expect(
      refusal(() => residentHome({ subject: 'work-orders', role: 'SYSTEM', propertyIds: ['*'] }, home, null)),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'RESIDENT_CALLER_REQUIRED',
    });
    expect(refusal(() => residentHome(resident.actor, null, null))).toEqual({
      code: 'CONFLICT',
      reason: 'RESIDENT_NOT_YET_KNOWN',
    });
  });

  it('staff intake: requester and unit known and of the property', () => {
    const units = new Map([
      ['u1', unit('u1')],
      ['u9', unit('u9', 'p2')],
    ]);
    const check = (
      requesterId: string | null,
      unitId: string | null,
      requester: ResidentRecord | null = home,
    ) => refusal(() => requireIntakeReferences('p1', { requesterId, unitId }, { requester, units }));
    expect(() =>
      requireIntakeReferences('p1', { requesterId: 'r1', unitId: 'u1' }, { requester: home, units }),
    ).not.toThrow();
    expect(() =>
      requireIntakeReferences('p1', { requesterId: null, unitId: null }, { requester: null, units }),
    ).not.toThrow();
    expect(check('r1', 'u2')).toEqual({ code: 'CONFLICT', reason: 'UNIT_NOT_YET_KNOWN' });
    expect(check('r1', 'u9')).toEqual({ code: 'BAD_USER_INPUT', reason: 'UNIT_OF_ANOTHER_PROPERTY' });
    expect(check('rx', null, null)).toEqual({ code: 'CONFLICT', reason: 'RESIDENT_NOT_YET_KNOWN' });
    expect(check('r1', null, { ...home, propertyId: 'p2' })).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'REQUESTER_OF_ANOTHER_PROPERTY',
    });
    expect(refusal(() => requireUnitsOf('p1', ['u1', 'u9'], units))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'UNIT_OF_ANOTHER_PROPERTY',
    });
  });
});

describe('on their own open request: comment, withdraw before the work starts, progress notes', () => {
  const accepted = () => lifecycle.acknowledge(submitted().record, null, desk).record;
  const assignedTo = () => lifecycle.assign(accepted(), { assigneeIds: ['tech-1'] }, [staff()], desk).record;

  it('the requester comments with photos; kept, on the timeline, published without the text', () => {
    const { record, events } = addComment(
      accepted(),
      { text: 'It is worse now', attachments: ['https://photos.example/2.jpg'] },
      resident,
    );
    expect(record.comments).toEqual([
      expect.objectContaining({
        byId: 'resident-r1',
        text: 'It is worse now',
        attachments: ['https://photos.example/2.jpg'],
      }),
    ]);
    expect(record.state).toBe('ACKNOWLEDGED');
    expect(record.timeline.at(-1)).toMatchObject({ from: 'ACKNOWLEDGED', to: 'ACKNOWLEDGED' });
    expect(events[0]!.data).toMatchObject({ hasText: true, attachmentCount: 1 });
    expect(validateEvent(events[0]!)).toEqual([]);
    expect(refusal(() => addComment(accepted(), {}, resident))).toMatchObject({ code: 'BAD_USER_INPUT' });
    const other = as({ subject: 'resident-r2', role: 'RESIDENT', residentId: 'r2' });
    expect(refusal(() => addComment(accepted(), { text: 'x' }, other))).toEqual({
      code: 'FORBIDDEN',
      reason: 'NOT_THE_REQUESTER',
    });
  });

  it('withdrawing before the start closes it with the withdrawal kept; after the start it is refused', () => {
    const { record, events } = withdraw(assignedTo(), 'Fixed it myself', resident);
    expect(record).toMatchObject({
      state: 'CLOSED',
      withdrawal: { byId: 'resident-r1', reason: 'Fixed it myself' },
      closedAt: NOW,
      slaWakeAt: null,
    });
    expect(record.clocks.every((clock) => clock.stoppedAt !== null)).toBe(true);
    expect(events[0]!.type).toBe('workorder.withdrawn.v1');
    expect(validateEvent(events[0]!)).toEqual([]);
    expect(refusal(() => addComment(record, { text: 'x' }, resident))).toEqual({
      code: 'CONFLICT',
      reason: 'HELP_REQUEST_NOT_OPEN',
    });
    const started = lifecycle.startWork(assignedTo(), null, tech).record;
    expect(refusal(() => withdraw(started, null, resident))).toEqual({
      code: 'CONFLICT',
      reason: 'WORK_ALREADY_STARTED',
    });
  });

  it('a progress note at every change of state, in the resident’s words, no internal notes', () => {
    const acknowledged = lifecycle.acknowledge(submitted().record, 'consulted supervisor Zhang', desk).record;
    const commented = addComment(acknowledged, { text: 'Any news?' }, resident).record;
    const escalated = lifecycle.escalate(commented, 'technician team overloaded', desk).record;
    const notes = progressOf(escalated);
    expect(notes.map((note) => note.state)).toEqual(['RECEIVED', 'ACKNOWLEDGED', 'ESCALATED']);
    expect(notes[0]!.message).toContain('WO-2026-000009');
    expect(JSON.stringify(notes)).not.toMatch(/Zhang|overloaded/);
    expect(progressOf(withdraw(acknowledged, null, resident).record).at(-1)!.message).toBe(
      'You withdrew this request.',
    );
  });
});
