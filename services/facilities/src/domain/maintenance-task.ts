import {
  domainEvent,
  DomainError,
  parseInput,
  requireStaffOf,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { TASK_ASSIGNERS, TASK_COMPLETERS } from './access.js';
import { assignMaintenanceTaskInput, completeMaintenanceTaskInput } from './inputs.js';
import { periodFrom, periodsOverlapping, type Period } from './recurrence.js';
import type {
  AssigneeRecord,
  CompletionRecord,
  FacilityRecord,
  MaintenancePlanRecord,
  MaintenanceTaskRecord,
} from './records.js';

/**
 * The key of a plan's task for one facility and period: the scheduler derives the task's `_id`
 * (and its event's) from it, so a period has one task however often, wherever and after
 * however many restarts it is generated.
 */
export const taskKey = (planId: string, facilityId: string, period: Period): string =>
  `maintenance-task/${planId}/${facilityId}/${period.start.toISOString()}`;

export interface GenerationWindow {
  /** Periods ending after this are generated (the scheduler's catch-up after an outage). */
  from: Date;
  /** Periods starting before this are generated (now + the horizon). */
  to: Date;
}

/**
 * The periods of a plan a facility needs tasks for within the window: none for an inactive plan
 * or a retired facility, and none ending before the plan started or the facility was registered.
 */
export function periodsToGenerate(
  plan: MaintenancePlanRecord,
  facility: Pick<FacilityRecord, 'createdAt' | 'status'>,
  periods: readonly Period[],
): Period[] {
  if (!plan.active || facility.status === 'RETIRED') return [];
  const since = Math.max(plan.createdAt.getTime(), facility.createdAt.getTime());
  return periods.filter((period) => period.end.getTime() > since);
}

/** The plan's periods overlapping the window, computed once per plan for all its facilities. */
export const planPeriods = (plan: MaintenancePlanRecord, window: GenerationWindow): Period[] =>
  periodsOverlapping(plan.recurrence, plan.timeZone, window.from, window.to);

const assigneeData = (assignee: AssigneeRecord | null) =>
  assignee ? { kind: assignee.kind, id: assignee.id } : null;

/** One period's task, with `facility.maintenance_due.v1`. The context's first id is the task's. */
export function generateTask(
  plan: MaintenancePlanRecord,
  facility: Pick<FacilityRecord, '_id' | 'propertyId' | 'type'>,
  period: Period,
  context: CommandContext,
): Decision<MaintenanceTaskRecord> {
  const record: MaintenanceTaskRecord = {
    _id: context.newId(),
    version: 1,
    createdAt: context.now,
    planId: plan._id,
    propertyId: facility.propertyId,
    facilityId: facility._id,
    facilityType: facility.type,
    name: plan.name,
    periodStart: period.start,
    periodEnd: period.end,
    dueAt: period.end,
    checklist: [...plan.checklist],
    evidence: [...plan.evidence],
    status: 'OPEN',
    overdueAt: null,
    assignee: null,
    completion: null,
  };
  return {
    record,
    events: [
      domainEvent(
        'facility.maintenance_due.v1',
        { id: record._id, propertyId: record.propertyId },
        {
          ...periodData(record),
          evidence: record.evidence,
          generatedAt: context.now.toISOString(),
        },
        context,
      ),
    ],
  };
}

function periodData(task: MaintenanceTaskRecord) {
  return {
    taskId: task._id,
    planId: task.planId,
    propertyId: task.propertyId,
    facilityId: task.facilityId,
    facilityType: task.facilityType,
    name: task.name,
    periodStart: task.periodStart.toISOString(),
    periodEnd: task.periodEnd.toISOString(),
    dueAt: task.dueAt.toISOString(),
  };
}

function requireNotCompleted(task: MaintenanceTaskRecord): void {
  if (task.status === 'COMPLETED')
    throw new DomainError('CONFLICT', 'TASK_ALREADY_COMPLETED', 'The maintenance task is already completed', {
      id: task._id,
    });
}

/** Assigned to a staff member or a service partner (a plain id; partners live in their own records). */
export function assignMaintenanceTask(
  task: MaintenanceTaskRecord,
  input: unknown,
  context: CommandContext,
): Decision<MaintenanceTaskRecord> {
  const valid = parseInput(assignMaintenanceTaskInput, input);
  requireStaffOf(context.actor, task.propertyId, TASK_ASSIGNERS, 'assign maintenance tasks');
  requireNotCompleted(task);
  const assignee: AssigneeRecord = {
    kind: valid.staffId ? 'STAFF' : 'SERVICE_PARTNER',
    id: (valid.staffId ?? valid.servicePartnerId)!,
    assignedAt: context.now,
    assignedBy: context.actor.subject,
  };
  return { record: { ...task, assignee }, events: [] };
}

/** The evidence the plan asks for that the completion lacks, e.g. `['TEST_REPORT']`. */
export function missingEvidence(
  task: Pick<MaintenanceTaskRecord, 'evidence' | 'checklist'>,
  completion: Pick<CompletionRecord, 'testReportRef' | 'contractNumber' | 'checklist'>,
): string[] {
  const missing: string[] = [];
  if (task.evidence.includes('TEST_REPORT') && !completion.testReportRef) missing.push('TEST_REPORT');
  if (task.evidence.includes('CONTRACT_NUMBER') && !completion.contractNumber)
    missing.push('CONTRACT_NUMBER');
  if (task.evidence.includes('CHECKLIST')) {
    const answered = new Set(completion.checklist.map((answer) => answer.item));
    for (const item of task.checklist) if (!answered.has(item)) missing.push(`CHECKLIST: ${item}`);
  }
  return missing;
}

/**
 * Done, with the evidence its plan requires (BAD_USER_INPUT `EVIDENCE_REQUIRED` otherwise, and
 * nothing is recorded). Not before its period has begun; late is allowed and said so.
 */
export function completeMaintenanceTask(
  task: MaintenanceTaskRecord,
  input: unknown,
  context: CommandContext,
): Decision<MaintenanceTaskRecord> {
  const valid = parseInput(completeMaintenanceTaskInput, input);
  requireStaffOf(context.actor, task.propertyId, TASK_COMPLETERS, 'complete maintenance tasks');
  requireNotCompleted(task);
  if (context.now.getTime() < task.periodStart.getTime())
    throw new DomainError('CONFLICT', 'TASK_NOT_OPEN_YET', 'The task’s period has not begun yet', {
      id: task._id,
      periodStart: task.periodStart.toISOString(),
    });
  const unknownItems = valid.checklist.filter((answer) => !task.checklist.includes(answer.item));
  if (unknownItems.length > 0)
    throw new DomainError(
      'BAD_USER_INPUT',
      'UNKNOWN_CHECKLIST_ITEM',
      'An answer names no item of the checklist',
      {
        items: unknownItems.map((answer) => answer.item),
      },
    );
  const completion: CompletionRecord = {
    completedAt: context.now,
    completedBy: context.actor.subject,
    testReportRef: valid.testReportRef,
    contractNumber: valid.contractNumber,
    checklist: valid.checklist,
    notes: valid.notes,
  };
  const missing = missingEvidence(task, completion);
  if (missing.length > 0)
    throw new DomainError(
      'BAD_USER_INPUT',
      'EVIDENCE_REQUIRED',
      `Completing this task requires its evidence: ${missing.join(', ')}`,
      { missing },
    );
  const record: MaintenanceTaskRecord = { ...task, status: 'COMPLETED', completion };
  return {
    record,
    events: [
      domainEvent(
        'facility.maintenance_completed.v1',
        { id: task._id, propertyId: task.propertyId },
        {
          ...periodData(task),
          completedAt: context.now.toISOString(),
          completedBy: context.actor.subject,
          late: context.now.getTime() > task.dueAt.getTime(),
          testReportRef: completion.testReportRef,
          contractNumber: completion.contractNumber,
          failedChecklistItems: completion.checklist.filter((a) => !a.ok).map((a) => a.item),
          assignee: assigneeData(task.assignee),
        },
        context,
      ),
    ],
  };
}

/** Past its due time and not completed: OVERDUE, once (`null` when there is nothing to mark). */
export function markOverdue(
  task: MaintenanceTaskRecord,
  context: CommandContext,
): Decision<MaintenanceTaskRecord> | null {
  if (task.status !== 'OPEN' || task.dueAt.getTime() > context.now.getTime()) return null;
  const record: MaintenanceTaskRecord = { ...task, status: 'OVERDUE', overdueAt: context.now };
  return {
    record,
    events: [
      domainEvent(
        'facility.maintenance_overdue.v1',
        { id: task._id, propertyId: task.propertyId },
        {
          ...periodData(task),
          overdueAt: context.now.toISOString(),
          assignee: assigneeData(task.assignee),
        },
        context,
      ),
    ],
  };
}

/** The period after a completed task's, by the plan as it is now (null: inactive, or the rule ended). */
export function nextPeriodAfter(plan: MaintenancePlanRecord, task: MaintenanceTaskRecord): Period | null {
  if (!plan.active) return null;
  return periodFrom(plan.recurrence, plan.timeZone, task.periodEnd);
}
