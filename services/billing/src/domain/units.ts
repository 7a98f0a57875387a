import type { CommandContext, EventDataByType } from '@courtyard/kernel/domain';
import { areaInHundredths } from './money.js';
import type { MembershipRecord, UnitRecord } from './records.js';

/** The residents subgraph publishes no unit type yet: every unit is billed as residential. */
export const DEFAULT_UNIT_TYPE = 'RESIDENTIAL';

/** What billing keeps of a unit: its property, number and area in hundredths of a m². */
export function projectUnit(data: EventDataByType['unit.created.v1'], context: CommandContext): UnitRecord {
  return {
    _id: data.unitId,
    version: 1,
    createdAt: context.now,
    propertyId: data.propertyId,
    buildingId: data.buildingId,
    number: data.number,
    areaHundredths: areaInHundredths(data.areaSquareMeters),
    unitType: DEFAULT_UNIT_TYPE,
  };
}

export const membershipId = (unitId: string, residentId: string) => `${unitId}:${residentId}`;

/** A resident joined a unit's household: from now on they read that unit's bills. */
export function projectMembership(
  data: EventDataByType['resident.moved_in.v1'] | EventDataByType['resident.moved_out.v1'],
  current: boolean,
  context: CommandContext,
): MembershipRecord {
  return {
    _id: membershipId(data.unitId, data.residentId),
    version: 1,
    createdAt: context.now,
    propertyId: data.propertyId,
    unitId: data.unitId,
    householdId: data.householdId,
    residentId: data.residentId,
    current,
  };
}
