import {
  domainEvent,
  DomainError,
  parseInput,
  requireStaffOf,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { STAFF_ADMIN_ROLES } from './access.js';
import type { Leave, Shift, ShiftChange, StaffChange, StaffRecord } from './records.js';
import { firstOverlap, shiftDay, shiftsStarting, weekdayOf, windowOf } from './roster.js';
import { changeShiftInput, leaveInput, updateStaffInput } from './staff-inputs.js';

/**
 * The managers' changes of a staff record (issue 19): what they may work on (skills, grade),
 * when (weekly roster, one-off changes of a day, leave), where (properties) and whether at all.
 * Every change is one history entry per field (who, when, from, to, why) and one
 * `staff.updated.v1`. Office directors and general managers of every property concerned decide.
 */

/** The fields `updateStaff` changes, in the order they are reported. */
const FIELDS = ['skills', 'grade', 'timeZone', 'roster', 'propertyIds', 'active'] as const;
type Field = (typeof FIELDS)[number] | `shiftChange:${string}` | 'leave';

/** A value as the event carries it (JSON). */
type Value = string | boolean | unknown[] | object | null;

interface Change {
  field: Field;
  from: Value;
  to: Value;
}

/** A list checked non-empty, typed so (the schemas' `minItems: 1`). */
export function nonEmpty<T>(items: readonly T[]): [T, ...T[]] {
  const [first, ...rest] = items;
  if (first === undefined) throw new Error('nonEmpty: the list was checked non-empty before');
  return [first, ...rest];
}

/** Equal as stored (records are plain JSON-like values). */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A Monday in UTC: the weekly roster laid out once to find overlaps (the zone cannot matter). */
const REFERENCE_MONDAY = '2024-01-01';

/** Weekly shifts that overlap, Sunday night into Monday included. */
export function rosterOverlap(roster: readonly Shift[]): [Shift, Shift] | null {
  const laid = roster.map((shift) => ({
    shift,
    window: windowOf(shiftDay(REFERENCE_MONDAY, shift.weekday - 1, 'UTC'), shift, 'UTC', 'ROSTER'),
  }));
  // Monday's shifts once more, a week later: what Sunday's night shift runs into.
  const nextMonday = laid
    .filter(({ shift }) => shift.weekday === 1)
    .map(({ shift }) => ({
      shift,
      window: windowOf(shiftDay(REFERENCE_MONDAY, 7, 'UTC'), shift, 'UTC', 'ROSTER'),
    }));
  const all = [...laid, ...nextMonday];
  const pair = firstOverlap(all.map((entry) => entry.window));
  return pair ? [all[pair[0]]!.shift, all[pair[1]]!.shift] : null;
}

const overlapRefusal = (what: string, details: Record<string, unknown>) =>
  new DomainError('BAD_USER_INPUT', 'SHIFTS_OVERLAP', `Shifts overlap: ${what}`, details);

function requireManagerOf(staff: StaffRecord, propertyIds: readonly string[], context: CommandContext) {
  for (const propertyId of new Set([...staff.propertyIds, ...propertyIds])) {
    requireStaffOf(context.actor, propertyId, STAFF_ADMIN_ROLES, 'update staff');
  }
}

/** Applies the changes: history entries, the new version of the record, one event. */
function decide(
  before: StaffRecord,
  next: StaffRecord,
  changes: Change[],
  reason: string,
  context: CommandContext,
): Decision<StaffRecord> {
  if (changes.length === 0) {
    throw new DomainError('BAD_USER_INPUT', 'NOTHING_TO_CHANGE', 'The input changes nothing on this record');
  }
  const entries: StaffChange[] = changes.map((change) => ({
    at: context.now,
    actorId: context.actor.subject,
    actorRole: context.actor.role,
    field: change.field,
    from: change.from === null ? null : JSON.stringify(change.from),
    to: change.to === null ? null : JSON.stringify(change.to),
    reason,
  }));
  const record: StaffRecord = { ...next, history: [...(before.history ?? []), ...entries] };
  return {
    record,
    events: [
      domainEvent(
        'staff.updated.v1',
        { id: record._id, propertyId: record.propertyIds[0] },
        {
          staffId: record._id,
          propertyIds: record.propertyIds,
          active: record.active !== false,
          changes: nonEmpty(changes.map(({ field, from, to }) => ({ field, from, to }))),
          reason,
          updatedById: context.actor.subject,
          updatedAt: context.now.toISOString(),
        },
        context,
      ),
    ],
  };
}

/**
 * Changes skills, grade, time zone, weekly roster, properties, active. Deactivating someone who
 * still holds open assignments is refused (`STAFF_HAS_OPEN_ASSIGNMENTS`, their ids in the
 * details): no request loses the person doing it without the desk reassigning it first.
 */
export function updateStaff(
  staff: StaffRecord,
  input: unknown,
  openAssignmentIds: readonly string[],
  context: CommandContext,
): Decision<StaffRecord> {
  const valid = parseInput(updateStaffInput, input);
  requireManagerOf(staff, valid.propertyIds ?? [], context);
  const overlap = valid.roster ? rosterOverlap(valid.roster) : null;
  if (overlap) throw overlapRefusal('two weekly shifts share time', { shifts: overlap });
  const current = { ...staff, active: staff.active !== false };
  const next: StaffRecord = { ...current };
  const changes: Change[] = [];
  for (const field of FIELDS) {
    const value = valid[field];
    if (value === null || value === undefined || same(value, current[field])) continue;
    changes.push({ field, from: current[field], to: value });
    Object.assign(next, { [field]: value });
  }
  if (next.active === false && current.active && openAssignmentIds.length > 0) {
    throw new DomainError(
      'CONFLICT',
      'STAFF_HAS_OPEN_ASSIGNMENTS',
      `${staff.name} still has ${openAssignmentIds.length} open assignment(s): reassign them first`,
      { helpRequestIds: openAssignmentIds },
    );
  }
  return decide(staff, next, changes, valid.reason, context);
}

/**
 * A one-off change of one local day's shifts (a swap, an extra shift, a day off with `[]`), or
 * back to the weekly roster (`null`). The day's shifts may not overlap each other nor the
 * neighbouring days' (a night shift the evening before runs into the morning).
 */
export function changeStaffShift(staff: StaffRecord, input: unknown, context: CommandContext) {
  const valid = parseInput(changeShiftInput, input);
  requireManagerOf(staff, [], context);
  const others = (staff.shiftChanges ?? []).filter((c) => c.day !== valid.day);
  const shiftChanges: ShiftChange[] =
    valid.shifts === null
      ? others
      : [...others, { day: valid.day, shifts: valid.shifts, reason: valid.reason }];
  const next: StaffRecord = {
    ...staff,
    shiftChanges: shiftChanges.sort((a, b) => a.day.localeCompare(b.day)),
  };
  const around = [-1, 0, 1].flatMap((offset) =>
    shiftsStarting(next, shiftDay(valid.day, offset, staff.timeZone)),
  );
  const pair = firstOverlap(around);
  if (pair) {
    const [a, b] = [around[pair[0]]!, around[pair[1]]!];
    throw overlapRefusal(`${a.day} ${a.start.toISOString()} and ${b.day} ${b.start.toISOString()}`, {
      day: valid.day,
    });
  }
  // What the day held before and holds now, leave aside (leave is its own entry).
  const weekly = staff.roster
    .filter((shift) => shift.weekday === weekdayOf(valid.day, staff.timeZone))
    .map(({ start, end }) => ({ start, end }));
  const from = (staff.shiftChanges ?? []).find((c) => c.day === valid.day)?.shifts ?? weekly;
  const change: Change = { field: `shiftChange:${valid.day}`, from, to: valid.shifts ?? weekly };
  const unchanged = same(staff.shiftChanges ?? [], next.shiftChanges);
  return decide(staff, next, unchanged ? [] : [change], valid.reason, context);
}

/** Leave over local days (both inclusive); it may not overlap leave already recorded. */
export function grantStaffLeave(staff: StaffRecord, input: unknown, context: CommandContext) {
  const valid = parseInput(leaveInput, input);
  requireManagerOf(staff, [], context);
  const clash = (staff.leave ?? []).find((leave) => leave.from <= valid.to && valid.from <= leave.to);
  if (clash) {
    throw new DomainError(
      'CONFLICT',
      'LEAVE_OVERLAPS',
      `Leave from ${clash.from} to ${clash.to} is already recorded`,
      {
        from: clash.from,
        to: clash.to,
      },
    );
  }
  const leave: Leave = { from: valid.from, to: valid.to, reason: valid.reason };
  const next: StaffRecord = {
    ...staff,
    leave: [...(staff.leave ?? []), leave].sort((a, b) => a.from.localeCompare(b.from)),
  };
  return decide(
    staff,
    next,
    [{ field: 'leave', from: null, to: { from: leave.from, to: leave.to } }],
    valid.reason,
    context,
  );
}

/** Cancels recorded leave (the exact range): the roster applies on those days again. */
export function cancelStaffLeave(staff: StaffRecord, input: unknown, context: CommandContext) {
  const valid = parseInput(leaveInput, input);
  requireManagerOf(staff, [], context);
  const found = (staff.leave ?? []).find((leave) => leave.from === valid.from && leave.to === valid.to);
  if (!found) {
    throw new DomainError(
      'NOT_FOUND',
      'LEAVE_NOT_FOUND',
      `No leave from ${valid.from} to ${valid.to} is recorded`,
    );
  }
  const next: StaffRecord = { ...staff, leave: (staff.leave ?? []).filter((leave) => leave !== found) };
  return decide(
    staff,
    next,
    [{ field: 'leave', from: { from: found.from, to: found.to }, to: null }],
    valid.reason,
    context,
  );
}
