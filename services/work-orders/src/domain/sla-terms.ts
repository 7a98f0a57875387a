import { weekendCalendar, type WorkingCalendar } from './calendar.js';
import { nextClockDue } from './clocks.js';
import type { HelpRequestRecord } from './records.js';
import { DEFAULT_SLA_RULES, type SlaRule } from './sla-policy.js';

/** What a request is measured against: the rules of one policy version and the property's calendar. */
export interface SlaTerms {
  /** The policy version in force at intake (`1.0` the seeded default); the request keeps it. */
  policyVersion: string;
  rules: readonly SlaRule[];
  calendar: WorkingCalendar;
}

/** Spec §2's table on a Saturday-and-Sunday calendar: for a property with no policy of its own yet. */
export const defaultTerms = (timeZone: string): SlaTerms => ({
  policyVersion: '1.0',
  rules: DEFAULT_SLA_RULES,
  calendar: weekendCalendar(timeZone),
});

/**
 * When the scheduler must look at the request next: the soonest unmarked clock, or the deadline
 * of the level it was escalated to while the breached clock still runs. Stored and indexed, so
 * a scan reads only what is due and a restart forgets nothing.
 */
export function wakeAt(request: Pick<HelpRequestRecord, 'clocks' | 'escalation'>): Date | null {
  const times = [nextClockDue(request.clocks)?.getTime()];
  const { escalation } = request;
  const breached = escalation?.clock && request.clocks.find((c) => c.kind === escalation.clock);
  if (escalation?.deadlineAt && breached && !breached.stoppedAt && !breached.pausedAt)
    times.push(escalation.deadlineAt.getTime());
  const due = times.filter((t): t is number => t !== undefined);
  return due.length > 0 ? new Date(Math.min(...due)) : null;
}

/** The request with its next wake-up time recomputed (after any change to clocks or escalation). */
export const scheduled = <T extends HelpRequestRecord>(request: T): T => ({
  ...request,
  slaWakeAt: wakeAt(request),
});
