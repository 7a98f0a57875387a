import { describe, expect, it } from '@jest/globals';
import { DomainError, loadEventSchemas, type CloudEvent } from '@courtyard/kernel';
import { as, NOW } from './fixtures.js';
import { DEFAULT_INCIDENT_RULES } from './incident-rules.js';
import { closeIncident, escalateIncident, raiseIncident, takeIncident } from './incidents.js';
import type { IncidentRecord } from './records.js';

const schemas = loadEventSchemas(new URL('../../../../schema/events', import.meta.url).pathname, {
  closed: true,
});
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000);
const REPORT = {
  cause: 'Elevator B2 controller failed',
  customerExplanation: 'Elevator B2 stopped because its controller failed; it was replaced the same day.',
  remediation: 'Porter service for the upper floors; no charge',
};
const desk = (now = NOW) => as({ subject: 'desk-1', role: 'FRONT_DESK' }, now);
const supervisor = (now = NOW) => as({ subject: 'sup-1', role: 'SERVICE_SUPERVISOR' }, now);
const system = (now: Date) => as({ subject: 'work-orders', role: 'SYSTEM', propertyIds: [] }, now);

function raised(group = 'KEY_SERVICE'): IncidentRecord {
  const rule = DEFAULT_INCIDENT_RULES.find((r) => r.group === group)!;
  return raiseIncident(
    {
      id: 'inc-1',
      propertyId: 'p1',
      category: 'ELEVATOR',
      rule,
      helpRequestIds: ['hr1', 'hr2', 'hr3'],
      complaints: 3,
      vipComplaints: 3,
    },
    desk(),
  ).record;
}

function refusal(run: () => unknown): Pick<DomainError, 'code' | 'reason'> | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, reason: error.reason };
    throw error;
  }
  return undefined;
}
const valid = (events: CloudEvent[]) => events.flatMap((event) => schemas.validate(event));

describe('incidents (seed 001-G): raised, taken, escalated if nobody takes them, closed with a report', () => {
  it('the escalation deadline follows the grade: 2 h, 3 h, 4 h', () => {
    expect(raised('SECURITY_SENSITIVE').deadlineAt).toEqual(hours(2));
    expect(raised('KEY_SERVICE').deadlineAt).toEqual(hours(3));
    expect(raised('ROUTINE').deadlineAt).toEqual(hours(4));
  });

  it('someone of the office takes it: responsible from now, no deadline, taken once', () => {
    const taken = takeIncident(raised(), supervisor(hours(1)));
    expect(taken.record).toMatchObject({
      state: 'TAKEN',
      responsibleStaffId: 'sup-1',
      takenAt: hours(1),
      deadlineAt: null,
    });
    expect(taken.events[0]!.data).toMatchObject({ responsibleStaffId: 'sup-1', state: 'TAKEN' });
    expect(valid(taken.events)).toEqual([]);
    expect(refusal(() => takeIncident(taken.record, desk()))).toEqual({
      code: 'CONFLICT',
      reason: 'INCIDENT_ALREADY_TAKEN',
    });
    expect(refusal(() => takeIncident(raised(), as({ subject: 't1', role: 'TECHNICIAN' })))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('nobody took it by its deadline: one level up, to the person on duty, with the grade’s time again; once per level', () => {
    const incident = raised();
    expect(
      escalateIncident(incident, { title: '服务处主管', staffId: 'sup-1' }, system(hours(2.9))),
    ).toBeNull();
    const up = escalateIncident(incident, { title: '服务处主管', staffId: 'sup-1' }, system(hours(3)))!;
    expect(up.record).toMatchObject({
      state: 'ESCALATED',
      escalationLevel: 1,
      escalation: {
        level: 1,
        role: 'SERVICE_SUPERVISOR',
        title: '服务处主管',
        staffId: 'sup-1',
        at: hours(3),
      },
      deadlineAt: hours(6),
      escalationKeys: ['inc-1:1'],
    });
    expect(up.events.map((e) => e.type)).toEqual(['incident.escalated.v1']);
    expect(up.events[0]!.data).toMatchObject({
      escalatedTo: 'SERVICE_SUPERVISOR',
      responsibleStaffId: 'sup-1',
      level: 1,
    });
    expect(valid(up.events)).toEqual([]);
    // The same scan again, or another replica on the stored result: nothing more.
    expect(
      escalateIncident(up.record, { title: '服务处主管', staffId: 'sup-1' }, system(hours(3))),
    ).toBeNull();
    const director = escalateIncident(up.record, { title: '管理处主任', staffId: null }, system(hours(6)))!;
    expect(director.record).toMatchObject({
      escalationLevel: 2,
      escalation: { role: 'OFFICE_DIRECTOR', staffId: null },
    });
    const top = escalateIncident(director.record, { title: '总经理', staffId: 'gm-1' }, system(hours(9)))!;
    expect(top.record).toMatchObject({ escalationLevel: 3, deadlineAt: null });
    expect(escalateIncident(top.record, { title: '总经理', staffId: 'gm-1' }, system(hours(99)))).toBeNull();
  });

  it('a taken incident is not escalated by time', () => {
    const taken = takeIncident(raised(), desk(hours(1))).record;
    expect(
      escalateIncident({ ...taken, deadlineAt: hours(3) }, { title: 'x', staffId: null }, system(hours(5))),
    ).toBeNull();
  });

  it('closes with its report; without one it is refused with INCIDENT_REPORT_REQUIRED and the missing parts', () => {
    const taken = takeIncident(raised(), desk(hours(1))).record;
    const closed = closeIncident(taken, REPORT, desk(hours(2)));
    expect(closed.record).toMatchObject({
      state: 'CLOSED',
      report: REPORT,
      closedAt: hours(2),
      closedById: 'desk-1',
    });
    expect(closed.events[0]!.data).toMatchObject({ ...REPORT, helpRequestIds: ['hr1', 'hr2', 'hr3'] });
    expect(valid(closed.events)).toEqual([]);
    expect(refusal(() => closeIncident(taken, null, desk()))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INCIDENT_REPORT_REQUIRED',
    });
    expect(refusal(() => closeIncident(taken, { ...REPORT, remediation: '  ' }, desk()))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INCIDENT_REPORT_REQUIRED',
    });
    expect(refusal(() => closeIncident(closed.record, REPORT, desk()))).toEqual({
      code: 'CONFLICT',
      reason: 'INCIDENT_CLOSED',
    });
  });

  it('closing needs it taken, by the one responsible or a supervisor and above', () => {
    expect(refusal(() => closeIncident(raised(), REPORT, supervisor()))).toEqual({
      code: 'CONFLICT',
      reason: 'INCIDENT_NOT_TAKEN',
    });
    const taken = takeIncident(raised(), desk(hours(1))).record;
    expect(
      refusal(() => closeIncident(taken, REPORT, as({ subject: 'desk-2', role: 'FRONT_DESK' }))),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(closeIncident(taken, REPORT, supervisor()).record.state).toBe('CLOSED');
  });

  it('the raised event is schema-valid', () => {
    const rule = DEFAULT_INCIDENT_RULES[1]!;
    const { events } = raiseIncident(
      {
        id: 'inc-1',
        propertyId: 'p1',
        category: 'ELEVATOR',
        rule,
        helpRequestIds: ['hr1'],
        complaints: 3,
        vipComplaints: 3,
      },
      desk(),
    );
    expect(valid(events)).toEqual([]);
  });
});
