import { describe, expect, it } from '@jest/globals';
import { sequentialIds, type Caller, type CommandContext } from '@courtyard/kernel/domain';
import { loadEventSchemas } from '@courtyard/kernel';
import { DRAINAGE_CHECKLIST } from './maintenance-catalogue.js';
import { defaultPlansFor } from './maintenance-plan.js';
import {
  assignMaintenanceTask,
  completeMaintenanceTask,
  generateTask,
  markOverdue,
  nextPeriodAfter,
  periodsToGenerate,
  planPeriods,
  taskKey,
} from './maintenance-task.js';
import type { FacilityRecord, MaintenancePlanRecord } from './records.js';

// The producer's (closed) form: no property the schema does not list.
const eventSchemas = loadEventSchemas(new URL('../../../../schema/events', import.meta.url).pathname, {
  closed: true,
});
const created = new Date('2026-11-23T02:00:00Z');
const as = (at: Date, caller: Partial<Caller> = {}): CommandContext => ({
  actor: { subject: 'tech-1', role: 'TECHNICIAN', propertyIds: ['p1'], ...caller },
  now: at,
  newId: sequentialIds(),
});
const system = (at: Date) => as(at, { subject: 'facilities', role: 'SYSTEM', propertyIds: ['*'] });
const plans = defaultPlansFor({ propertyId: 'p1', timeZone: 'Asia/Shanghai' }, created, system(created));
const planOf = (key: string): MaintenancePlanRecord => plans.find((p) => p.defaultKey === key)!;
const facility = (type: FacilityRecord['type']) =>
  ({ _id: 'f1', propertyId: 'p1', type, status: 'OPERATING', createdAt: created }) as FacilityRecord;
const window = { from: created, to: new Date('2026-11-24T00:00:00Z') };
const taskOf = (key: string, type: FacilityRecord['type']) => {
  const plan = planOf(key);
  const [period] = periodsToGenerate(plan, facility(type), planPeriods(plan, window));
  return generateTask(plan, facility(type), period!, system(created));
};
const reasonOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { reason?: string }).reason;
  }
};
const inPeriod = new Date('2026-12-20T06:00:00Z');

describe('default plans', () => {
  it('are the spec’s, per facility type, with their evidence', () => {
    expect(plans.map((p) => [p.facilityType, p.recurrence.kind, p.evidence])).toEqual([
      ['SECONDARY_WATER_TANK', 'TWICE_A_YEAR', ['TEST_REPORT']],
      ['DRAINAGE_SEWAGE', 'MONTHLY', ['CHECKLIST']],
      ['SEPTIC_TANK', 'YEARLY', []],
      ['FIRE_PROTECTION', 'MONTHLY', []],
      ['FIRE_PROTECTION', 'YEARLY', ['CONTRACT_NUMBER']],
      ['ELEVATOR', 'MONTHLY', []],
    ]);
    expect(planOf('drainage-inspection').checklist).toEqual([...DRAINAGE_CHECKLIST]);
  });
});

describe('task generation', () => {
  it('one task per period, due at its end, with a schema-valid due event; the key names plan, facility and period', () => {
    const { record, events } = taskOf('secondary-water-tank-cleaning', 'SECONDARY_WATER_TANK');
    expect(record).toMatchObject({
      status: 'OPEN',
      periodStart: new Date('2026-06-30T16:00:00Z'),
      dueAt: new Date('2026-12-31T16:00:00Z'),
      evidence: ['TEST_REPORT'],
    });
    expect(events.map((e) => e.type)).toEqual(['facility.maintenance_due.v1']);
    expect(eventSchemas.validate(events[0]!)).toEqual([]);
    expect(taskKey('pl', 'f1', { start: record.periodStart, end: record.dueAt })).toBe(
      'maintenance-task/pl/f1/2026-06-30T16:00:00.000Z',
    );
  });

  it('no periods for an inactive plan or a retired facility, none ending before the facility was registered', () => {
    const plan = planOf('elevator-safety-test');
    const periods = planPeriods(plan, { from: new Date('2026-10-01T00:00:00Z'), to: window.to });
    expect(periods).toHaveLength(2);
    expect(periodsToGenerate(plan, facility('ELEVATOR'), periods)).toHaveLength(1);
    expect(periodsToGenerate({ ...plan, active: false }, facility('ELEVATOR'), periods)).toEqual([]);
    expect(periodsToGenerate(plan, { ...facility('ELEVATOR'), status: 'RETIRED' }, periods)).toEqual([]);
  });
});

