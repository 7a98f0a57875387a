import { actsForProperty, DomainError, type Caller } from '@courtyard/kernel/domain';
import type { HelpRequestRecord, StaffRecord } from './records.js';
import { currentShift, nextShift, type ShiftWindow } from './roster.js';
import { TECHNICIAN_QUEUE_STATES, type Filter } from './visibility.js';

/**
 * A technician's "today's work" (issue 19): the assignments due in (or before the end of) the
 * shift they are working now, by the roster, its one-off changes and leave at the clock's now;
 * off shift, those of their next shift within a week (what they will find when they start).
 * Anything already overdue is still due, so it stays on the list until it is resolved.
 */

/** The shift today's work is read for: the current one, else the next within a week. */
export function workingShift(staff: StaffRecord, now: Date): { shift: ShiftWindow; current: boolean } | null {
  const current = currentShift(staff, now);
  if (current) return { shift: current, current: true };
  const next = nextShift(staff, now, 7);
  return next ? { shift: next, current: false } : null;
}

/** An assignment on the list: assigned to the staff member, still to work on, due before the shift ends. */
export const isTodaysWork = (request: HelpRequestRecord, staffId: string, shift: ShiftWindow): boolean =>
  request.assigneeIds.includes(staffId) &&
  TECHNICIAN_QUEUE_STATES.includes(request.state) &&
  request.dueAt.getTime() < shift.end.getTime();

/** The MongoDB twin of `isTodaysWork` (index `{ assigneeIds, state, dueAt }`). */
export const todaysWorkFilter = (staffId: string, shift: ShiftWindow): Filter => ({
  assigneeIds: staffId,
  state: { $in: [...TECHNICIAN_QUEUE_STATES] },
  dueAt: { $lt: shift.end },
});

/**
 * Whose day a caller may read: a technician only their own; other staff the day of someone who
 * serves one of their properties (the desk dispatching, supervisors); inspectors everyone's.
 * What each request shows is still the caller's read rule.
 */
export function requireMayReadWorkOf(caller: Caller, staff: StaffRecord): void {
  if (caller.subject === staff._id || caller.role === 'QUALITY_INSPECTOR' || caller.role === 'SYSTEM') return;
  if (caller.role === 'TECHNICIAN') {
    throw new DomainError('FORBIDDEN', 'NOT_OWN_WORK', 'A technician reads only their own work');
  }
  if (!staff.propertyIds.some((propertyId) => actsForProperty(caller, propertyId))) {
    throw new DomainError(
      'FORBIDDEN',
      'OUTSIDE_PROPERTY_SCOPE',
      'You do not act for this staff member’s properties',
    );
  }
}
