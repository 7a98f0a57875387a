import {
  DomainError,
  parseInput,
  requireStaffOf,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import {
  DISPATCH_ROLES,
  HANDLERS,
  requireAssigneeOrSupervisor,
  requireNotInspector,
  requireRequesterOrOffice,
  SUPERVISOR_ROLES,
} from './access.js';
import { helpRequestEvent, type EventDetails, type HelpRequestEventType } from './help-request.events.js';
import { assignInput, partsNoticeInput, referInput, userNote } from './inputs.js';
import type { FollowUpResult, HelpRequestRecord, StaffRecord } from './records.js';
import { pauseClocks, resumeClocks, stopClocks } from './clocks.js';
import { ESCALATION_ROLES } from './sla-breaches.js';
import { holds } from './ownership.js';
import { arrive } from './sla-moments.js';
import { defaultDueTimes } from './sla.js';
import { scheduled } from './sla-terms.js';
import { assertCanExecute } from './staff.js';
import { assertTransition, type HelpRequestState } from './transitions.js';

type Changes = Partial<Omit<HelpRequestRecord, '_id' | 'version' | 'ownerId' | 'timeline' | 'state'>>;

/**
 * 首问制 for a request the resident submitted (owned by nobody): the first staff member who moves
 * it on owns it for good — the one who accepts it (`acknowledge`), or, when the SLA scheduler
 * escalated it unaccepted, the one who dispatches or refers it. Never the system, the resident
 * or an inspector; the repository writes an owner only where there was none.
 */
const ownerAfter = (request: HelpRequestRecord, context: CommandContext): string | null =>
  request.ownerId === null && HANDLERS.includes(context.actor.role) ? context.actor.subject : request.ownerId;

/** Moves a request to `to`: checks the table, applies the changes, appends to the timeline. */
function transition<T extends HelpRequestEventType>(
  request: HelpRequestRecord,
  to: HelpRequestState,
  eventType: T,
  context: CommandContext,
  changes: Changes,
  note: string | null,
  details: EventDetails<T>,
): Decision<HelpRequestRecord> {
  assertTransition(request.state, to);
  // Every change may start, stop or pause a clock: the scheduler's wake-up time follows.
  const record: HelpRequestRecord = scheduled({
    ...request,
    ...changes,
    ownerId: ownerAfter(request, context),
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
  });
  return { record, events: [helpRequestEvent(eventType, record, request.state, context, details)] };
}

export function acknowledge(request: HelpRequestRecord, note: string | null, context: CommandContext) {
  requireNotInspector(context.actor);
  requireStaffOf(context.actor, request.propertyId, DISPATCH_ROLES, 'acknowledge requests');
  // Acknowledging is the first reply on the channel the resident used, unless one was recorded.
  const clocks = stopClocks(
    request.clocks,
    ['FIRST_REPLY'],
    context.now,
    context.actor.subject,
    request.channel,
  );
  return transition(
    request,
    'ACKNOWLEDGED',
    'workorder.acknowledged.v1',
    context,
    { clocks },
    userNote(note),
    {},
  );
}

/**
 * Rule 5: a due time (never later than the SLA limit), qualified staff on duty, two people for
 * a hospital escort, and a family member's presence confirmed for short-term nursing.
 */
/** The latest a request may be due: its resolution clock (pauses included), else the default table. */
function resolutionLimit(request: HelpRequestRecord): Date {
  const finish = request.clocks.find((c) => c.kind === 'RESOLUTION' || c.kind === 'WRITTEN_REPLY');
  return finish?.dueAt ?? defaultDueTimes(request, request.createdAt, request.timeZone).resolutionDueAt;
}

/** An assignment's input on its own (limits such as five assignees), before anything is loaded. */
export const validAssignment = (input: unknown) => parseInput(assignInput, input);

export function assign(
  request: HelpRequestRecord,
  input: unknown,
  assignees: StaffRecord[],
  context: CommandContext,
): Decision<HelpRequestRecord> {
  const valid = parseInput(assignInput, input);
  requireStaffOf(context.actor, request.propertyId, DISPATCH_ROLES, 'assign requests');
  const slaDue = resolutionLimit(request);
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
  // Validated non-empty; the first assignee leads, repeats are dropped.
  const [lead, ...others] = valid.assigneeIds;
  const assigneeIds: [string, ...string[]] = [lead, ...new Set(others.filter((id) => id !== lead))];
  if (request.category === 'HOSPITAL_ESCORT' && assigneeIds.length < 2) {
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
    'workorder.assigned.v1',
    context,
    { assigneeIds, dueAt, familyMemberPresent },
    valid.note,
    { assigneeIds },
  );
}

/** Starts (or, after waiting for parts, resumes) the work; the note goes on the timeline. */
export function startWork(request: HelpRequestRecord, note: string | null, context: CommandContext) {
  requireAssigneeOrSupervisor(context.actor, request, 'work on this request');
  // Back from waiting for parts the clocks count again; starting the work means someone is on site.
  const resumed =
    request.state === 'WAITING_PARTS' ? resumeClocks(request.clocks, context.now) : request.clocks;
  const changes = arrive({ ...request, clocks: resumed }, context);
  return transition(request, 'IN_PROGRESS', 'workorder.started.v1', context, changes, userNote(note), {});
}

/** Rule 6: waiting for parts requires telling the affected residents (recorded and published). */
export function waitForParts(request: HelpRequestRecord, input: unknown, context: CommandContext) {
  requireAssigneeOrSupervisor(context.actor, request, 'put this request on hold');
  const notice = { ...parseInput(partsNoticeInput, input), at: context.now };
  return transition(
    request,
    'WAITING_PARTS',
    'workorder.waiting_parts.v1',
    context,
    { partsNotices: [...request.partsNotices, notice], clocks: pauseClocks(request.clocks, context.now) },
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
    'workorder.resolved.v1',
    context,
    {
      outcome: trimmed,
      resolvedAt: context.now,
      // The fix delivered is the answer, the visit and the feedback; a written reply must still be written.
      clocks: stopClocks(
        request.clocks,
        ['FIRST_REPLY', 'ON_SITE', 'FEEDBACK', 'RESOLUTION'],
        context.now,
        context.actor.subject,
      ),
      pendingClocks: [],
    },
    trimmed,
    // Who asked and who did the work: what a satisfaction survey needs (surveys subgraph).
    { requesterId: request.requesterId, assigneeIds: request.assigneeIds },
  );
}

/** The resident rejects the fix: the request reopens. */
export function rejectFix(request: HelpRequestRecord, reason: string, context: CommandContext) {
  requireRequesterOrOffice(context.actor, request, 'record the resident’s answer');
  return transition(request, 'REOPENED', 'workorder.reopened.v1', context, { confirmation: null }, reason, {
    reason,
  });
}

export function confirm(request: HelpRequestRecord, note: string | null, context: CommandContext) {
  requireRequesterOrOffice(context.actor, request, 'record the resident’s answer');
  return transition(
    request,
    'CONFIRMED',
    'workorder.confirmed.v1',
    context,
    {
      confirmation: { kind: 'CONFIRMED', at: context.now },
    },
    userNote(note),
    { confirmation: 'CONFIRMED' },
  );
}

/** Rule 7: no answer from the resident counts as confirmation only after the configured wait. */
export function recordNoResponse(
  request: HelpRequestRecord,
  waitHours: number,
  note: string | null,
  context: CommandContext,
) {
  requireStaffOf(context.actor, request.propertyId, DISPATCH_ROLES, 'record a non-response');
  const said = userNote(note);
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
    'workorder.confirmed.v1',
    context,
    {
      confirmation: { kind: 'NO_RESPONSE', at: context.now },
    },
    said ? `no response from the resident: ${said}` : 'no response from the resident',
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
  requireStaffOf(context.actor, request.propertyId, DISPATCH_ROLES, 'record follow-up visits');
  const followUp = { result, note: userNote(note), at: context.now, byId: context.actor.subject };
  const followed = transition(
    request,
    'FOLLOWED_UP',
    'workorder.followed_up.v1',
    context,
    { followUp },
    followUp.note,
    { result },
  );
  if (result === 'SATISFIED') return followed;
  const reopened = transition(
    followed.record,
    'REOPENED',
    'workorder.reopened.v1',
    context,
    { confirmation: null },
    'unsatisfied at follow-up',
    {
      reason: 'unsatisfied at follow-up',
    },
  );
  return { record: reopened.record, events: [...followed.events, ...reopened.events] };
}

/**
 * Rule 7: closing needs the outcome, the resident's confirmation (or non-response) and the
 * follow-up. Whoever answers for the request (its owner, after a handover its holder) closes it;
 * anyone else needs an office role.
 */
export function close(request: HelpRequestRecord, note: string | null, context: CommandContext) {
  requireNotInspector(context.actor);
  if (!holds(context.actor, request))
    requireStaffOf(
      context.actor,
      request.propertyId,
      [...DISPATCH_ROLES, ...SUPERVISOR_ROLES],
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
  return transition(
    request,
    'CLOSED',
    'workorder.closed.v1',
    context,
    { closedAt: context.now },
    userNote(note),
    {
      outcome: request.outcome,
      confirmation: request.confirmation?.kind ?? null,
      followUpResult: request.followUp?.result ?? null,
    },
  );
}

/**
 * Rule 3: the only way out of the company's remit, with where it went and when the resident was
 * told. Whoever answers for the request (its owner, after a handover its holder) or a supervisor.
 */
export function refer(request: HelpRequestRecord, input: unknown, context: CommandContext) {
  const valid = parseInput(referInput, input);
  requireNotInspector(context.actor);
  if (!holds(context.actor, request))
    requireStaffOf(context.actor, request.propertyId, SUPERVISOR_ROLES, 'refer requests');
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
  // Out of the company's remit: telling the resident where it went is the last answer it owes.
  const clocks = stopClocks(
    request.clocks,
    ['FIRST_REPLY', 'ON_SITE', 'FEEDBACK', 'RESOLUTION', 'WRITTEN_REPLY'],
    context.now,
    context.actor.subject,
  );
  const changes = { referral, clocks, pendingClocks: [] };
  return transition(request, 'REFERRED', 'workorder.referred.v1', context, changes, valid.note, {
    department: referral.department,
    residentToldAt: referral.residentToldAt.toISOString(),
  });
}

export const ESCALATION_CHAIN = ESCALATION_ROLES;

/** One level up the chain: front desk → supervisor → director → general manager. */
export function escalate(request: HelpRequestRecord, reason: string, context: CommandContext) {
  requireNotInspector(context.actor);
  requireStaffOf(context.actor, request.propertyId, [...DISPATCH_ROLES, 'TECHNICIAN'], 'escalate requests');
  const level = request.escalationLevel + 1;
  const escalatedTo = ESCALATION_CHAIN[level];
  if (!escalatedTo) {
    throw new DomainError('CONFLICT', 'ALREADY_AT_TOP', 'The request is already with the general manager');
  }
  return transition(
    request,
    'ESCALATED',
    'workorder.escalated.v1',
    context,
    {
      escalationLevel: level,
      // Routed to the role's queue ("escalated to me"); a breach found by the scheduler also names the person on duty.
      escalation: {
        level,
        role: escalatedTo,
        title: escalatedTo,
        staffId: null,
        at: context.now,
        clock: null,
        deadlineAt: null,
      },
    },
    reason,
    {
      escalatedTo,
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
    events: [helpRequestEvent('workorder.inspected.v1', record, null, context, { passed })],
  };
}
