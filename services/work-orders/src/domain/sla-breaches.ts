import type { CommandContext, Decision } from '@courtyard/kernel/domain';
import { weekendCalendar } from './calendar.js';
import { dueUnmarked, type ClockRecord } from './clocks.js';
import { helpRequestEvent } from './help-request.events.js';
import type { BreachRecord, EscalationRecord, HelpRequestRecord } from './records.js';
import { dueAfter } from './sla-policy.js';
import { scheduled } from './sla-terms.js';
import { TRANSITIONS } from './transitions.js';

/** The escalation chain of spec §2, bottom up; level n is `ESCALATION_ROLES[n]`. */
export const ESCALATION_ROLES = [
  'FRONT_DESK',
  'SERVICE_SUPERVISOR',
  'OFFICE_DIRECTOR',
  'GENERAL_MANAGER',
] as const;
export type EscalationRole = (typeof ESCALATION_ROLES)[number];
export const TOP_LEVEL = ESCALATION_ROLES.length - 1;

/** What the level above needs to receive a request: its name here and who is on duty. */
export interface EscalationTarget {
  /** The level's name in this company's words (configuration). */
  title: string;
  staffId: string | null;
}

/** One key per request, clock and level: the same breach is escalated once, whoever finds it. */
export const breachKey = (requestId: string, clock: ClockRecord['kind'], level: number) =>
  `${requestId}:${clock}:${level}`;

/** The level a scan would escalate this request to (null at the top). */
export const nextLevel = (request: Pick<HelpRequestRecord, 'escalationLevel'>): number | null =>
  request.escalationLevel < TOP_LEVEL ? request.escalationLevel + 1 : null;

/**
 * What the scheduler decides for a request whose wake-up time has come (spec §2 rule 8): every
 * running clock past due is marked breached (`workorder.sla_breached.v1` each), and the request
 * goes one level up the chain (`workorder.escalated.v1`: the role, the person on duty there,
 * and a new deadline, the breached clock's limit again from now). If that level lets the
 * deadline pass while the clock still runs, the next scan escalates once more. Null when there
 * is nothing to do (another replica did it first, or the clock stopped meanwhile).
 */
export function escalateBreaches(
  request: HelpRequestRecord,
  target: EscalationTarget | null,
  context: CommandContext,
): Decision<HelpRequestRecord> | null {
  const now = context.now;
  const due = dueUnmarked(request.clocks, now);
  const deadline = request.escalation;
  const deadlineClock =
    deadline?.clock && deadline.deadlineAt && deadline.deadlineAt.getTime() <= now.getTime()
      ? request.clocks.find((c) => c.kind === deadline.clock && !c.stoppedAt && !c.pausedAt)
      : undefined;
  const cause = due[0] ?? deadlineClock;
  if (!cause) return null;

  const level = nextLevel(request);
  const breaches: BreachRecord[] = due.map((clock) => ({
    key: breachKey(request._id, clock.kind, request.escalationLevel),
    clock: clock.kind,
    dueAt: clock.dueAt,
    detectedAt: now,
    level: request.escalationLevel,
  }));
  const known = new Set(request.breaches.map((b) => b.key));
  const fresh = breaches.filter((b) => !known.has(b.key));
  const escalationKey = level === null ? null : breachKey(request._id, cause.kind, level);
  const escalating = escalationKey !== null && target !== null && !known.has(escalationKey) && level !== null;
  if (fresh.length === 0 && !escalating) return null;

  const clocks = request.clocks.map((clock) =>
    due.some((d) => d.kind === clock.kind) ? { ...clock, breachedAt: now } : clock,
  );
  const role: EscalationRole | null = (escalating ? ESCALATION_ROLES[level] : undefined) ?? null;
  const escalation: EscalationRecord | null =
    escalating && role
      ? {
          level,
          role,
          title: target.title,
          staffId: target.staffId,
          at: now,
          clock: cause.kind,
          // The level above gets the promise's own limit again; at the top there is no further step.
          deadlineAt:
            level < TOP_LEVEL ? dueAfter(now, cause.limit, weekendCalendar(request.timeZone)) : null,
        }
      : request.escalation;
  const toEscalated = escalating && TRANSITIONS[request.state].includes('ESCALATED');
  const state = toEscalated ? 'ESCALATED' : request.state;
  const reason = `${cause.kind} due ${cause.dueAt.toISOString()} not met`;
  const record = scheduled({
    ...request,
    state,
    clocks,
    escalation,
    escalationLevel: escalating ? level : request.escalationLevel,
    breaches: [
      ...request.breaches,
      ...fresh,
      // The escalation's own key, so a second scan of the same level finds it taken.
      ...(escalating
        ? [{ key: escalationKey, clock: cause.kind, dueAt: cause.dueAt, detectedAt: now, level }]
        : []),
    ],
    timeline: escalating
      ? [
          ...request.timeline,
          {
            at: now,
            actorId: context.actor.subject,
            actorRole: context.actor.role,
            from: request.state,
            to: state,
            note: `SLA breached (${reason}): escalated to ${target.title}`,
          },
        ]
      : request.timeline,
  });
  const events = fresh.map((breach) =>
    helpRequestEvent('workorder.sla_breached.v1', record, null, context, {
      clock: breach.clock,
      clockDueAt: breach.dueAt.toISOString(),
      detectedAt: now.toISOString(),
      secondsLate: Math.max(0, Math.round((now.getTime() - breach.dueAt.getTime()) / 1000)),
      level: breach.level,
    }),
  );
  if (escalating && escalation && role) {
    events.push(
      helpRequestEvent('workorder.escalated.v1', record, request.state, context, {
        escalatedTo: role,
        reason,
        title: escalation.title,
        responsibleStaffId: escalation.staffId,
        deadlineAt: escalation.deadlineAt?.toISOString() ?? null,
        clock: cause.kind,
      }),
    );
  }
  return { record, events };
}
