import {
  domainEvent,
  DomainError,
  parseInput,
  requireStaffOf,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { RESIDENT_EDITORS } from './access.js';
import { updateResidentContactDetailsInput, updateResidentInput } from './inputs.js';
import type {
  ResidentChangeRecord,
  ResidentField,
  ResidentFieldChangeRecord,
  ResidentRecord,
} from './records.js';

/**
 * A resident's record after a change, with the history entry recording it; `change` is null
 * (and there are no events) when the input changes nothing, so a form sent twice writes once.
 */
export interface ResidentUpdate extends Decision<ResidentRecord> {
  change: ResidentChangeRecord | null;
}

type Wanted = Partial<Pick<ResidentRecord, ResidentField>>;

/** The order fields are compared, listed in the history and named in the event. */
const FIELDS: readonly ResidentField[] = [
  'name',
  'kind',
  'phone',
  'idDocumentNumber',
  'vip',
  'preferredContactChannel',
];

const asText = (value: string | boolean | null | undefined): string | null =>
  value === null || value === undefined ? null : String(value);

/** The resident changes their own contact details (phone, preferred channel); nothing else. */
export function updateResidentContactDetails(
  input: unknown,
  resident: ResidentRecord,
  context: CommandContext,
): ResidentUpdate {
  const valid = parseInput(updateResidentContactDetailsInput, input);
  // The resolver loads the caller's own record; anyone else is told it does not exist.
  if (context.actor.role !== 'RESIDENT' || context.actor.residentId !== resident._id) {
    throw new DomainError('NOT_FOUND', 'RESIDENT_NOT_FOUND', `Resident ${resident._id} not found`);
  }
  return changeResident(resident, valid, null, context);
}

/** The property's office changes a resident's record; the reason, when given, goes on the history. */
export function updateResident(
  input: unknown,
  resident: ResidentRecord,
  context: CommandContext,
): ResidentUpdate {
  const { residentId, reason, ...wanted } = parseInput(updateResidentInput, input);
  if (residentId !== resident._id) {
    throw new DomainError('NOT_FOUND', 'RESIDENT_NOT_FOUND', `Resident ${residentId} not found`);
  }
  requireStaffOf(context.actor, resident.propertyId, RESIDENT_EDITORS, 'update residents');
  return changeResident(resident, wanted, reason, context);
}

function changeResident(
  resident: ResidentRecord,
  wanted: Wanted,
  reason: string | null,
  context: CommandContext,
): ResidentUpdate {
  const before = { ...resident, preferredContactChannel: resident.preferredContactChannel ?? null };
  const changes: ResidentFieldChangeRecord[] = FIELDS.filter(
    (field) => wanted[field] !== undefined && wanted[field] !== before[field],
  ).map((field) => ({ field, from: asText(before[field]), to: asText(wanted[field]) }));
  const [first, ...rest] = changes.map(({ field }) => field);
  if (first === undefined) return { record: resident, events: [], change: null };

  const set = Object.fromEntries(changes.map(({ field }) => [field, wanted[field]])) as Wanted;
  const change: ResidentChangeRecord = {
    at: context.now,
    actorId: context.actor.subject,
    actorRole: context.actor.role,
    actorName: context.actor.name ?? null,
    reason,
    changes,
  };
  const record: ResidentRecord = {
    ...before,
    ...set,
    version: resident.version + 1,
    history: [...(resident.history ?? []), change],
  };
  return {
    record,
    change,
    events: [
      domainEvent(
        'resident.updated.v1',
        { id: record._id, propertyId: record.propertyId },
        {
          residentId: record._id,
          propertyId: record.propertyId,
          version: record.version,
          changedFields: [first, ...rest],
          kind: record.kind,
          vip: record.vip,
          preferredContactChannel: record.preferredContactChannel ?? null,
          changedBy: { actorId: change.actorId, actorRole: change.actorRole },
          updatedAt: context.now.toISOString(),
        },
        context,
      ),
    ],
  };
}
