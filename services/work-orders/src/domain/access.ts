import {
  actsForProperty,
  DomainError,
  OFFICE_ROLES,
  STAFF_ROLES,
  type Caller,
  type Role,
} from '@courtyard/kernel';
import type { HelpRequestRecord } from './records.js';

/** Work-orders roles and record-level predicates; the per-field gate is `schema/access.ts`. */
/** Staff who may hold a request (any of them can be its owner or an assignee); not inspectors. */
export const HANDLERS: readonly Role[] = STAFF_ROLES.filter((role) => role !== 'QUALITY_INSPECTOR');
export const INTAKE_ROLES: readonly Role[] = [...HANDLERS, 'PARTNER'];
export const DISPATCH_ROLES: readonly Role[] = OFFICE_ROLES;
export const SUPERVISOR_ROLES: readonly Role[] = ['SERVICE_SUPERVISOR', 'OFFICE_DIRECTOR', 'GENERAL_MANAGER'];
export const STAFF_ADMIN_ROLES: readonly Role[] = ['OFFICE_DIRECTOR', 'GENERAL_MANAGER'];

const forbidden = (reason: string, message: string): never => {
  throw new DomainError('FORBIDDEN', reason, message);
};

export function requireRoleAt(actor: Caller, roles: readonly Role[], propertyId: string, what: string): void {
  if (actor.role === 'SYSTEM') return;
  if (!roles.includes(actor.role)) forbidden('ROLE_NOT_ALLOWED', `Role ${actor.role} may not ${what}`);
  if (!actsForProperty(actor, propertyId))
    forbidden('OUTSIDE_PROPERTY_SCOPE', 'You do not act for this property');
}

/** Quality inspectors read everything and change nothing but inspections (服务、监督两条线). */
export function requireNotInspector(actor: Caller): void {
  if (actor.role === 'QUALITY_INSPECTOR')
    forbidden('INSPECTOR_READ_ONLY', 'Quality inspectors only record inspections');
}

/** Assignees work on their requests; supervisors and above may act for them. */
export function requireAssigneeOrSupervisor(actor: Caller, request: HelpRequestRecord, what: string): void {
  if (actor.role === 'SYSTEM') return;
  requireNotInspector(actor);
  if (request.assigneeIds.includes(actor.subject)) return;
  requireRoleAt(actor, SUPERVISOR_ROLES, request.propertyId, what);
}

/** The requester answers for themself; office staff record the answer given by phone. */
export function requireRequesterOrOffice(actor: Caller, request: HelpRequestRecord, what: string): void {
  if (actor.role === 'RESIDENT' && request.requesterId !== null && actor.residentId === request.requesterId)
    return;
  requireRoleAt(actor, DISPATCH_ROLES, request.propertyId, what);
}
