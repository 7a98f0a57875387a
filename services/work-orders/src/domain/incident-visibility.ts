import {
  actsForProperty,
  isStaff,
  MATCHES_NOTHING,
  propertyScopeFilter,
  type Caller,
  type Filter,
} from '@courtyard/kernel/domain';
import type { IncidentRecord } from './records.js';

/**
 * Who reads an incident (beside its MongoDB twin, as in `visibility.ts`): it is the property's
 * own business, so its staff read it; quality inspectors and the system read every one; residents
 * and partners none (they see their own requests, not the burst they belong to).
 */
export function canReadIncident(actor: Caller, incident: Pick<IncidentRecord, 'propertyId'>): boolean {
  if (actor.role === 'SYSTEM' || actor.role === 'QUALITY_INSPECTOR') return true;
  return isStaff(actor) && actsForProperty(actor, incident.propertyId);
}

/** `canReadIncident` as a filter: a list returns exactly what a single read allows. */
export function incidentsReadableBy(actor: Caller): Filter {
  if (actor.role === 'SYSTEM' || actor.role === 'QUALITY_INSPECTOR') return {};
  if (!isStaff(actor)) return MATCHES_NOTHING;
  return propertyScopeFilter(actor);
}
