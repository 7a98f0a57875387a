import { DomainError, parseInput } from '@courtyard/kernel';
import { WORK_ORDER_EVENTS, workOrderEvent, type WorkOrderEventType } from '../events/work-orders.events.js';
import {
  DISPATCH_ROLES,
  requireAssigneeOrSupervisor,
  requireNotInspector,
  requireRequesterOrOffice,
  requireRoleAt,
  SUPERVISOR_ROLES,
} from './access.js';
import type { CommandContext, Decision } from './command.js';
import { assignInput, partsNoticeInput, referInput } from './inputs.js';
import type { FollowUpResult, HelpRequestRecord, StaffRecord } from './records.js';
import { defaultDueTimes } from './sla.js';
import { assertCanExecute } from './staff.js';
import { assertTransition, type HelpRequestState } from './transitions.js';

type Changes = Partial<Omit<HelpRequestRecord, '_id' | 'version' | 'ownerId' | 'timeline' | 'state'>>;

/** Moves a request to `to`: checks the table, applies the changes, appends to the timeline. */
function transition(
  request: HelpRequestRecord,
  to: HelpRequestState,
  eventType: WorkOrderEventType,
  context: CommandContext,
  changes: Changes = {},
  note: string | null = null,
  details: Record<string, unknown> = {},
): Decision<HelpRequestRecord> {
  assertTransition(request.state, to);
  const record: HelpRequestRecord = {
    ...request,
    ...changes,
    state: to,
    timeline: [
      ...request.timeline,
      {
        at: context.now,
        actorId: context.actor.subject,
        actorRole: context.actor.role,
        from: request.state,
        to,
        note,
      },
    ],
  };
  return { record, events: [workOrderEvent(eventType, record, request.state, context, details)] };
}

export function acknowledge(request: HelpRequestRecord, note: string | null, context: CommandContext) {
  requireNotInspector(context.actor);
  requireRoleAt(context.actor, DISPATCH_ROLES, request.propertyId, 'acknowledge requests');
  return transition(request, 'ACKNOWLEDGED', WORK_ORDER_EVENTS.acknowledged, context, {}, note);
}

/**
 * Rule 5: a due time (never later than the SLA limit), qualified staff on duty, two people for
 * a hospital escort, and a family member's presence confirmed for short-term nursing.
 */
export function assign(
  request: HelpRequestRecord,
  input: unknown,
  assignees: StaffRecord[],
  context: CommandContext,
): Decision<HelpRequestRecord> {
  const valid = parseInput(assignInput, input);
  requireRoleAt(context.actor, DISPATCH_ROLES, request.propertyId, 'assign requests');
  const slaDue = defaultDueTimes(request, request.createdAt, request.timeZone).resolutionDueAt;
  const dueAt = valid.dueAt ?? slaDue;
  if (dueAt.getTime() <= context.now.getTime()) {
    throw new DomainError('BAD_USER_INPUT', 'DUE_TIME_IN_PAST', 'The due time must be in the future');
  }
  if (dueAt.getTime() > slaDue.getTime()) {
    throw new DomainError(
      'BAD_USER_INPUT',
      'DUE_AFTER_SLA_LIMIT',
      `The due time may not be later than the SLA limit ${slaDue.toISOString()}`,
      {
        slaDueAt: slaDue.toISOString(),
      },
    );
  }
  const unique = new Set(valid.assigneeIds);
  if (request.category === 'HOSPITAL_ESCORT' && unique.size < 2) {
    throw new DomainError('BAD_USER_INPUT', 'ESCORT_NEEDS_TWO', 'A hospital escort needs two assignees');
  }
  const familyMemberPresent = valid.familyMemberPresent ?? request.familyMemberPresent;
  if (request.category === 'SHORT_TERM_NURSING' && familyMemberPresent !== true) {
    throw new DomainError(
      'BAD_USER_INPUT',
      'FAMILY_MEMBER_NOT_CONFIRMED',
      'Short-term nursing needs the confirmation that a family member is present',
    );
  }
  for (const staff of assignees) assertCanExecute(staff, request.propertyId, request.category, context.now);
  return transition(
    request,
    'ASSIGNED',
    WORK_ORDER_EVENTS.assigned,
    context,
    { assigneeIds: [...unique], dueAt, familyMemberPresent },
    valid.note,
    { assigneeIds: [...unique] },
  );
}

