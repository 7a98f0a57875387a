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
 * Staff of its property read a facility; quality inspectors (and the system) read every one.
 * Residents and partners read none here (a resident's fault report comes in a later issue).
 */
const readsAll = (caller: Caller) => caller.role === 'SYSTEM' || caller.role === 'QUALITY_INSPECTOR';

export const canReadFacility = (caller: Caller, record: Pick<FacilityRecord, 'propertyId'>): boolean =>
  readsAll(caller) || (isStaff(caller) && actsForProperty(caller, record.propertyId));

/**
 * Who may report a fault on a facility: whoever reads it, and a partner acting for its property
 * (the smart-building vendor reports by facility id; it reads nothing back but its fault).
 */
export const canReportFaultOn = (caller: Caller, record: Pick<FacilityRecord, 'propertyId'>): boolean =>
  canReadFacility(caller, record) ||
  (caller.role === 'PARTNER' && actsForProperty(caller, record.propertyId));

export const facilitiesReadableBy = (caller: Caller): Filter =>
  readsAll(caller) ? {} : isStaff(caller) ? propertyScopeFilter(caller) : MATCHES_NOTHING;

/** Service partners, meters and inspections of a property are read like its facilities. */
export const canReadPropertyRecord = canReadFacility;
export const propertyRecordsReadableBy = facilitiesReadableBy;
/** Maintenance plans and tasks are read like the facilities they are for: by property. */
export const canReadMaintenance = canReadFacility;
export const maintenanceReadableBy = facilitiesReadableBy;
