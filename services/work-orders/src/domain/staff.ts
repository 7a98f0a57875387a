import { randomUUID } from 'node:crypto';
import { createEvent, DomainError, parseInput } from '@courtyard/kernel';
import { SERVICE } from '../events/work-orders.events.js';
import { requireRoleAt, STAFF_ADMIN_ROLES } from './access.js';
import type { CommandContext, Decision } from './command.js';
import { registerStaffInput } from './inputs.js';
import { CATEGORIES, GRADES, type Category } from './catalogue.js';
import type { Shift, StaffRecord } from './records.js';

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Weekday and minute of the day at `at` in a time zone. */
export function localTime(at: Date, timeZone: string): { weekday: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return { weekday: WEEKDAYS[get('weekday')] ?? 1, minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

const covers = (shift: Shift, weekday: number, minute: number): boolean => {
  const start = minutes(shift.start);
  const end = minutes(shift.end);
  if (end > start) return shift.weekday === weekday && minute >= start && minute < end;
  // Overnight (or a 24-hour shift when end == start): the evening part, then the next morning.
  const next = (shift.weekday % 7) + 1;
  return (shift.weekday === weekday && minute >= start) || (next === weekday && minute < end);
};

export const isOnDuty = (staff: StaffRecord, at: Date): boolean => {
  const { weekday, minute } = localTime(at, staff.timeZone);
  return staff.roster.some((shift) => covers(shift, weekday, minute));
};

/**
 * Who may execute a request (spec §2 rule 5): staff of the property, with the category's skill
 * and grade, on duty now; never a quality inspector (服务、监督两条线).
 */
export function assertCanExecute(staff: StaffRecord, propertyId: string, category: Category, at: Date): void {
  const refuse = (reason: string, message: string) => {
    throw new DomainError('BAD_USER_INPUT', reason, message, { staffId: staff._id });
  };
  if (staff.roles.includes('QUALITY_INSPECTOR')) {
    refuse('INSPECTOR_CANNOT_EXECUTE', `${staff.name} is a quality inspector and cannot be assigned work`);
  }
  if (!staff.propertyIds.includes(propertyId)) {
    refuse('ASSIGNEE_NOT_AT_PROPERTY', `${staff.name} does not work at this property`);
  }
  const needs = CATEGORIES[category];
  if (!staff.skills.includes(needs.skill) || GRADES.indexOf(staff.grade) < GRADES.indexOf(needs.grade)) {
    refuse(
      'ASSIGNEE_NOT_QUALIFIED',
      `${staff.name} is not qualified for ${category} (needs ${needs.skill}, grade ${needs.grade} or above)`,
    );
  }
  if (!isOnDuty(staff, at)) refuse('ASSIGNEE_NOT_ON_DUTY', `${staff.name} is not on duty now`);
}

/** Adds a staff member with roles, skills, grade and weekly roster (directors and above). */
export function registerStaff(input: unknown, context: CommandContext): Decision<StaffRecord> {
  const valid = parseInput(registerStaffInput, input);
  for (const propertyId of valid.propertyIds) {
    requireRoleAt(context.actor, STAFF_ADMIN_ROLES, propertyId, 'register staff');
  }
  const record: StaffRecord = { _id: randomUUID(), version: 1, createdAt: context.now, ...valid };
  return {
    record,
    events: [
      createEvent(SERVICE, {
        type: 'staff.registered.v1',
        subject: record._id,
        time: context.now,
        ...(context.traceparent ? { traceparent: context.traceparent } : {}),
        data: {
          staffId: record._id,
          propertyIds: record.propertyIds,
          roles: record.roles,
          skills: record.skills,
          grade: record.grade,
          registeredAt: context.now.toISOString(),
        },
      }),
    ],
  };
}
