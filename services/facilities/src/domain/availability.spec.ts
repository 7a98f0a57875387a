import { describe, expect, it } from '@jest/globals';
import type { FacilityStatus } from './catalogue.js';
import { againstTarget, availabilityOf, combinedAvailability } from './availability.js';
import { DEFAULT_AVAILABILITY_TARGETS } from './catalogue.js';

const t = (hhmm: string, day = '2026-11-23') =>
  new Date(hhmm.includes('T') ? `${hhmm}:00Z` : `${day}T${hhmm}:00Z`);
const history = (...entries: Array<[string, FacilityStatus]>) =>
  entries.map(([at, status], index) => ({
    at: t(at),
    status,
    previousStatus: null,
    reason: `r${index}`,
    actorId: 'a',
    faultId: status === 'DOWN' ? `f${index}` : null,
  }));
const HOUR = 3_600_000;
const dayFrom = t('00:00');
const dayTo = t('00:00', '2026-11-24');

describe('availabilityOf: downtime from the status history, not sampled', () => {
  it.each([
    {
      name: 'operating all day',
      entries: history(['00:00', 'OPERATING']),
      now: dayTo,
      measured: 24 * HOUR,
      down: 0,
      intervals: [],
    },
    {
      name: 'down 02:00–03:30',
      entries: history(['00:00', 'OPERATING'], ['02:00', 'DOWN'], ['03:30', 'OPERATING']),
      now: dayTo,
      measured: 24 * HOUR,
      down: 1.5 * HOUR,
      intervals: [{ from: t('02:00'), to: t('03:30'), faultId: 'f1' }],
    },
    {
      name: 'registered at 12:00: the morning is not measured',
      entries: history(['12:00', 'OPERATING'], ['18:00', 'DOWN'], ['19:00', 'OPERATING']),
      now: dayTo,
      measured: 12 * HOUR,
      down: HOUR,
      intervals: [{ from: t('18:00'), to: t('19:00') }],
    },
    {
      name: 'still down at now (06:00): open interval, measured up to now',
      entries: history(['00:00', 'OPERATING'], ['04:00', 'DOWN']),
      now: t('06:00'),
      measured: 6 * HOUR,
      down: 2 * HOUR,
      intervals: [{ from: t('04:00'), to: null }],
    },
    {
      name: 'degraded and under maintenance serve; retired is not measured',
      entries: history(['00:00', 'DEGRADED'], ['06:00', 'UNDER_MAINTENANCE'], ['12:00', 'RETIRED']),
      now: dayTo,
      measured: 12 * HOUR,
      down: 0,
      intervals: [],
    },
    {
      name: 'a downtime that began the day before is clipped to the period',
      entries: history(['2026-11-22T20:00', 'DOWN'], ['01:00', 'OPERATING']),
      now: dayTo,
      measured: 24 * HOUR,
      down: HOUR,
      intervals: [{ from: t('00:00'), to: t('01:00'), faultId: 'f0' }],
    },
  ])('$name', ({ entries, now, measured, down, intervals }) => {
    const result = availabilityOf({ _id: 'x1', statusHistory: entries }, dayFrom, dayTo, now);
    expect(result.measuredMs).toBe(measured);
    expect(result.downtimeMs).toBe(down);
    expect(result.availability).toBe((measured - down) / measured);
    expect(result.intervals).toEqual(
      intervals.map((i) => expect.objectContaining({ facilityId: 'x1', ...i })),
    );
  });

  it('measures nothing before registration or in the future', () => {
    const result = availabilityOf(
      { _id: 'x1', statusHistory: history(['12:00', 'OPERATING']) },
      dayFrom,
      dayTo,
      t('11:00'),
    );
    expect(result).toMatchObject({ measuredMs: 0, downtimeMs: 0, availability: null, intervals: [] });
  });

  it('combines facilities time-weighted, with every interval in time order', () => {
    const a = availabilityOf(
      { _id: 'a', statusHistory: history(['00:00', 'OPERATING'], ['10:00', 'DOWN'], ['12:00', 'OPERATING']) },
      dayFrom,
      dayTo,
      dayTo,
    );
    const b = availabilityOf(
      { _id: 'b', statusHistory: history(['00:00', 'OPERATING'], ['02:00', 'DOWN'], ['03:00', 'OPERATING']) },
      dayFrom,
      dayTo,
      dayTo,
    );
    const both = combinedAvailability([a, b], dayFrom, dayTo);
    expect(both).toMatchObject({ measuredMs: 48 * HOUR, downtimeMs: 3 * HOUR, availability: 45 / 48 });
    expect(both.intervals.map((i) => i.facilityId)).toEqual(['b', 'a']);
  });
});

describe('againstTarget', () => {
  it.each([
    { type: 'FIRE_PROTECTION' as const, availability: 1, target: 1, meets: true },
    { type: 'FIRE_PROTECTION' as const, availability: 0.9999, target: 1, meets: false },
    { type: 'ROAD_LIGHTING' as const, availability: 0.99, target: 0.99, meets: true },
    { type: 'ROAD_LIGHTING' as const, availability: 0.98, target: 0.99, meets: false },
    { type: 'ELEVATOR' as const, availability: 0.5, target: null, meets: null },
    { type: 'ROAD_LIGHTING' as const, availability: null, target: 0.99, meets: null },
  ])('$type at $availability against $target', ({ type, availability, target, meets }) => {
    expect(againstTarget(availability, type, DEFAULT_AVAILABILITY_TARGETS)).toEqual({
      target,
      meetsTarget: meets,
    });
  });
});
