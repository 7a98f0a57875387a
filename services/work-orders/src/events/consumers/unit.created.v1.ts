import { handlerOf, type EventHandler } from '@courtyard/kernel';
import type { UnitProjection } from '../../repository/unit-projection.repository.js';

/** A unit was added to a building: remember its property, so intake can check unit ids. */
export const onUnitCreated = (units: Pick<UnitProjection, 'record'>): EventHandler =>
  handlerOf('unit.created.v1', async (event, command) => {
    await units.record(
      {
        _id: event.data.unitId,
        version: 1,
        createdAt: command.now,
        propertyId: event.data.propertyId,
        buildingId: event.data.buildingId,
        number: event.data.number,
      },
      command.causationId,
    );
  });
