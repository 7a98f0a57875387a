import { handlerOf, type EventHandler } from '@courtyard/kernel';
import { afterMoveOut } from '../../domain/households.js';
import type { HouseholdStore } from '../../repository/households.repository.js';

/**
 * A resident moved out: the household without them (not asked by campaigns once nobody is
 * left). A household surveys never saw move in has nothing to change.
 */
export const onResidentMovedOut = (
  store: Pick<HouseholdStore, 'household' | 'recordHousehold'>,
): EventHandler =>
  handlerOf('resident.moved_out.v1', async (event, command) => {
    const previous = await store.household(event.data.householdId);
    if (!previous) return;
    await store.recordHousehold(previous, afterMoveOut(previous, event.data), command.causationId);
  });
