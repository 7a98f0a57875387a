import type { EventHandler } from '@courtyard/kernel';
import type { CallBackStore } from '../../repository/call-backs.repository.js';
import type { HouseholdStore } from '../../repository/households.repository.js';
import type { PublishedResultsStore } from '../../repository/published-results.repository.js';
import { onPropertyCreated } from './property.created.v1.js';
import { onResidentMovedIn } from './resident.moved_in.v1.js';
import { onResidentMovedOut } from './resident.moved_out.v1.js';
import { onResidentRegistered } from './resident.registered.v1.js';
import { onUnitCreated } from './unit.created.v1.js';

export interface ResidentsProjectionStores {
  callBacks: Pick<CallBackStore, 'recordSchedule'>;
  households: Pick<HouseholdStore, 'recordUnit' | 'household' | 'recordHousehold'>;
  residents: Pick<PublishedResultsStore, 'recordResident'>;
}

/**
 * Everything surveys keeps of the residents subgraph, from one pass over `residents.events`: the
 * call-back schedules (`property.created.v1`), the occupancy campaigns ask (`unit.created.v1`,
 * `resident.moved_in.v1`, `resident.moved_out.v1`) and who lives where, for published results
 * (`resident.registered.v1`). One consumer group, so each event is read and decoded once rather
 * than once per projection; each write carries its event as cause, so a redelivery (or the
 * group's first catch-up over events the former groups already applied) changes nothing.
 */
export const residentsProjection = (
  stores: ResidentsProjectionStores,
  nudgeCallBacks: () => void = () => undefined,
): Readonly<Record<string, EventHandler>> => ({
  'property.created.v1': onPropertyCreated(stores.callBacks, nudgeCallBacks),
  'unit.created.v1': onUnitCreated(stores.households),
  'resident.moved_in.v1': onResidentMovedIn(stores.households),
  'resident.moved_out.v1': onResidentMovedOut(stores.households),
  'resident.registered.v1': onResidentRegistered(stores.residents),
});
