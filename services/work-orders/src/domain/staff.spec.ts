import { describe, expect, it } from '@jest/globals';
import { NOW, staff } from './fixtures.js';
import { assertCanExecute, isOnDuty } from './staff.js';

const reasonOf = (run: () => void) => {
  try {
    run();
    return 'allowed';
  } catch (error) {
    return (error as { reason: string }).reason;
  }
};

describe('who may be assigned', () => {
  it('follows the roster in the staff member’s time zone, overnight shifts included', () => {
    expect(isOnDuty(staff(), NOW)).toBe(true); // Monday 10:00 Shanghai
    expect(isOnDuty(staff(), new Date('2026-11-23T12:00:00Z'))).toBe(false); // Monday 20:00
    const nights = staff({ roster: [{ weekday: 1, start: '20:00', end: '08:00' }] });
    expect(isOnDuty(nights, new Date('2026-11-23T12:30:00Z'))).toBe(true); // Monday 20:30
    expect(isOnDuty(nights, new Date('2026-11-23T22:00:00Z'))).toBe(true); // Tuesday 06:00
    expect(isOnDuty(nights, new Date('2026-11-24T01:00:00Z'))).toBe(false); // Tuesday 09:00
    const deskAllDay = staff({
      roster: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '00:00' })),
    });
    expect(isOnDuty(deskAllDay, new Date('2026-11-22T19:00:00Z'))).toBe(true); // 24-hour front desk
  });

  it('needs the category’s skill and grade, the property, the duty, and is never an inspector', () => {
    expect(reasonOf(() => assertCanExecute(staff(), 'p1', 'WATER_LEAK', NOW))).toBe('allowed');
    expect(reasonOf(() => assertCanExecute(staff(), 'p1', 'ELEVATOR', NOW))).toBe('ASSIGNEE_NOT_QUALIFIED');
    expect(reasonOf(() => assertCanExecute(staff({ grade: 'JUNIOR' }), 'p1', 'WATER_SUPPLY', NOW))).toBe(
      'ASSIGNEE_NOT_QUALIFIED',
    );
    expect(reasonOf(() => assertCanExecute(staff(), 'p2', 'WATER_LEAK', NOW))).toBe(
      'ASSIGNEE_NOT_AT_PROPERTY',
    );
    expect(
      reasonOf(() => assertCanExecute(staff(), 'p1', 'WATER_LEAK', new Date('2026-11-22T02:00:00Z'))),
    ).toBe('ASSIGNEE_NOT_ON_DUTY');
    expect(
      reasonOf(() => assertCanExecute(staff({ roles: ['QUALITY_INSPECTOR'] }), 'p1', 'WATER_LEAK', NOW)),
    ).toBe('INSPECTOR_CANNOT_EXECUTE');
  });
});
