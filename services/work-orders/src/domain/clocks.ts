import type { WorkingCalendar } from './calendar.js';
import type { Channel } from './catalogue.js';
import {
  dueAfter,
  rulesFor,
  type ClockKind,
  type Limit,
  type SlaRule,
  type SlaSubject,
} from './sla-policy.js';

/**
 * One SLA clock of a help request, as stored. It runs from its start to its due time; a pause
 * (waiting for parts) moves the due time on by the time paused; the event that stops it records
 * who stopped it and when. Its status is derived (`clockStatus`), so a clock past due reads
 * `BREACHED` even before the scheduler has marked it.
 */
export interface ClockRecord {
  kind: ClockKind;
  limit: Limit;
  /** The policy row, as people read it. */
  rule: string;
  startedAt: Date;
  /** The due time, moved on by every finished pause. */
  dueAt: Date;
  pausedAt: Date | null;
  /** Time spent paused so far (milliseconds), finished pauses only. */
  pausedMs: number;
  stoppedAt: Date | null;
  stoppedById: string | null;
  /** How the first reply or feedback reached the resident. */
  channel: Channel | null;
  /** When the scheduler found it past due (null while it was not, or not yet seen). */
  breachedAt: Date | null;
}

export type ClockStatus = 'RUNNING' | 'PAUSED' | 'MET' | 'BREACHED';

/** A rule that starts later (a complaint's feedback, at the visit) waits here until then. */
export interface PendingClock {
  kind: ClockKind;
  limit: Limit;
  rule: string;
  startsAt: 'ARRIVAL';
}

const clockOf = (
  rule: Pick<SlaRule, 'clock' | 'limit' | 'description'>,
  start: Date,
  calendar: WorkingCalendar,
): ClockRecord => ({
  kind: rule.clock,
  limit: rule.limit,
  rule: rule.description,
  startedAt: start,
  dueAt: dueAfter(start, rule.limit, calendar),
  pausedAt: null,
  pausedMs: 0,
  stoppedAt: null,
  stoppedById: null,
  channel: null,
  breachedAt: null,
});

/** The clocks a request starts with at intake, and those that wait for the arrival on site. */
export function startClocks(
  rules: readonly SlaRule[],
  subject: SlaSubject,
  receivedAt: Date,
  calendar: WorkingCalendar,
): { clocks: ClockRecord[]; pending: PendingClock[] } {
  const applying = rulesFor(rules, subject);
  return {
    clocks: applying.filter((r) => r.startsAt === 'INTAKE').map((r) => clockOf(r, receivedAt, calendar)),
    pending: applying
      .filter((r) => r.startsAt === 'ARRIVAL')
      .map((r) => ({ kind: r.clock, limit: r.limit, rule: r.description, startsAt: 'ARRIVAL' as const })),
  };
}

/** Starts the clocks that wait for the arrival on site. */
export function startOnArrival(
  pending: readonly PendingClock[],
  at: Date,
  calendar: WorkingCalendar,
): ClockRecord[] {
  return pending.map((p) => clockOf({ clock: p.kind, limit: p.limit, description: p.rule }, at, calendar));
}

export const isStopped = (clock: ClockRecord) => clock.stoppedAt !== null;

/** Time the clock has counted: from its start to its stop (or now), less the time paused. */
export function timeUsedMs(clock: ClockRecord, now: Date): number {
  const end = clock.stoppedAt ?? clock.pausedAt ?? now;
  return Math.max(0, end.getTime() - clock.startedAt.getTime() - clock.pausedMs);
}

export function pausedMsAt(clock: ClockRecord, now: Date): number {
  return clock.pausedMs + (clock.pausedAt && !clock.stoppedAt ? now.getTime() - clock.pausedAt.getTime() : 0);
}

export function clockStatus(clock: ClockRecord, now: Date): ClockStatus {
  if (clock.stoppedAt)
    return clock.breachedAt || clock.stoppedAt.getTime() > clock.dueAt.getTime() ? 'BREACHED' : 'MET';
  if (clock.pausedAt) return clock.breachedAt ? 'BREACHED' : 'PAUSED';
  return clock.breachedAt || clock.dueAt.getTime() < now.getTime() ? 'BREACHED' : 'RUNNING';
}

/** Stops the running clocks of these kinds (a stopped clock keeps its first stop). */
export function stopClocks(
  clocks: readonly ClockRecord[],
  kinds: readonly ClockKind[],
  at: Date,
  byId: string,
  channel: Channel | null = null,
): ClockRecord[] {
  return clocks.map((clock) => {
    if (!kinds.includes(clock.kind) || isStopped(clock)) return clock;
    const resumed = clock.pausedAt ? resumeClock(clock, at) : clock;
    return { ...resumed, stoppedAt: at, stoppedById: byId, channel };
  });
}

/** Every clock still running stops counting (waiting for parts). */
export const pauseClocks = (clocks: readonly ClockRecord[], at: Date): ClockRecord[] =>
  clocks.map((clock) => (isStopped(clock) || clock.pausedAt ? clock : { ...clock, pausedAt: at }));

function resumeClock(clock: ClockRecord, at: Date): ClockRecord {
  if (!clock.pausedAt) return clock;
  const paused = Math.max(0, at.getTime() - clock.pausedAt.getTime());
  return {
    ...clock,
    pausedAt: null,
    pausedMs: clock.pausedMs + paused,
    // A breach already found stays found; the time paused is not counted against the rest.
    dueAt: new Date(clock.dueAt.getTime() + paused),
  };
}

/** Paused clocks count again, their due times moved on by the pause. */
export const resumeClocks = (clocks: readonly ClockRecord[], at: Date): ClockRecord[] =>
  clocks.map((clock) => (isStopped(clock) ? clock : resumeClock(clock, at)));

/** Running clocks past due that the scheduler has not marked yet. */
export const dueUnmarked = (clocks: readonly ClockRecord[], now: Date): ClockRecord[] =>
  clocks.filter((c) => !isStopped(c) && !c.pausedAt && !c.breachedAt && c.dueAt.getTime() <= now.getTime());

/** The soonest due time of a running, unmarked clock: when the scheduler must look next. */
export function nextClockDue(clocks: readonly ClockRecord[]): Date | null {
  const times = clocks
    .filter((c) => !isStopped(c) && !c.pausedAt && !c.breachedAt)
    .map((c) => c.dueAt.getTime());
  return times.length > 0 ? new Date(Math.min(...times)) : null;
}
