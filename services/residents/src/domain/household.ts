import {
  domainEvent,
  DomainError,
  parseInput,
  requireStaffOf,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { RESIDENT_REGISTRARS } from './access.js';
import { moveInInput, moveOutInput } from './inputs.js';
import type { HouseholdRecord, ResidentRecord, UnitRecord } from './records.js';

/** A unit's household: who lives there, from when, until when. One per unit, created on first move-in. */
export function moveIn(
  input: unknown,
  unit: UnitRecord,
  resident: ResidentRecord,
  household: HouseholdRecord | null,
  context: CommandContext,
): Decision<HouseholdRecord> {
  const valid = parseInput(moveInInput, input);
  requireStaffOf(context.actor, unit.propertyId, RESIDENT_REGISTRARS, 'record move-ins');
  if (resident.propertyId !== unit.propertyId) {
    throw new DomainError(
      'BAD_USER_INPUT',
      'RESIDENT_OF_ANOTHER_PROPERTY',
      'The resident is registered at another property',
    );
  }
  const current = household ?? {
    _id: context.newId(),
    version: 0,
    createdAt: context.now,
    propertyId: unit.propertyId,
    unitId: unit._id,
    members: [],
  };
  if (current.members.some((member) => member.residentId === resident._id && member.movedOutOn === null)) {
    throw new DomainError('CONFLICT', 'ALREADY_MOVED_IN', 'The resident already lives in this unit');
  }
  const record: HouseholdRecord = {
    ...current,
    members: [
      ...current.members,
      { residentId: resident._id, relation: valid.relation, movedInOn: valid.movedInOn, movedOutOn: null },
    ],
  };
  return {
    record,
    events: [
      domainEvent(
        'resident.moved_in.v1',
        { id: record._id, propertyId: unit.propertyId },
        {
          householdId: record._id,
          unitId: unit._id,
          propertyId: unit.propertyId,
          residentId: resident._id,
          relation: valid.relation,
          movedInOn: valid.movedInOn,
        },
        context,
      ),
    ],
  };
}

/**
 * What a keyed re-run of a move-in answers when its first attempt (the same caller, key and
 * request) wrote the household and died before its answer was kept: that stored household, with
 * nothing written again, when it carries the key (`writtenUnderKey`) and the resident lives there.
 * Null otherwise: the move-in is decided as usual. The caller's right to record it is checked again.
 */
export function movedInByFirstAttempt(
  input: unknown,
  unit: UnitRecord,
  household: HouseholdRecord | null,
  writtenUnderKey: boolean,
  context: CommandContext,
): HouseholdRecord | null {
  if (!household || !writtenUnderKey) return null;
  const valid = parseInput(moveInInput, input);
  requireStaffOf(context.actor, unit.propertyId, RESIDENT_REGISTRARS, 'record move-ins');
  const livesThere = household.members.some(
    (member) => member.residentId === valid.residentId && member.movedOutOn === null,
  );
  return livesThere ? household : null;
}

export function moveOut(
  input: unknown,
  unit: UnitRecord,
  household: HouseholdRecord | null,
  context: CommandContext,
): Decision<HouseholdRecord> {
  const valid = parseInput(moveOutInput, input);
  requireStaffOf(context.actor, unit.propertyId, RESIDENT_REGISTRARS, 'record move-outs');
  const member = household?.members.find((m) => m.residentId === valid.residentId && m.movedOutOn === null);
  if (!household || !member) {
    throw new DomainError('NOT_FOUND', 'NOT_A_CURRENT_MEMBER', 'The resident does not live in this unit');
  }
  if (valid.movedOutOn < member.movedInOn) {
    throw new DomainError(
      'BAD_USER_INPUT',
      'MOVE_OUT_BEFORE_MOVE_IN',
      'Move-out date is before the move-in date',
    );
  }
  const record: HouseholdRecord = {
    ...household,
    members: household.members.map((m) => (m === member ? { ...m, movedOutOn: valid.movedOutOn } : m)),
  };
  return {
    record,
    events: [
      domainEvent(
        'resident.moved_out.v1',
        { id: household._id, propertyId: unit.propertyId },
        {
          householdId: household._id,
          unitId: unit._id,
          propertyId: unit.propertyId,
          residentId: valid.residentId,
          movedOutOn: valid.movedOutOn,
        },
        context,
      ),
    ],
  };
}
