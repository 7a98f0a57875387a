import { clockStatus, timeUsedMs } from './clocks.js';
import type { HelpRequestRecord } from './records.js';
import { CLOCK_KINDS, type ClockKind } from './sla-policy.js';

/**
 * SLA compliance of a set of requests (one property, type, category, team and period, as the
 * read chose them): met and breached per clock, median and 90th percentile of the time to
 * first reply, on site and to resolution, and every breach, closed requests included.
 */
export interface SlaReportData {
  requests: number;
  clocks: Array<{ kind: ClockKind; met: number; breached: number; open: number }>;
  firstReply: Percentiles;
  onSite: Percentiles;
  resolution: Percentiles;
  breaches: Array<{
    helpRequestId: string;
    number: string;
    state: HelpRequestRecord['state'];
    clock: ClockKind;
    dueAt: Date;
    stoppedAt: Date | null;
    secondsLate: number;
  }>;
}
export interface Percentiles {
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

/** Nearest-rank percentile of sorted values (what a report reader expects: a value that occurred). */
const nearestRank = (sorted: number[], p: number) =>
  sorted.length === 0 ? null : sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;

function percentiles(requests: readonly HelpRequestRecord[], kind: ClockKind, now: Date): Percentiles {
  const seconds = requests
    .flatMap((r) => r.clocks.filter((c) => c.kind === kind && c.stoppedAt))
    .map((c) => Math.round(timeUsedMs(c, now) / 1000))
    .sort((a, b) => a - b);
  return {
    count: seconds.length,
    medianSeconds: nearestRank(seconds, 0.5),
    p90Seconds: nearestRank(seconds, 0.9),
  };
}

export function slaReport(requests: readonly HelpRequestRecord[], now: Date): SlaReportData {
  const clocks = CLOCK_KINDS.map((kind) => {
    const statuses = requests
      .flatMap((r) => r.clocks.filter((c) => c.kind === kind))
      .map((c) => clockStatus(c, now));
    return {
      kind,
      met: statuses.filter((s) => s === 'MET').length,
      breached: statuses.filter((s) => s === 'BREACHED').length,
      open: statuses.filter((s) => s === 'RUNNING' || s === 'PAUSED').length,
    };
  });
  const breaches = requests.flatMap((r) =>
    r.clocks
      .filter((c) => clockStatus(c, now) === 'BREACHED')
      .map((c) => ({
        helpRequestId: r._id,
        number: r.number,
        state: r.state,
        clock: c.kind,
        dueAt: c.dueAt,
        stoppedAt: c.stoppedAt,
        // At least as late as when the scheduler found it past due.
        secondsLate: Math.max(
          0,
          Math.round(
            (Math.max((c.stoppedAt ?? now).getTime(), c.breachedAt?.getTime() ?? 0) - c.dueAt.getTime()) /
              1000,
          ),
        ),
      })),
  );
  return {
    requests: requests.length,
    clocks,
    firstReply: percentiles(requests, 'FIRST_REPLY', now),
    onSite: percentiles(requests, 'ON_SITE', now),
    resolution: percentiles(requests, 'RESOLUTION', now),
    breaches,
  };
}
