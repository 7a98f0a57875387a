import { handlerOf, type EventHandler } from '@courtyard/kernel';
import type { PublishedResultsStore } from '../../repository/published-results.repository.js';

/**
 * A resident was registered at a property: remember where they live, so that they (and only the
 * residents of that property) read its published satisfaction results. Applied once: the record's
 * `_id` is the resident's and the insert carries the event as its cause, so a replay changes nothing.
 */
export const onResidentRegistered = (store: Pick<PublishedResultsStore, 'recordResident'>): EventHandler =>
  handlerOf('resident.registered.v1', async (event, command) => {
    await store.recordResident(
      {
        _id: event.data.residentId,
        version: 1,
        createdAt: command.now,
        propertyId: event.data.propertyId,
      },
      command.causationId,
    );
  });
