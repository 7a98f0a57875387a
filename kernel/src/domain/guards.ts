import { actsForProperty, type Caller } from './caller.js';
import { DomainError } from './errors.js';
import type { Role } from './roles.js';

/**
 * The role and scope guards every subgraph's domain uses (one set, so a refusal reads the same
 * everywhere): `FORBIDDEN` with `ROLE_NOT_ALLOWED` or `OUTSIDE_PROPERTY_SCOPE`. The system
 * (a reaction to an event) passes both.
 */
export function requireRole(caller: Caller, allowed: readonly Role[], what = 'do this'): void {
  if (caller.role === 'SYSTEM' || allowed.includes(caller.role)) return;
  throw new DomainError('FORBIDDEN', 'ROLE_NOT_ALLOWED', `Role ${caller.role} may not ${what}`, {
    allowed,
  });
}

export function requirePropertyScope(caller: Caller, propertyId: string): void {
  if (actsForProperty(caller, propertyId)) return;
  throw new DomainError('FORBIDDEN', 'OUTSIDE_PROPERTY_SCOPE', 'You do not act for this property', {
    propertyId,
  });
}

/** One of `roles`, acting for the property: staff of the property (or the system) act on its records. */
export function requireStaffOf(
  caller: Caller,
  propertyId: string,
  roles: readonly Role[],
  what = 'do this',
): void {
  requireRole(caller, roles, what);
  requirePropertyScope(caller, propertyId);
}
