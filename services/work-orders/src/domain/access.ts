import {
  DomainError,
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
