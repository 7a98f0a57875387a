import { DomainError, notFound } from '@courtyard/kernel';
import { canListPropertyRecords, canReadResident } from '../domain/access.js';
import type { ResidentRecord } from '../domain/records.js';
import type { ResidentsContext } from '../context.js';

/** Resolver-side guards: load, then apply the domain's access predicates. */
export function assertCanList(context: ResidentsContext, propertyId: string): void {
  if (!canListPropertyRecords(context.caller, propertyId)) {
    throw new DomainError('FORBIDDEN', 'OUTSIDE_PROPERTY_SCOPE', 'You do not act for this property', {
      propertyId,
    });
  }
}

export async function loadReadableResident(context: ResidentsContext, id: string): Promise<ResidentRecord> {
  const resident = (await context.loaders.residentById.load(id)) ?? notFound('Resident', id);
  if (!canReadResident(context.caller, resident)) {
    throw new DomainError('FORBIDDEN', 'NOT_YOUR_RECORD', 'You may not read this resident');
  }
  return resident;
}
