import {
  domainEvent,
  parseInput,
  requireStaffOf,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { EDITORS } from './access.js';
import { createFacilityInput } from './inputs.js';
import type { FacilityRecord } from './records.js';

/** One pure function per command: input, caller, time and ids in; the record and its events out. */
export function createFacility(input: unknown, context: CommandContext): Decision<FacilityRecord> {
  const valid = parseInput(createFacilityInput, input);
  requireStaffOf(context.actor, valid.propertyId, EDITORS, 'create facilities');
  const record: FacilityRecord = {
    _id: context.newId(),
    version: 1,
    createdAt: context.now,
    propertyId: valid.propertyId,
    name: valid.name,
  };
  return {
    record,
    events: [
      domainEvent(
        'facility.created.v1',
        { id: record._id, propertyId: record.propertyId },
        {
          facilityId: record._id,
          propertyId: record.propertyId,
          name: record.name,
          createdAt: context.now.toISOString(),
        },
        context,
      ),
    ],
  };
}
