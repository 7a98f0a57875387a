import type { CommandContext, EventDataByType } from '@courtyard/kernel/domain';
import type { ResidencyRecord } from './records.js';

/** A resident's home at a property, as a move-in (`current`) or move-out leaves it. */
export function projectResidency(
  data: EventDataByType['resident.moved_in.v1'] | EventDataByType['resident.moved_out.v1'],
  current: boolean,
  context: CommandContext,
): ResidencyRecord {
  return {
    _id: `${data.unitId}:${data.residentId}`,
    version: 1,
    createdAt: context.now,
    propertyId: data.propertyId,
    unitId: data.unitId,
    residentId: data.residentId,
    current,
  };
}
