import { handlerOf, type EventHandler } from '@courtyard/kernel';
import { movedHome } from '../../domain/residents.js';
import type { ResidentProjection } from '../../repository/resident-projection.repository.js';

/** A resident moved out of a household: they live nowhere known until they move in again. */
export const onResidentMovedOut = (residents: Pick<ResidentProjection, 'apply'>): EventHandler =>
  handlerOf('resident.moved_out.v1', async (event, command) => {
    const move = { kind: 'OUT' as const, data: event.data };
    await residents.apply(
      {
        _id: event.data.residentId,
        version: 1,
        createdAt: command.now,
        propertyId: event.data.propertyId,
        vip: false,
        unitId: null,
        householdId: null,
      },
      (stored) => movedHome(stored, move),
      command.causationId,
    );
  });
