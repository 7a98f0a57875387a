import { weekendCalendar, type WorkingCalendar } from './calendar.js';
import { startClocks, type ClockRecord } from './clocks.js';
import { DEFAULT_SLA_RULES, type SlaRule, type SlaSubject } from './sla-policy.js';

export type { SlaSubject } from './sla-policy.js';

/**
 * The due times a request shows at its top level, read off its clocks (the policy in
 * `sla-policy.ts` is the one place limits come from).
 */
export interface DueTimes {
  /** Every request gets a first reply at once; 5 minutes if the desk must consult a supervisor. */
  firstReplyDueAt: Date;
  /** Someone on site (urgent repairs, complaints, incidents), if the policy sets a limit. */
  onSiteDueAt: Date | null;
  /** Handled / resolved / written reply, whichever the policy sets for this kind of request. */
  resolutionDueAt: Date;
  /** Which row of the policy set the resolution limit, for people reading the request. */
  rule: string;
}

const dueOf = (clocks: readonly ClockRecord[], kind: ClockRecord['kind']) =>
  clocks.find((clock) => clock.kind === kind) ?? null;

/** The top-level due times of a request with these clocks. */
export function dueTimesOf(clocks: readonly ClockRecord[], receivedAt: Date): DueTimes {
  const finish = dueOf(clocks, 'RESOLUTION') ?? dueOf(clocks, 'WRITTEN_REPLY');
  return {
    firstReplyDueAt: dueOf(clocks, 'FIRST_REPLY')?.dueAt ?? receivedAt,
    onSiteDueAt: dueOf(clocks, 'ON_SITE')?.dueAt ?? null,
    resolutionDueAt: finish?.dueAt ?? receivedAt,
    rule: finish?.rule ?? 'no limit',
  };
}

/** Due times under a policy's rules and a calendar. */
export function dueTimes(
  rules: readonly SlaRule[],
  subject: SlaSubject,
  receivedAt: Date,
  calendar: WorkingCalendar,
): DueTimes {
  return dueTimesOf(startClocks(rules, subject, receivedAt, calendar).clocks, receivedAt);
}

/** Spec §2's default table on a Saturday-and-Sunday calendar in `timeZone`. */
export const defaultDueTimes = (subject: SlaSubject, receivedAt: Date, timeZone: string): DueTimes =>
  dueTimes(DEFAULT_SLA_RULES, subject, receivedAt, weekendCalendar(timeZone));
