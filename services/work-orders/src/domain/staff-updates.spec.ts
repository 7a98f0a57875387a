import { describe, expect, it } from '@jest/globals';
import { as, NOW, staff } from './fixtures.js';
import { assertCanExecute } from './staff.js';
import { cancelStaffLeave, changeStaffShift, grantStaffLeave, updateStaff } from './staff-updates.js';

const manager = as({ subject: 'gm-1', role: 'GENERAL_MANAGER' });
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { code, reason } = error as { code: string; reason: string };
    return { code, reason };
  }
  throw new Error('expected a refusal');
};

describe('managers keep staff records', () => {
  it('changes grade and roster: one history entry per field, one staff.updated.v1', () => {
    const nights = [{ weekday: 1, start: '20:00', end: '08:00' }];
    const { record, events } = updateStaff(
      staff(),
      { reason: 'Passed the senior assessment', grade: 'SENIOR', roster: nights, skills: ['PLUMBING'] },
      [],
      manager,
    );
    expect(record).toMatchObject({ grade: 'SENIOR', roster: nights, active: true });
    expect(record.history).toEqual([
      expect.objectContaining({
        at: NOW,
        actorId: 'gm-1',
        field: 'grade',
        from: '"INTERMEDIATE"',
        to: '"SENIOR"',
      }),
      expect.objectContaining({
        field: 'roster',
        to: JSON.stringify(nights),
        reason: 'Passed the senior assessment',
      }),
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'staff.updated.v1',
      data: {
        staffId: 'tech-1',
        changes: [
          { field: 'grade', from: 'INTERMEDIATE', to: 'SENIOR' },
          expect.objectContaining({ field: 'roster', to: nights }),
        ],
        updatedById: 'gm-1',
      },
    });
  });

  it('refuses overlapping shifts (Sunday night into Monday too), an unknown zone, and nothing to change', () => {
    const overlapping = [
      { weekday: 7, start: '22:00', end: '09:00' },
      { weekday: 1, start: '08:00', end: '17:00' },
    ];
    expect(refusal(() => updateStaff(staff(), { reason: 'x', roster: overlapping }, [], manager))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'SHIFTS_OVERLAP',
    });
    expect(
      refusal(() => updateStaff(staff(), { reason: 'x', timeZone: 'Mars/Olympus' }, [], manager)).reason,
    ).toBe('VALIDATION_FAILED');
    expect(
      refusal(() =>
        updateStaff(
          staff(),
          { reason: 'x', roster: [{ weekday: 1, start: '8:00', end: '17:00' }] },
          [],
          manager,
        ),
      ).reason,
    ).toBe('VALIDATION_FAILED');
    expect(
      refusal(() => updateStaff(staff(), { reason: 'x', grade: 'INTERMEDIATE' }, [], manager)).reason,
    ).toBe('NOTHING_TO_CHANGE');
  });

  it('only directors and general managers of every property concerned', () => {
    expect(
      refusal(() =>
        updateStaff(staff(), { reason: 'x', grade: 'SENIOR' }, [], as({ role: 'SERVICE_SUPERVISOR' })),
      ),
    ).toEqual({
      code: 'FORBIDDEN',
      reason: 'ROLE_NOT_ALLOWED',
    });
    expect(refusal(() => updateStaff(staff(), { reason: 'x', propertyIds: ['p2'] }, [], manager))).toEqual({
      code: 'FORBIDDEN',
      reason: 'OUTSIDE_PROPERTY_SCOPE',
    });
  });

  it('deactivation is refused while open assignments remain; deactivated staff cannot be assigned', () => {
    expect(refusal(() => updateStaff(staff(), { reason: 'left', active: false }, ['wo-1'], manager))).toEqual(
      {
        code: 'CONFLICT',
        reason: 'STAFF_HAS_OPEN_ASSIGNMENTS',
      },
    );
    const { record } = updateStaff(staff(), { reason: 'left the company', active: false }, [], manager);
    expect(refusal(() => assertCanExecute(record, 'p1', 'WATER_LEAK', NOW)).reason).toBe('STAFF_INACTIVE');
  });

  it('a one-off change of a day and leave go on the history; overlaps with neighbouring days are refused', () => {
    const swap = changeStaffShift(
      staff(),
      { day: '2026-11-24', shifts: [{ start: '13:00', end: '21:00' }], reason: 'swap with Zhao' },
      manager,
    );
    expect(swap.record.history?.[0]).toMatchObject({
      field: 'shiftChange:2026-11-24',
      from: JSON.stringify([{ start: '08:00', end: '17:00' }]),
      to: JSON.stringify([{ start: '13:00', end: '21:00' }]),
    });
    const nights = staff({ roster: [{ weekday: 1, start: '22:00', end: '06:00' }] });
    expect(
      refusal(() =>
        changeStaffShift(
          nights,
          { day: '2026-11-24', shifts: [{ start: '05:00', end: '09:00' }], reason: 'x' },
          manager,
        ),
      ),
    ).toEqual({ code: 'BAD_USER_INPUT', reason: 'SHIFTS_OVERLAP' });
    const leave = grantStaffLeave(
      swap.record,
      { from: '2026-12-01', to: '2026-12-03', reason: 'annual leave' },
      manager,
    );
    expect(leave.record.leave).toEqual([{ from: '2026-12-01', to: '2026-12-03', reason: 'annual leave' }]);
    expect(leave.record.history).toHaveLength(2);
    expect(
      refusal(() =>
        grantStaffLeave(leave.record, { from: '2026-12-03', to: '2026-12-05', reason: 'x' }, manager),
      ),
    ).toEqual({
      code: 'CONFLICT',
      reason: 'LEAVE_OVERLAPS',
    });
    expect(
      refusal(() => grantStaffLeave(staff(), { from: '2026-12-05', to: '2026-12-01', reason: 'x' }, manager))
        .reason,
    ).toBe('VALIDATION_FAILED');
    const back = cancelStaffLeave(
      leave.record,
      { from: '2026-12-01', to: '2026-12-03', reason: 'plans changed' },
      manager,
    );
    expect(back.record.leave).toEqual([]);
    expect(back.events[0]).toMatchObject({ data: { changes: [{ field: 'leave', to: null }] } });
  });
});
