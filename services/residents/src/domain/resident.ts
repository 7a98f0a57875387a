import {
  domainEvent,
  parseInput,
  requireStaffOf,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { RESIDENT_REGISTRARS } from './access.js';
import { registerResidentInput } from './inputs.js';
import type { PropertyRecord, ResidentRecord } from './records.js';

export function registerResident(
  input: unknown,
  property: PropertyRecord,
  context: CommandContext,
): Decision<ResidentRecord> {
  const valid = parseInput(registerResidentInput, input);
  requireStaffOf(context.actor, property._id, RESIDENT_REGISTRARS, 'register residents');
  const record: ResidentRecord = {
    _id: context.newId(),
    version: 1,
    createdAt: context.now,
    propertyId: property._id,
    name: valid.name,
    kind: valid.kind,
    phone: valid.phone,
    idDocumentNumber: valid.idDocumentNumber,
    vip: valid.vip,
    preferredContactChannel: null,
    history: [],
  };
  return {
    record,
    events: [
      domainEvent(
        'resident.registered.v1',
        { id: record._id, propertyId: property._id },
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
