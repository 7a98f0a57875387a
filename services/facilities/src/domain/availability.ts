import type { AvailabilityTargets, FacilityStatus, FacilityType } from './catalogue.js';
import type { StatusChangeRecord } from './records.js';

/** A span the facility was unavailable (DOWN), clipped to the period asked about. */
export interface DowntimeSpan {
  facilityId: string;
  from: Date;
  /** Null while still down at `now`. */
  to: Date | null;
  reason: string;
  faultId: string | null;
}

export interface Availability {
  from: Date;
  to: Date;
  /** Time in the period the facility existed and was not retired, up to `now`. */
  measuredMs: number;
  downtimeMs: number;
  /** (measured − downtime) / measured; null when nothing was measured. */
  availability: number | null;
  intervals: DowntimeSpan[];
}

/** Unavailable means DOWN; DEGRADED and UNDER_MAINTENANCE still serve (they are in the history). */
const UNAVAILABLE: readonly FacilityStatus[] = ['DOWN'];
/** A retired facility is out of the measure. */
const UNMEASURED: readonly FacilityStatus[] = ['RETIRED'];

/**
 * Availability over [from, to) from the status history: each entry holds until the next one
 * (the last until `now`, injected), so downtime is the exact sum of DOWN spans, not a sample.
 * Time before registration, after `now` and while retired is not measured.
 */
export function availabilityOf(
  facility: { _id: string; statusHistory: readonly StatusChangeRecord[] },
  from: Date,
  to: Date,
  now: Date,
): Availability {
  const end = Math.min(to.getTime(), now.getTime());
  const start = from.getTime();
  let measuredMs = 0;
  let downtimeMs = 0;
  const intervals: DowntimeSpan[] = [];
  const history = facility.statusHistory;
  history.forEach((change, index) => {
    const next = history[index + 1];
    const spanStart = Math.max(change.at.getTime(), start);
    const spanEnd = Math.min(next ? next.at.getTime() : now.getTime(), end);
    if (spanEnd <= spanStart || UNMEASURED.includes(change.status)) return;
    measuredMs += spanEnd - spanStart;
    if (!UNAVAILABLE.includes(change.status)) return;
    downtimeMs += spanEnd - spanStart;
    const stillOpen = !next && spanEnd === now.getTime();
    intervals.push({
      facilityId: facility._id,
      from: new Date(spanStart),
      to: stillOpen ? null : new Date(spanEnd),
      reason: change.reason,
      faultId: change.faultId,
    });
  });
  return {
    from,
    to,
    measuredMs,
    downtimeMs,
    availability: measuredMs > 0 ? (measuredMs - downtimeMs) / measuredMs : null,
    intervals,
  };
}

/** Several facilities (a property's elevators) as one: time-weighted, every interval listed. */
export function combinedAvailability(parts: readonly Availability[], from: Date, to: Date): Availability {
  const measuredMs = parts.reduce((sum, part) => sum + part.measuredMs, 0);
  const downtimeMs = parts.reduce((sum, part) => sum + part.downtimeMs, 0);
  return {
    from,
    to,
    measuredMs,
    downtimeMs,
    availability: measuredMs > 0 ? (measuredMs - downtimeMs) / measuredMs : null,
    intervals: parts.flatMap((part) => part.intervals).sort((a, b) => a.from.getTime() - b.from.getTime()),
  };
}

/** The target for a type (null when none is set) and whether the measure meets it. */
export function againstTarget(
  availability: number | null,
  type: FacilityType,
  targets: AvailabilityTargets,
): { target: number | null; meetsTarget: boolean | null } {
  const target = targets[type] ?? null;
  if (target === null || availability === null) return { target, meetsTarget: null };
  return { target, meetsTarget: availability >= target };
}

export interface AvailabilityReport extends Availability {
  type: FacilityType;
  facilityCount: number;
  target: number | null;
  meetsTarget: boolean | null;
}

/** The answer to `facilityAvailability`: one facility, or every facility of one type at a property. */
export function availabilityReport(
  facilities: ReadonlyArray<{ _id: string; statusHistory: readonly StatusChangeRecord[] }>,
  type: FacilityType,
  from: Date,
  to: Date,
  now: Date,
  targets: AvailabilityTargets,
): AvailabilityReport {
  const combined = combinedAvailability(
    facilities.map((facility) => availabilityOf(facility, from, to, now)),
    from,
    to,
  );
  return {
    ...combined,
    type,
    facilityCount: facilities.length,
    ...againstTarget(combined.availability, type, targets),
  };
}
