import { DomainError, type Caller } from '@courtyard/kernel/domain';
import type { ResidentRecord, UnitRecord } from './records.js';

/**
 * References to the residents subgraph's records, checked against what work-orders knows of
 * them (its `residents` and `units` projections) before anything is numbered or written. Not
 * known yet is `CONFLICT` like an unknown property (`PROPERTY_NOT_YET_KNOWN`): the record may have
 * been created a moment ago and its event be on its way, or it does not exist; a record of
 * another property is bad input.
 */
export interface IntakeReferences {
  requesterId: string | null;
  unitId: string | null;
}

/** What the projections hold for each id asked for (null: not known). */
export interface LoadedReferences {
  requester: ResidentRecord | null;
  units: ReadonlyMap<string, UnitRecord>;
}

function refuseUnknown(reason: string, what: string, field: string, id: string): never {
  throw new DomainError(
    'CONFLICT',
    reason,
    `No ${what} ${id.slice(0, 32)} is known to work-orders yet: one just created is on its way (retry in a few seconds), or it does not exist`,
    { field },
  );
}

function refuseForeign(reason: string, what: string, field: string): never {
  throw new DomainError('BAD_USER_INPUT', reason, `The ${what} belongs to another property`, { field });
}

/** Staff (and partner) intake: the requester and the unit exist and belong to the property. */
export function requireIntakeReferences(
  propertyId: string,
  { requesterId, unitId }: IntakeReferences,
  { requester, units }: LoadedReferences,
): void {
  if (requesterId !== null) {
    if (!requester) refuseUnknown('RESIDENT_NOT_YET_KNOWN', 'resident', 'requesterId', requesterId);
    if (requester.propertyId !== propertyId)
      refuseForeign('REQUESTER_OF_ANOTHER_PROPERTY', 'requester', 'requesterId');
  }
  if (unitId !== null) requireUnitsOf(propertyId, [unitId], units, 'unitId');
}

/** Units named by a command (the unit concerned, the units told of a wait for parts). */
export function requireUnitsOf(
  propertyId: string,
  unitIds: readonly string[],
  units: ReadonlyMap<string, UnitRecord>,
  field = 'notifiedUnitIds',
): void {
  for (const id of unitIds) {
    const unit = units.get(id);
    if (!unit) refuseUnknown('UNIT_NOT_YET_KNOWN', 'unit', field, id);
    if (unit.propertyId !== propertyId) refuseForeign('UNIT_OF_ANOTHER_PROPERTY', 'unit', field);
  }
}

/**
 * A resident submitting for themself: they are known, their household lives somewhere, and the
 * unit (their own when not given) is the one it lives in. Returns the property and unit.
 */
export function residentHome(
  caller: Caller,
  resident: ResidentRecord | null,
  unitId: string | null,
): { propertyId: string; unitId: string; requesterId: string } {
  const residentId = caller.residentId;
  // Only residents pass the gate, and the system, which is no resident: it records by recordHelpRequest.
  if (caller.role !== 'RESIDENT' || !residentId)
    throw new DomainError(
      'BAD_USER_INPUT',
      'RESIDENT_CALLER_REQUIRED',
      'A submission is a resident’s own: the caller must be a resident (others record with recordHelpRequest)',
    );
  if (!resident) refuseUnknown('RESIDENT_NOT_YET_KNOWN', 'resident', 'requesterId', residentId);
  if (!resident.unitId || !resident.householdId)
    // The resident's own state, not a permission: once their household moves in they may.
    throw new DomainError(
      'CONFLICT',
      'NO_HOUSEHOLD',
      'Your household does not live in a unit of the property: ask the front desk',
    );
  if (unitId !== null && unitId !== resident.unitId)
    throw new DomainError(
      'FORBIDDEN',
      'NOT_YOUR_UNIT',
      'You can submit only for the unit your household lives in',
      {
        field: 'unitId',
      },
    );
  return { propertyId: resident.propertyId, unitId: resident.unitId, requesterId: residentId };
}
