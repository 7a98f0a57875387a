import { handlerOf, type EventHandler } from '@courtyard/kernel';
import { projectUnit } from '../../domain/units.js';
import type { Projections } from '../../repository/projections.repository.js';

/** A unit was created in the residents subgraph: keep its property and area (in hundredths of a m²). */
export const onUnitCreated = (projections: Pick<Projections, 'recordUnit'>): EventHandler =>
  handlerOf('unit.created.v1', async (event, command) => {
    await projections.recordUnit(projectUnit(event.data, command), command.causationId);
  });
