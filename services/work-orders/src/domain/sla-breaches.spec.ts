import { describe, expect, it } from '@jest/globals';
import { loadEventSchemas } from '@courtyard/kernel';
import { as, NOW, received } from './fixtures.js';
import * as lifecycle from './lifecycle.js';
import type { HelpRequestRecord } from './records.js';
import { escalateBreaches } from './sla-breaches.js';
import * as moments from './sla-moments.js';

const schemas = loadEventSchemas(new URL('../../../../schema/events', import.meta.url).pathname, {
  closed: true,
});
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const system = (minutes: number) =>
  as({ subject: 'work-orders', role: 'SYSTEM', propertyIds: ['*'] }, at(minutes));
const supervisorOnDuty = { title: '服务处主管', staffId: 'sup-1' };
const urgentRepairReplied = (): HelpRequestRecord =>
  lifecycle.acknowledge(received({ urgent: true }), null, as({}, at(1))).record;

describe('breach detection and escalation (decided for the scheduler)', () => {
  it('nothing to do before the due time', () => {
    expect(escalateBreaches(urgentRepairReplied(), supervisorOnDuty, system(29))).toBeNull();
  });

  it('an urgent repair with nobody on site breaches at 30 min and goes to the supervisor on duty, with a new deadline', () => {
    const request = urgentRepairReplied();
    expect(request.slaWakeAt).toEqual(at(30));
    const decision = escalateBreaches(request, supervisorOnDuty, system(31))!;
    expect(decision.record).toMatchObject({
      state: 'ESCALATED',
      escalationLevel: 1,
      escalation: {
        level: 1,
        role: 'SERVICE_SUPERVISOR',
        title: '服务处主管',
        staffId: 'sup-1',
        clock: 'ON_SITE',
        deadlineAt: at(61),
      },
      slaWakeAt: at(61),
    });
    expect(decision.record.clocks.find((c) => c.kind === 'ON_SITE')?.breachedAt).toEqual(at(31));
    expect(decision.events.map((e) => [e.type, schemas.validate(e)])).toEqual([
      ['workorder.sla_breached.v1', []],
      ['workorder.escalated.v1', []],
    ]);
    expect(decision.events[0]!.data).toMatchObject({ clock: 'ON_SITE', secondsLate: 60, level: 0 });
    expect(decision.events[1]!.data).toMatchObject({
      escalatedTo: 'SERVICE_SUPERVISOR',
      responsibleStaffId: 'sup-1',
      actorId: 'work-orders',
    });
    // The same breach found again (a second replica, a repeated scan) changes nothing.
    expect(escalateBreaches(decision.record, supervisorOnDuty, system(32))).toBeNull();
  });

  it('escalates once more when the level lets its deadline pass with the clock still running; stops once someone arrives', () => {
    const first = escalateBreaches(urgentRepairReplied(), supervisorOnDuty, system(31))!.record;
    const second = escalateBreaches(first, { title: '管理处主任', staffId: null }, system(62))!;
    expect(second.record.escalation).toMatchObject({ level: 2, role: 'OFFICE_DIRECTOR', staffId: null });
    expect(second.events.map((e) => e.type)).toEqual(['workorder.escalated.v1']);
    const arrived = moments.recordArrival(
      { ...first, assigneeIds: ['tech-1'] },
      null,
      as({ subject: 'tech-1', role: 'TECHNICIAN' }, at(50)),
    ).record;
    expect(arrived.slaWakeAt).toEqual(arrived.clocks.find((c) => c.kind === 'FEEDBACK')?.dueAt);
    expect(escalateBreaches(arrived, { title: '管理处主任', staffId: null }, system(62))).toBeNull();
  });

  it('a paused clock never breaches while waiting for parts', () => {
    const held = {
      ...urgentRepairReplied(),
      clocks: urgentRepairReplied().clocks.map((c) => ({ ...c, pausedAt: at(10) })),
    };
    expect(escalateBreaches(held, supervisorOnDuty, system(500))).toBeNull();
  });

  it('at the general manager a breach is still marked and published, with no level left to climb', () => {
    const top = { ...urgentRepairReplied(), escalationLevel: 3 };
    const decision = escalateBreaches(top, null, system(31))!;
    expect(decision.events.map((e) => e.type)).toEqual(['workorder.sla_breached.v1']);
    expect(decision.record.escalationLevel).toBe(3);
  });
});
