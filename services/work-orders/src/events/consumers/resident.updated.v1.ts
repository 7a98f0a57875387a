import { handlerOf, type EventHandler } from '@courtyard/kernel';
import type { ResidentProjection } from '../../repository/resident-projection.repository.js';

/**
 * A resident's record changed: keep their VIP flag (burst thresholds, seed 001-G). The event
 * carries the flag as it is after the change, so whichever field changed the projection holds
 * the current value; a phone change has nothing to update here (work-orders keeps no resident
 * phone: a request's contact is what intake recorded). Under the resident's key, after their
 * registration; a resident first heard of here (a move seen before) is created.
 */
export const onResidentUpdated = (residents: Pick<ResidentProjection, 'apply'>): EventHandler =>
  handlerOf('resident.updated.v1', async (event, command) => {
    const { residentId, propertyId, vip } = event.data;
    await residents.apply(
      {
        _id: residentId,
        version: 1,
        createdAt: command.now,
        propertyId,
        vip,
        unitId: null,
        householdId: null,
      },
      () => ({ vip }),
      command.causationId,
    );
  });
