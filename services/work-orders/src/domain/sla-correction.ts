import type { WorkingCalendar } from './calendar.js';
import type { ClockRecord, PendingClock } from './clocks.js';
import type { HelpRequestRecord, PropertyRecord } from './records.js';
import { dueTimesOf } from './sla.js';
import { calendarOf } from './sla-policies.js';
import { DEFAULT_SLA_RULES, dueAfter, rulesFor, type SlaRule, type SlaSubject } from './sla-policy.js';

/**
 * The SLA clocks after a correction of what intake recorded (issue 19): the request is measured
 * as if it had been recorded right, under the policy version it kept from intake and from the
 * moment it was received (or, for the clocks that start at the visit, from the arrival).
 *
 * - A clock already stopped keeps its stop: what was met stays met, what was late stays late.
 * - A running clock gets the corrected row's limit from its original start; time already paused
 *   (waiting for parts) still moves it on, and a breach the scheduler already found stays found
 *   (it was announced; a correction does not unsay it).
 * - A running clock the corrected request no longer has is dropped; a clock it newly has starts
 *   from the received time (paused if it is waiting for parts now).
 */
export function correctedClocks(
  request: HelpRequestRecord,
  subject: SlaSubject,
  rules: readonly SlaRule[],
  calendar: WorkingCalendar,
  now: Date,
): Pick<
  HelpRequestRecord,
  'clocks' | 'pendingClocks' | 'firstReplyDueAt' | 'onSiteDueAt' | 'dueAt' | 'slaRule'
> {
  const arrivedAt = arrivalOf(request);
  const clocks: ClockRecord[] = [];
  const pendingClocks: PendingClock[] = [];
  for (const rule of rulesFor(rules, subject)) {
    const existing = request.clocks.find((clock) => clock.kind === rule.clock);
    if (existing?.stoppedAt) {
      clocks.push(existing);
      continue;
    }
    const start = rule.startsAt === 'INTAKE' ? request.createdAt : arrivedAt;
    if (!start) {
      pendingClocks.push({
        kind: rule.clock,
        limit: rule.limit,
        rule: rule.description,
        startsAt: 'ARRIVAL',
      });
      continue;
    }
    // The running clock of this kind counted from the same start: its pauses and breach carry over.
    const same = existing && existing.startedAt.getTime() === start.getTime() ? existing : null;
    const pausedMs = same?.pausedMs ?? 0;
    clocks.push({
      kind: rule.clock,
      limit: rule.limit,
      rule: rule.description,
      startedAt: start,
      dueAt: new Date(dueAfter(start, rule.limit, calendar).getTime() + pausedMs),
      pausedAt: same ? same.pausedAt : request.state === 'WAITING_PARTS' ? now : null,
      pausedMs,
      stoppedAt: null,
      stoppedById: null,
      channel: null,
      breachedAt: same?.breachedAt ?? null,
    });
  }
  // Stopped clocks of a kind the corrected request no longer runs stay as they were recorded.
  for (const clock of request.clocks)
    if (clock.stoppedAt && !clocks.some((c) => c.kind === clock.kind)) clocks.push(clock);

  const before = dueTimesOf(request.clocks, request.createdAt);
  const after = dueTimesOf(clocks, request.createdAt);
  // An assignment may have set an earlier due time than the limit; it stays, within the new limit.
  const assignedEarlier =
    request.assigneeIds.length > 0 && request.dueAt.getTime() < before.resolutionDueAt.getTime();
  const dueAt =
    assignedEarlier && request.dueAt.getTime() < after.resolutionDueAt.getTime()
      ? request.dueAt
      : after.resolutionDueAt;
  return {
    clocks,
    pendingClocks,
    firstReplyDueAt: after.firstReplyDueAt,
    onSiteDueAt: after.onSiteDueAt,
    dueAt,
    slaRule: after.rule,
  };
}

/** When someone arrived on site: a clock started after intake started then, else the on-site stop. */
function arrivalOf(request: HelpRequestRecord): Date | null {
  const startedLater = request.clocks.find((c) => c.startedAt.getTime() > request.createdAt.getTime());
  if (startedLater) return startedLater.startedAt;
  return request.clocks.find((c) => c.kind === 'ON_SITE')?.stoppedAt ?? null;
}

/** The rules of the version the request kept from intake, and the property's calendar. */
export function termsKeptBy(
  request: Pick<HelpRequestRecord, 'policyVersion'>,
  property: PropertyRecord,
): { rules: readonly SlaRule[]; calendar: WorkingCalendar } {
  const kept = (property.slaPolicies ?? []).find((policy) => policy.version === request.policyVersion);
  return { rules: kept?.rules ?? DEFAULT_SLA_RULES, calendar: calendarOf(property) };
}
