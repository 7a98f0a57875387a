import { handlerOf, type EventHandler } from '@courtyard/kernel';
import { afterMoveIn } from '../../domain/households.js';
import type { HouseholdStore } from '../../repository/households.repository.js';

/** A resident moved into a household: it is occupied, and campaigns ask it from now on. */
export const onResidentMovedIn = (
  store: Pick<HouseholdStore, 'household' | 'recordHousehold'>,
): EventHandler =>
  handlerOf('resident.moved_in.v1', async (event, command) => {
    const previous = await store.household(event.data.householdId);
    await store.recordHousehold(previous, afterMoveIn(previous, event.data, command), command.causationId);
  });