export function startWork(request: HelpRequestRecord, context: CommandContext) {
  requireAssigneeOrSupervisor(context.actor, request, 'work on this request');
  return transition(request, 'IN_PROGRESS', WORK_ORDER_EVENTS.started, context);
}

/** Rule 6: waiting for parts requires telling the affected residents (recorded and published). */
export function waitForParts(request: HelpRequestRecord, input: unknown, context: CommandContext) {
  requireAssigneeOrSupervisor(context.actor, request, 'put this request on hold');
  const notice = { ...parseInput(partsNoticeInput, input), at: context.now };
  return transition(
    request,
    'WAITING_PARTS',
    WORK_ORDER_EVENTS.waitingParts,
    context,
    { partsNotices: [...request.partsNotices, notice] },
    notice.message,
    {
      notice: {
        message: notice.message,
        notifiedUnitIds: notice.notifiedUnitIds,
        expectedBy: notice.expectedBy?.toISOString() ?? null,
      },
    },
  );
}

export function resolve(request: HelpRequestRecord, outcome: string, context: CommandContext) {
  requireAssigneeOrSupervisor(context.actor, request, 'resolve this request');
  const trimmed = outcome.trim();
  if (!trimmed || trimmed.length > 4000) {
    throw new DomainError(
      'BAD_USER_INPUT',
      'OUTCOME_REQUIRED',
      'Resolving needs the outcome (1-4000 characters)',
    );
  }
  return transition(
    request,
    'RESOLVED',
    WORK_ORDER_EVENTS.resolved,
    context,
    { outcome: trimmed, resolvedAt: context.now },
    trimmed,
  );
}

/** The resident rejects the fix: the request reopens. */
export function rejectFix(request: HelpRequestRecord, reason: string, context: CommandContext) {
  requireRequesterOrOffice(context.actor, request, 'record the resident’s answer');
  return transition(
    request,
    'REOPENED',
    WORK_ORDER_EVENTS.reopened,
    context,
    { confirmation: null },
    reason,
    { reason },
  );
}

export function confirm(request: HelpRequestRecord, context: CommandContext) {
  requireRequesterOrOffice(context.actor, request, 'record the resident’s answer');
  return transition(
    request,
    'CONFIRMED',
    WORK_ORDER_EVENTS.confirmed,
    context,
    {
      confirmation: { kind: 'CONFIRMED', at: context.now },
    },
    null,
    { confirmation: 'CONFIRMED' },
  );
}

/** Rule 7: no answer from the resident counts as confirmation only after the configured wait. */
export function recordNoResponse(request: HelpRequestRecord, waitHours: number, context: CommandContext) {
  requireRoleAt(context.actor, DISPATCH_ROLES, request.propertyId, 'record a non-response');
  const waitedHours = request.resolvedAt
    ? (context.now.getTime() - request.resolvedAt.getTime()) / 3_600_000
    : 0;
  if (request.state === 'RESOLVED' && waitedHours < waitHours) {
    throw new DomainError(
      'CONFLICT',
      'CONFIRMATION_WAIT_NOT_OVER',
      `Wait ${waitHours} h after resolution before recording a non-response`,
      {
        waitHours,
        waitedHours: Math.floor(waitedHours * 10) / 10,
      },
    );
  }
  return transition(
    request,
    'CONFIRMED',
    WORK_ORDER_EVENTS.confirmed,
    context,
    {
      confirmation: { kind: 'NO_RESPONSE', at: context.now },
    },
    'no response from the resident',
    { confirmation: 'NO_RESPONSE' },
  );
}

/** The follow-up visit (回访): satisfied moves on to closing, unsatisfied reopens the request. */
export function recordFollowUp(
  request: HelpRequestRecord,
  result: FollowUpResult,
  note: string | null,
  context: CommandContext,
) {
  requireNotInspector(context.actor);
  requireRoleAt(context.actor, DISPATCH_ROLES, request.propertyId, 'record follow-up visits');
  const followUp = { result, note, at: context.now, byId: context.actor.subject };
  const followed = transition(
    request,
    'FOLLOWED_UP',
    WORK_ORDER_EVENTS.followedUp,
    context,
    { followUp },
    note,
    { result },
  );
  if (result === 'SATISFIED') return followed;
  const reopened = transition(
    followed.record,
    'REOPENED',
    WORK_ORDER_EVENTS.reopened,
    context,
    { confirmation: null },
    'unsatisfied at follow-up',
    {
      reason: 'unsatisfied at follow-up',
    },
  );
  return { record: reopened.record, events: [...followed.events, ...reopened.events] };
}