describe('completion with evidence', () => {
  it('a water-tank cleaning without its test report is refused; with it, done, and the next is due six months later', () => {
    const { record: task } = taskOf('secondary-water-tank-cleaning', 'SECONDARY_WATER_TANK');
    expect(reasonOf(() => completeMaintenanceTask(task, {}, as(inPeriod)))).toBe('EVIDENCE_REQUIRED');
    const { record, events } = completeMaintenanceTask(task, { testReportRef: 'WQ-2026-1187' }, as(inPeriod));
    expect(record).toMatchObject({ status: 'COMPLETED', completion: { testReportRef: 'WQ-2026-1187' } });
    expect(events[0]).toMatchObject({ type: 'facility.maintenance_completed.v1', data: { late: false } });
    expect(eventSchemas.validate(events[0]!)).toEqual([]);
    expect(nextPeriodAfter(planOf('secondary-water-tank-cleaning'), record)?.end).toEqual(
      new Date('2027-06-30T16:00:00Z'),
    );
  });

  it('a fire test needs the contract number', () => {
    const { record: task } = taskOf('fire-full-test', 'FIRE_PROTECTION');
    expect(reasonOf(() => completeMaintenanceTask(task, { testReportRef: 'x' }, as(inPeriod)))).toBe(
      'EVIDENCE_REQUIRED',
    );
    expect(completeMaintenanceTask(task, { contractNumber: 'FM-2026-07' }, as(inPeriod)).record.status).toBe(
      'COMPLETED',
    );
  });

  it('a drainage inspection needs an answer for every item; a failed item is recorded and published', () => {
    const { record: task } = taskOf('drainage-inspection', 'DRAINAGE_SEWAGE');
    const answers = DRAINAGE_CHECKLIST.map((item) => ({ item, ok: true }));
    let missing: unknown;
    try {
      completeMaintenanceTask(task, { checklist: answers.slice(1) }, as(inPeriod));
    } catch (error) {
      missing = (error as { details?: { missing?: unknown } }).details?.missing;
    }
    expect(missing).toEqual([`CHECKLIST: ${DRAINAGE_CHECKLIST[0]}`]);
    expect(
      reasonOf(() =>
        completeMaintenanceTask(task, { checklist: [...answers, { item: 'Roof', ok: true }] }, as(inPeriod)),
      ),
    ).toBe('UNKNOWN_CHECKLIST_ITEM');
    const failed = answers.map((a, i) => (i === 3 ? { ...a, ok: false, note: 'drip at joint 2' } : a));
    const { events } = completeMaintenanceTask(task, { checklist: failed }, as(inPeriod));
    expect(events[0]!.data).toMatchObject({ failedChecklistItems: [DRAINAGE_CHECKLIST[3]] });
  });

  it('not before its period, not twice, not by a quality inspector', () => {
    const { record: task } = taskOf('elevator-safety-test', 'ELEVATOR');
    expect(reasonOf(() => completeMaintenanceTask(task, {}, as(new Date('2026-10-15T00:00:00Z'))))).toBe(
      'TASK_NOT_OPEN_YET',
    );
    const done = completeMaintenanceTask(task, {}, as(inPeriod)).record;
    expect(reasonOf(() => completeMaintenanceTask(done, {}, as(inPeriod)))).toBe('TASK_ALREADY_COMPLETED');
    expect(
      reasonOf(() => completeMaintenanceTask(task, {}, as(inPeriod, { role: 'QUALITY_INSPECTOR' }))),
    ).toBe('ROLE_NOT_ALLOWED');
  });
});

describe('overdue and assignment', () => {
  it('past its due time and not done: OVERDUE once, with a schema-valid event; a late completion says so', () => {
    const { record: task } = taskOf('elevator-safety-test', 'ELEVATOR');
    expect(markOverdue(task, system(new Date('2026-11-30T15:59:00Z')))).toBeNull();
    const late = new Date('2026-11-30T16:05:00Z');
    const overdue = markOverdue(task, system(late))!;
    expect(overdue.record).toMatchObject({ status: 'OVERDUE', overdueAt: late });
    expect(eventSchemas.validate(overdue.events[0]!)).toEqual([]);
    expect(markOverdue(overdue.record, system(late))).toBeNull();
    const { events } = completeMaintenanceTask(overdue.record, {}, as(new Date('2026-12-02T00:00:00Z')));
    expect(events[0]!.data).toMatchObject({ late: true });
  });

  it('assigned to staff or to a service partner (a plain id), not both; the office assigns', () => {
    const { record: task } = taskOf('elevator-safety-test', 'ELEVATOR');
    const desk = as(inPeriod, { subject: 'desk-1', role: 'FRONT_DESK' });
    expect(
      assignMaintenanceTask(task, { servicePartnerId: 'sp-lift-01' }, desk).record.assignee,
    ).toMatchObject({
      kind: 'SERVICE_PARTNER',
      id: 'sp-lift-01',
      assignedBy: 'desk-1',
    });
    expect(
      reasonOf(() => assignMaintenanceTask(task, { staffId: 's1', servicePartnerId: 'sp1' }, desk)),
    ).toBe('VALIDATION_FAILED');
    expect(reasonOf(() => assignMaintenanceTask(task, { staffId: 's1' }, as(inPeriod)))).toBe(
      'ROLE_NOT_ALLOWED',
    );
  });
});
