import { handlerOf, type EventHandler } from '@courtyard/kernel';
import { projectUnit } from '../../domain/households.js';
import type { HouseholdStore } from '../../repository/households.repository.js';

/** A unit was created in the residents subgraph: keep its building, for response rates per building. */
export const onUnitCreated = (store: Pick<HouseholdStore, 'recordUnit'>): EventHandler =>
  handlerOf('unit.created.v1', async (event, command) => {
    await store.recordUnit(projectUnit(event.data, command), command.causationId);
  });
