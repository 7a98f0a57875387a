import {
  domainEvent,
  DomainError,
  parseInput,
  requireStaffOf,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { STAFF_ADMIN_ROLES } from './access.js';
import { registerStaffInput } from './inputs.js';
import { CATEGORIES, GRADES, type Category } from './catalogue.js';
import type { StaffRecord } from './records.js';
import { currentShift } from './roster.js';
import { rosterOverlap } from './staff-updates.js';

/** On duty now: a shift of the roster, a one-off change or neither on leave covers `at` (`roster.ts`). */
export const isOnDuty = (staff: StaffRecord, at: Date): boolean => currentShift(staff, at) !== null;

/**
 * Who may execute a request (spec §2 rule 5): staff of the property, with the category's skill
 * and grade, on duty now; never a quality inspector (服务、监督两条线).
 */
export function assertCanExecute(staff: StaffRecord, propertyId: string, category: Category, at: Date): void {
  const refuse = (reason: string, message: string) => {
    throw new DomainError('BAD_USER_INPUT', reason, message, { staffId: staff._id });
  };
  if (staff.active === false) refuse('STAFF_INACTIVE', `${staff.name} is no longer active`);
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
    requireStaffOf(context.actor, propertyId, STAFF_ADMIN_ROLES, 'register staff');
  }
  const overlap = rosterOverlap(valid.roster);
  if (overlap) {
    throw new DomainError(
      'BAD_USER_INPUT',
      'SHIFTS_OVERLAP',
      'Shifts overlap: two weekly shifts share time',
      {
        shifts: overlap,
      },
    );
  }
  const record: StaffRecord = { _id: context.newId(), version: 1, createdAt: context.now, ...valid };
  return {
    record,
    events: [
      // The tenant attribute names the staff member's first (home) property; `propertyIds`
      // lists every property they serve.
      domainEvent(
        'staff.registered.v1',
        { id: record._id, propertyId: record.propertyIds[0] },
        {
          staffId: record._id,
          propertyIds: record.propertyIds,
          roles: record.roles,
          skills: record.skills,
          grade: record.grade,
          registeredAt: context.now.toISOString(),
        },
        context,
      ),
    ],
  };
}
