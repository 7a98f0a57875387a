import {
  actsForProperty,
  isStaff,
  MATCHES_NOTHING as NOTHING,
  propertyScopeFilter,
  type Caller,
  type Filter,
} from '@courtyard/kernel/domain';
import type { HouseholdRecord, ResidentRecord } from './records.js';

/**
 * Each read rule beside its MongoDB twin: the predicate decides a single read, the filter a
 * list, and `visibility.spec.ts` proves for every role and record shape that they agree. The
 * filters are plain objects (the repository hands them to mongoose; the domain knows no driver).
 */
export type { Filter } from '@courtyard/kernel/domain';

/**
 * A property's people and households: its staff; quality inspectors every property's, as the
 * access gate already lets them list (服务、监督两条线); the system.
 */
export const canListPropertyRecords = (caller: Caller, propertyId: string): boolean =>
  caller.role === 'SYSTEM' ||
  caller.role === 'QUALITY_INSPECTOR' ||
  (isStaff(caller) && actsForProperty(caller, propertyId));

export function propertyRecordsReadableBy(caller: Caller): Filter {
  if (caller.role === 'SYSTEM' || caller.role === 'QUALITY_INSPECTOR') return {};
  if (!isStaff(caller)) return NOTHING;
  return propertyScopeFilter(caller);
}

/** A resident record: staff of its property, or the resident themself. */
export const canReadResident = (
  caller: Caller,
  resident: Pick<ResidentRecord, '_id' | 'propertyId'>,
): boolean =>
  canListPropertyRecords(caller, resident.propertyId) ||
  (caller.role === 'RESIDENT' && caller.residentId === resident._id);

export function residentsReadableBy(caller: Caller): Filter {
  if (caller.role !== 'RESIDENT') return propertyRecordsReadableBy(caller);
  return caller.residentId === undefined ? NOTHING : { _id: caller.residentId };
}

/** A household: staff of its property, or one of its current members (not those who moved out). */
export const canReadHousehold = (
  caller: Caller,
  household: Pick<HouseholdRecord, 'propertyId'> & {
    members: ReadonlyArray<{ residentId: string; movedOutOn: string | null }>;
  },
): boolean =>
  canListPropertyRecords(caller, household.propertyId) ||
  (caller.role === 'RESIDENT' &&
    household.members.some(
      (member) => member.residentId === caller.residentId && member.movedOutOn === null,
    ));

export function householdsReadableBy(caller: Caller): Filter {
  if (caller.role !== 'RESIDENT') return propertyRecordsReadableBy(caller);
  if (caller.residentId === undefined) return NOTHING;
  return { members: { $elemMatch: { residentId: caller.residentId, movedOutOn: null } } };
}