/** Rule 7: closing needs the outcome, the resident's confirmation (or non-response) and the follow-up. */
export function close(request: HelpRequestRecord, context: CommandContext) {
  requireNotInspector(context.actor);
  if (context.actor.subject !== request.ownerId)
    requireRoleAt(
      context.actor,
      [...DISPATCH_ROLES, ...SUPERVISOR_ROLES],
      request.propertyId,
      'close requests',
    );
  const missing = [
    request.outcome ? null : 'outcome',
    request.confirmation ? null : 'resident confirmation',
    request.followUp?.result === 'SATISFIED' ? null : 'satisfied follow-up visit',
  ].filter(Boolean);
  if (request.state === 'FOLLOWED_UP' && missing.length > 0) {
    throw new DomainError(
      'CONFLICT',
      'CLOSE_REQUIREMENTS_MISSING',
      `Cannot close without: ${missing.join(', ')}`,
      { missing },
    );
  }
  return transition(request, 'CLOSED', WORK_ORDER_EVENTS.closed, context, { closedAt: context.now }, null, {
    outcome: request.outcome,
    confirmation: request.confirmation?.kind ?? null,
    followUpResult: request.followUp?.result ?? null,
  });
}

/** Rule 3: the only way out of the company's remit, with where it went and when the resident was told. */
export function refer(request: HelpRequestRecord, input: unknown, context: CommandContext) {
  const valid = parseInput(referInput, input);
  requireNotInspector(context.actor);
  if (context.actor.subject !== request.ownerId)
    requireRoleAt(context.actor, SUPERVISOR_ROLES, request.propertyId, 'refer requests');
  if (valid.residentToldAt.getTime() > context.now.getTime() + 60_000) {
    throw new DomainError(
      'BAD_USER_INPUT',
      'RESIDENT_TOLD_IN_FUTURE',
      'residentToldAt cannot be in the future',
    );
  }
  const referral = {
    department: valid.department,
    contact: valid.contact,
    residentToldAt: valid.residentToldAt,
  };
  return transition(request, 'REFERRED', WORK_ORDER_EVENTS.referred, context, { referral }, valid.note, {
    department: referral.department,
    residentToldAt: referral.residentToldAt.toISOString(),
  });
}

export const ESCALATION_CHAIN = [
  'FRONT_DESK',
  'SERVICE_SUPERVISOR',
  'OFFICE_DIRECTOR',
  'GENERAL_MANAGER',
] as const;

/** One level up the chain: front desk → supervisor → director → general manager. */
export function escalate(request: HelpRequestRecord, reason: string, context: CommandContext) {
  requireNotInspector(context.actor);
  requireRoleAt(context.actor, [...DISPATCH_ROLES, 'TECHNICIAN'], request.propertyId, 'escalate requests');
  const level = Math.min(request.escalationLevel + 1, ESCALATION_CHAIN.length - 1);
  if (level === request.escalationLevel) {
    throw new DomainError('CONFLICT', 'ALREADY_AT_TOP', 'The request is already with the general manager');
  }
  return transition(
    request,
    'ESCALATED',
    WORK_ORDER_EVENTS.escalated,
    context,
    { escalationLevel: level },
    reason,
    {
      escalatedTo: ESCALATION_CHAIN[level],
      reason,
    },
  );
}

export function inspect(
  request: HelpRequestRecord,
  finding: string,
  passed: boolean,
  context: CommandContext,
) {
  if (context.actor.role !== 'QUALITY_INSPECTOR' && context.actor.role !== 'SYSTEM') {
    throw new DomainError('FORBIDDEN', 'ROLE_NOT_ALLOWED', 'Only quality inspectors record inspections');
  }
  const trimmed = finding.trim();
  if (!trimmed || trimmed.length > 4000)
    throw new DomainError('BAD_USER_INPUT', 'FINDING_REQUIRED', 'An inspection needs a finding');
  const inspection = { at: context.now, inspectorId: context.actor.subject, finding: trimmed, passed };
  const record = { ...request, inspections: [...request.inspections, inspection] };
  return {
    record,
    events: [workOrderEvent(WORK_ORDER_EVENTS.inspected, record, null, context, { passed })],
  };
}
