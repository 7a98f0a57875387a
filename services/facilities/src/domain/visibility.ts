import {
  actsForProperty,
  isStaff,
  MATCHES_NOTHING,
  propertyScopeFilter,
  type Caller,
  type Filter,
} from '@courtyard/kernel/domain';
import type { FacilityRecord } from './records.js';

/**
 * Each read rule beside its MongoDB twin: the predicate decides a single read, the filter a
 * list, and `visibility.spec.ts` proves for every role and record shape that they agree.
 */
export const canReadFacility = (caller: Caller, record: Pick<FacilityRecord, 'propertyId'>): boolean =>
  caller.role === 'SYSTEM' || (isStaff(caller) && actsForProperty(caller, record.propertyId));

export const facilitiesReadableBy = (caller: Caller): Filter =>
  caller.role === 'SYSTEM' || isStaff(caller) ? propertyScopeFilter(caller) : MATCHES_NOTHING;
