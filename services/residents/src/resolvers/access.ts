import { DomainError, notFound } from '@courtyard/kernel';
import { canReadHousehold, canReadResident } from '../domain/access.js';
import type { HouseholdRecord, ResidentRecord } from '../domain/records.js';
import type { ResidentsContext } from '../context.js';

/** Resolver-side record checks: load, then apply the domain's access predicates. */
export async function loadReadableResident(context: ResidentsContext, id: string): Promise<ResidentRecord> {
  const resident = (await context.loaders.residentById.load(id)) ?? notFound('Resident', id);
  if (!canReadResident(context.caller, resident)) {
    throw new DomainError('FORBIDDEN', 'NOT_YOUR_RECORD', 'You may not read this resident');
  }
  return resident;
}

export async function loadReadableHousehold(
  context: ResidentsContext,
  id: string,
): Promise<HouseholdRecord | null> {
  const household = await context.loaders.householdById.load(id);
  if (household && !canReadHousehold(context.caller, household)) {
    throw new DomainError('FORBIDDEN', 'NOT_YOUR_RECORD', 'You may not read this household');
  }
  return household;
}
