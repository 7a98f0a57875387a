import type { CommandContext, EventDataByType } from '@courtyard/kernel/domain';
import type { HouseholdRecord, UnitRecord } from './records.js';

/** What surveys keeps of a unit: its building, so response rates can be told per building. */
export function projectUnit(data: EventDataByType['unit.created.v1'], context: CommandContext): UnitRecord {
  return {
    _id: data.unitId,
    version: 1,
    createdAt: context.now,
    propertyId: data.propertyId,
    buildingId: data.buildingId,
  };
}

/** A resident moved into a household: a new household, or one more member (once). */
export function afterMoveIn(
  previous: HouseholdRecord | null,
  data: EventDataByType['resident.moved_in.v1'],
  context: CommandContext,
): HouseholdRecord {
  const member = { residentId: data.residentId, relation: data.relation, movedInOn: data.movedInOn };
  if (!previous) {
    return {
      _id: data.householdId,
      version: 1,
      createdAt: context.now,
      propertyId: data.propertyId,
      unitId: data.unitId,
      members: [member],
    };
  }
  const others = previous.members.filter((m) => m.residentId !== data.residentId);
  return { ...previous, members: [...others, member] };
}

/** A resident moved out: the household without them (unoccupied when nobody is left). */
export function afterMoveOut(
  previous: HouseholdRecord,
  data: EventDataByType['resident.moved_out.v1'],
): HouseholdRecord {
  return { ...previous, members: previous.members.filter((m) => m.residentId !== data.residentId) };
}

export const isOccupied = (household: Pick<HouseholdRecord, 'members'>): boolean =>
  household.members.length > 0;

/**
 * Who answers for a household: its first owner still living there, else its first member (a
 * tenant household). One respondent per household, so a household is counted once.
 */
export function respondentOf(household: Pick<HouseholdRecord, 'members'>): string | null {
  return (household.members.find((m) => m.relation === 'OWNER') ?? household.members[0])?.residentId ?? null;
}
