import { handlerOf, type EventHandler } from '@courtyard/kernel';
import { movedHome } from '../../domain/residents.js';
import type { ResidentProjection } from '../../repository/resident-projection.repository.js';

/** A resident moved into a unit's household (it may arrive before their registration). */
export const onResidentMovedIn = (residents: Pick<ResidentProjection, 'apply'>): EventHandler =>
  handlerOf('resident.moved_in.v1', async (event, command) => {
    const move = { kind: 'IN' as const, data: event.data };
    await residents.apply(
      {
        _id: event.data.residentId,
        version: 1,
        createdAt: command.now,
        propertyId: event.data.propertyId,
        vip: false,
        ...movedHome({ unitId: null, householdId: null }, move),
      },
      (stored) => movedHome(stored, move),
      command.causationId,
    );
  });
