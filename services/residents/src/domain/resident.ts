import { randomUUID } from 'node:crypto';
import { parseInput, requireStaffOf } from '@courtyard/kernel';
import { RESIDENT_EVENTS, residentsEvent } from '../events/residents.events.js';
import { RESIDENT_REGISTRARS } from './access.js';
import type { CommandContext } from './command.js';
import type { Decision } from './decision.js';
import { registerResidentInput } from './inputs.js';
import type { PropertyRecord, ResidentRecord } from './records.js';

export function registerResident(
  input: unknown,
  property: PropertyRecord,
  context: CommandContext,
): Decision<ResidentRecord> {
  const valid = parseInput(registerResidentInput, input);
  requireStaffOf(context.actor, property._id, RESIDENT_REGISTRARS);
  const record: ResidentRecord = {
    _id: randomUUID(),
    version: 1,
    createdAt: context.now,
    propertyId: property._id,
    name: valid.name,
    kind: valid.kind,
    phone: valid.phone,
    idDocumentNumber: valid.idDocumentNumber,
    vip: valid.vip,
  };
  return {
    record,
    events: [
      residentsEvent(
        RESIDENT_EVENTS.residentRegistered,
        record._id,
        property._id,
        {
          residentId: record._id,
          propertyId: property._id,
          kind: record.kind,
          vip: record.vip,
          registeredAt: context.now.toISOString(),
        },
        context,
      ),
    ],
  };
}
