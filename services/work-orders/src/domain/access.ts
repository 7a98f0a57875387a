import {
  actsForProperty,
  DomainError,
  isStaff,
  OFFICE_ROLES,
  requireStaffOf,
  STAFF_ROLES,
  type Caller,
  type Role,
} from '@courtyard/kernel/domain';
import type { HelpRequestRecord } from './records.js';

/** Work-orders roles and record-level predicates; the per-field gate is `schema/access.ts`. */
/** Staff who may hold a request (any of them can be its owner or an assignee); not inspectors. */
export const HANDLERS: readonly Role[] = STAFF_ROLES.filter((role) => role !== 'QUALITY_INSPECTOR');
export const INTAKE_ROLES: readonly Role[] = [...HANDLERS, 'PARTNER'];
export const DISPATCH_ROLES: readonly Role[] = OFFICE_ROLES;
export const SUPERVISOR_ROLES: readonly Role[] = ['SERVICE_SUPERVISOR', 'OFFICE_DIRECTOR', 'GENERAL_MANAGER'];
export const STAFF_ADMIN_ROLES: readonly Role[] = ['OFFICE_DIRECTOR', 'GENERAL_MANAGER'];

/** Quality inspectors read everything and change nothing but inspections (服务、监督两条线). */
export function requireNotInspector(actor: Caller): void {
  if (actor.role === 'QUALITY_INSPECTOR')
    throw new DomainError('FORBIDDEN', 'INSPECTOR_READ_ONLY', 'Quality inspectors only record inspections');
}

/** Assignees work on their requests; supervisors and above may act for them. */
export function requireAssigneeOrSupervisor(actor: Caller, request: HelpRequestRecord, what: string): void {
  if (actor.role === 'SYSTEM') return;
  requireNotInspector(actor);
  if (request.assigneeIds.includes(actor.subject)) return;
  requireStaffOf(actor, request.propertyId, SUPERVISOR_ROLES, what);
}

/** The requester answers for themself; office staff record the answer given by phone. */
export function requireRequesterOrOffice(actor: Caller, request: HelpRequestRecord, what: string): void {
  if (actor.role === 'RESIDENT' && request.requesterId !== null && actor.residentId === request.requesterId)
    return;
  requireStaffOf(actor, request.propertyId, DISPATCH_ROLES, what);
}

const SEES_CONFIDENTIAL: readonly Role[] = [...SUPERVISOR_ROLES, 'QUALITY_INSPECTOR', 'SYSTEM'];

/**
 * Who reads a request: staff of its property (inspectors: every property), the requester;
 * confidential ones only the owner, the assignees, supervisors and above (and inspectors).
 */
export function canRead(actor: Caller, request: HelpRequestRecord): boolean {
  if (actor.role === 'SYSTEM' || actor.role === 'QUALITY_INSPECTOR') return true;
  const involved = actor.subject === request.ownerId || request.assigneeIds.includes(actor.subject);
  if (request.confidential) {
    return involved || (SEES_CONFIDENTIAL.includes(actor.role) && actsForProperty(actor, request.propertyId));
  }
  if (actor.role === 'RESIDENT')
    return request.requesterId !== null && actor.residentId === request.requesterId;
  return involved || (isStaff(actor) && actsForProperty(actor, request.propertyId));
}
