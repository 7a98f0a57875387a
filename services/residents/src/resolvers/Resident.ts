import { DomainError, notFound, referenceId } from '@courtyard/kernel';
import type { ResidentResolvers } from '../__generated__/resolvers-types.js';
import { canReadFullPii } from '../domain/access.js';
import { maskIdDocumentNumber, maskPhone } from '../domain/pii.js';
import type { PiiField, ResidentRecord } from '../domain/records.js';
import type { ResidentsContext } from '../context.js';

/** A full read is served only after its access-log entry is written (who, when, which field). */
async function revealed(resident: ResidentRecord, field: PiiField, value: string, context: ResidentsContext) {
  if (!canReadFullPii(context.caller, resident.propertyId)) {
    throw new DomainError(
      'FORBIDDEN',
      'PII_NOT_ALLOWED',
      'Only staff of this property may read personal data in full',
    );
  }
  await context.loaders.piiAccessLog.load({
    propertyId: resident.propertyId,
    residentId: resident._id,
    field,
    actorId: context.caller.subject,
    actorRole: context.caller.role,
    requestId: context.requestId,
    createdAt: context.now,
  });
  return value;
}

export const Resident: ResidentResolvers = {
  __resolveReference: (ref, context) => context.reads.resident(context.caller, referenceId(ref)),
  id: (resident) => resident._id,
  property: async (resident, _, context) =>
    (await context.loaders.propertyById.load(resident.propertyId)) ??
    notFound('Property', resident.propertyId),
  phone: (resident, { full }, context) =>
    full ? revealed(resident, 'PHONE', resident.phone, context) : maskPhone(resident.phone),
  idDocumentNumber: (resident, { full }, context) => {
    if (resident.idDocumentNumber === null) return null;
    return full
      ? revealed(resident, 'ID_DOCUMENT_NUMBER', resident.idDocumentNumber, context)
      : maskIdDocumentNumber(resident.idDocumentNumber);
  },
  households: (resident, _, context) => context.reads.householdsOf(context.caller, resident._id),
  preferredContactChannel: (resident) => resident.preferredContactChannel ?? null,
  history: (resident) => resident.history ?? [],
};
