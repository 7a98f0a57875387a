import type { CommandContext, EventDataByType } from '@courtyard/kernel/domain';
import type { ResidentRecord } from './records.js';

/**
 * What work-orders knows of a resident, from the residents subgraph's events: whether they are a
 * VIP (burst thresholds, seed 001-G) and their unit and household now. No name or phone: the
 * request's contact details are what intake records, and personal data stays with residents.
 */
export function projectResident(
  data: EventDataByType['resident.registered.v1'],
  context: CommandContext,
): ResidentRecord {
  return {
    _id: data.residentId,
    version: 1,
    createdAt: context.now,
    propertyId: data.propertyId,
    vip: data.vip,
    unitId: null,
    householdId: null,
  };
}

/** Where a move leaves the resident: in the unit's household, or (moved out of it) nowhere. */
export function movedHome(
  resident: Pick<ResidentRecord, 'unitId' | 'householdId'>,
  move:
    | { kind: 'IN'; data: EventDataByType['resident.moved_in.v1'] }
    | { kind: 'OUT'; data: EventDataByType['resident.moved_out.v1'] },
): Pick<ResidentRecord, 'unitId' | 'householdId'> {
  if (move.kind === 'IN') return { unitId: move.data.unitId, householdId: move.data.householdId };
  // A move out of another household than the current one (events of two households) changes nothing.
  return resident.householdId === move.data.householdId ? { unitId: null, householdId: null } : resident;
}
