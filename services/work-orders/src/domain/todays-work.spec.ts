import { describe, expect, it } from '@jest/globals';
import siftModule from 'sift';
import { as, received, staff } from './fixtures.js';
import { requireMayReadWorkOf, isTodaysWork, todaysWorkFilter, workingShift } from './todays-work.js';
import type { HelpRequestRecord } from './records.js';
import type { Filter } from './visibility.js';

const matches = (filter: Filter, doc: object): boolean =>
  siftModule.default(filter as Record<string, unknown>)(doc);

describe('today’s work', () => {
  const monday10 = new Date('2026-11-23T02:00:00Z'); // in the 08:00-17:00 shift (Shanghai)
  const shift = workingShift(staff(), monday10)!;

  it('is the current shift on duty, the next one off duty', () => {
    expect(shift).toMatchObject({ current: true, shift: { day: '2026-11-23' } });
    expect(shift.shift.end.toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(workingShift(staff(), new Date('2026-11-23T12:00:00Z'))).toMatchObject({
      current: false,
      shift: { day: '2026-11-24' },
    });
  });

  it('lists open assignments due before the shift ends; the list and the predicate agree', () => {
    const base = received();
    const cases: Array<[Partial<HelpRequestRecord>, boolean]> = [
      [{ assigneeIds: ['tech-1'], state: 'ASSIGNED', dueAt: new Date('2026-11-23T06:00:00Z') }, true],
      [{ assigneeIds: ['tech-1'], state: 'IN_PROGRESS', dueAt: new Date('2026-11-22T06:00:00Z') }, true], // overdue
      [{ assigneeIds: ['tech-1'], state: 'ASSIGNED', dueAt: new Date('2026-11-24T06:00:00Z') }, false], // tomorrow
      [{ assigneeIds: ['tech-2'], state: 'ASSIGNED', dueAt: new Date('2026-11-23T06:00:00Z') }, false],
      [{ assigneeIds: ['tech-1'], state: 'RESOLVED', dueAt: new Date('2026-11-23T06:00:00Z') }, false],
    ];
    for (const [changes, expected] of cases) {
      const request = { ...base, ...changes };
      expect(isTodaysWork(request, 'tech-1', shift.shift)).toBe(expected);
      expect(matches(todaysWorkFilter('tech-1', shift.shift), request)).toBe(expected);
    }
  });

  it('a technician reads only their own day; the desk reads the staff of its properties', () => {
    expect(() =>
      requireMayReadWorkOf(as({ subject: 'tech-1', role: 'TECHNICIAN' }).actor, staff()),
    ).not.toThrow();
    expect(() => requireMayReadWorkOf(as({ subject: 'tech-2', role: 'TECHNICIAN' }).actor, staff())).toThrow(
      expect.objectContaining({ reason: 'NOT_OWN_WORK' }),
    );
    expect(() => requireMayReadWorkOf(as({}).actor, staff())).not.toThrow();
    expect(() => requireMayReadWorkOf(as({ propertyIds: ['p9'] }).actor, staff())).toThrow(
      expect.objectContaining({ reason: 'OUTSIDE_PROPERTY_SCOPE' }),
    );
  });
});
