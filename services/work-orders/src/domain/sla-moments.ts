import {
  type CommandContext,
  type Decision,
  DomainError,
  optionalText,
  parseInput,
  requireStaffOf,
} from '@courtyard/kernel/domain';
import { z } from 'zod';
import { DISPATCH_ROLES, requireAssigneeOrSupervisor, requireNotInspector } from './access.js';
import { weekendCalendar } from './calendar.js';
import { CHANNELS } from './catalogue.js';
import { startOnArrival, stopClocks, type ClockRecord } from './clocks.js';
import { arriveWithoutClock, withArrival } from './field-work.js';
import { helpRequestEvent } from './help-request.events.js';
import type { HelpRequestRecord } from './records.js';
import type { ClockKind } from './sla-policy.js';
import { scheduled } from './sla-terms.js';

/**
 * The moments that stop an SLA clock without changing the request's state (spec §2's table):
 * the first reply, the arrival on site, the feedback to the household, the written reply. Each
 * is recorded by the person who did it, goes on the timeline and publishes
 * `workorder.clock_stopped.v1`.
 */

const note = optionalText(2000, { multiline: true });
const replyInput = z.object({ channel: z.enum(CHANNELS), note });
const writtenReplyInput = z.object({ touchesCompanyPolicy: z.boolean(), note });

/** Who signs a written answer that touches company policy (seed 002 §四.3: the director). */
const POLICY_SIGNERS = ['OFFICE_DIRECTOR', 'GENERAL_MANAGER'] as const;

/** Someone is on site: the on-site clock stops and the clocks that wait for the visit start. */
export function arrive(
  request: HelpRequestRecord,
  context: CommandContext,
): Pick<HelpRequestRecord, 'clocks' | 'pendingClocks'> {
  const onSite = request.clocks.find((c) => c.kind === 'ON_SITE');
  if (onSite?.stoppedAt || (!onSite && request.pendingClocks.length === 0)) {
    return { clocks: request.clocks, pendingClocks: request.pendingClocks };
  }
  const stopped = stopClocks(request.clocks, ['ON_SITE'], context.now, context.actor.subject);
  // The calendar only matters for day limits; the visit-relative limits of the table are hours.
  const started = startOnArrival(request.pendingClocks, context.now, weekendCalendar(request.timeZone));
  return { clocks: [...stopped, ...started], pendingClocks: [] };
}

function stopMoment(
  request: HelpRequestRecord,
  kind: ClockKind,
  changes: Pick<HelpRequestRecord, 'clocks' | 'pendingClocks'>,
  what: string,
  text: string | null,
  context: CommandContext,
): Decision<HelpRequestRecord> {
  const before = request.clocks.find((c) => c.kind === kind);
  const after = changes.clocks.find((c) => c.kind === kind);
  if (!before || !after?.stoppedAt) {
    throw new DomainError('CONFLICT', 'NO_CLOCK_RUNNING', `This request has no ${what} clock running`, {
      clock: kind,
      stopped: before?.stoppedAt?.toISOString() ?? null,
    });
  }
  if (before.stoppedAt) {
    throw new DomainError('CONFLICT', 'CLOCK_ALREADY_STOPPED', `The ${what} was already recorded`, {
      clock: kind,
      stoppedAt: before.stoppedAt.toISOString(),
    });
  }
  const record = scheduled({
    ...request,
    ...changes,
    timeline: [
      ...request.timeline,
      {
        at: context.now,
        actorId: context.actor.subject,
        actorRole: context.actor.role,
        from: request.state,
        to: request.state,
        note: text ? `${what}: ${text}` : what,
      },
    ],
  });
  return { record, events: [clockStoppedEvent(record, after, context)] };
}

const clockStoppedEvent = (record: HelpRequestRecord, clock: ClockRecord, context: CommandContext) =>
  helpRequestEvent('workorder.clock_stopped.v1', record, null, context, {
    clock: clock.kind,
    startedAt: clock.startedAt.toISOString(),
    clockDueAt: clock.dueAt.toISOString(),
    stoppedAt: context.now.toISOString(),
    met: context.now.getTime() <= clock.dueAt.getTime() && !clock.breachedAt,
    replyChannel: clock.channel,
  });

const assertOpen = (request: HelpRequestRecord) => {
  if (request.state === 'CLOSED' || request.state === 'REFERRED') {
    throw new DomainError('CONFLICT', 'REQUEST_FINISHED', `A ${request.state} request records nothing more`);
  }
};

/** The first reply to the resident, by whom and on which channel (any staff of the property). */
export function recordFirstReply(request: HelpRequestRecord, input: unknown, context: CommandContext) {
  const valid = parseInput(replyInput, input);
  requireNotInspector(context.actor);
  requireStaffOf(context.actor, request.propertyId, [...DISPATCH_ROLES, 'TECHNICIAN'], 'reply to requests');
  assertOpen(request);
  const clocks = stopClocks(
    request.clocks,
    ['FIRST_REPLY'],
    context.now,
    context.actor.subject,
    valid.channel,
  );
  const changes = { clocks, pendingClocks: request.pendingClocks };
  return stopMoment(request, 'FIRST_REPLY', changes, `first reply by ${valid.channel}`, valid.note, context);
}

/** Someone arrived on site (an assignee, or a supervisor for them). */
export function recordArrival(request: HelpRequestRecord, text: string | null, context: CommandContext) {
  requireAssigneeOrSupervisor(context.actor, request, 'record the arrival on site');
  assertOpen(request);
  const valid = parseInput(z.object({ note }), { note: text }).note;
  // Issue 19: a request with no on-site limit (an ordinary repair) still records the visit.
  const hasOnSite = request.clocks.some((c) => c.kind === 'ON_SITE') || request.pendingClocks.length > 0;
  if (!hasOnSite) return arriveWithoutClock(request, valid, context);
  const decision = stopMoment(
    request,
    'ON_SITE',
    arrive(request, context),
    'arrived on site',
    valid,
    context,
  );
  return { ...decision, record: { ...decision.record, fieldWork: withArrival(request, context) } };
}

/** The household was told how things stand (the repair's or complaint's feedback). */
export function recordFeedback(request: HelpRequestRecord, input: unknown, context: CommandContext) {
  const valid = parseInput(replyInput, input);
  requireNotInspector(context.actor);
  requireStaffOf(context.actor, request.propertyId, [...DISPATCH_ROLES, 'TECHNICIAN'], 'give feedback');
  assertOpen(request);
  const clocks = stopClocks(request.clocks, ['FEEDBACK'], context.now, context.actor.subject, valid.channel);
  const changes = { clocks, pendingClocks: request.pendingClocks };
  return stopMoment(
    request,
    'FEEDBACK',
    changes,
    `feedback to the household by ${valid.channel}`,
    valid.note,
    context,
  );
}

/** A written consultation's written reply; signed by the director when it touches company policy. */
export function recordWrittenReply(request: HelpRequestRecord, input: unknown, context: CommandContext) {
  const valid = parseInput(writtenReplyInput, input);
  requireNotInspector(context.actor);
  requireStaffOf(context.actor, request.propertyId, DISPATCH_ROLES, 'send written replies');
  assertOpen(request);
  if (valid.touchesCompanyPolicy && !(POLICY_SIGNERS as readonly string[]).includes(context.actor.role)) {
    throw new DomainError(
      'FORBIDDEN',
      'DIRECTOR_SIGNATURE_REQUIRED',
      'A written reply that touches company policy is signed by the management-office director',
      { allowed: POLICY_SIGNERS },
    );
  }
  const clocks = stopClocks(request.clocks, ['WRITTEN_REPLY'], context.now, context.actor.subject, 'LETTER');
  const changes = { clocks, pendingClocks: request.pendingClocks };
  const what = valid.touchesCompanyPolicy ? 'written reply, signed by the director' : 'written reply';
  return stopMoment(request, 'WRITTEN_REPLY', changes, what, valid.note, context);
}
