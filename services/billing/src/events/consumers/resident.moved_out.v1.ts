import { handlerOf, type EventHandler } from '@courtyard/kernel';
import { projectMembership } from '../../domain/units.js';
import type { Projections } from '../../repository/projections.repository.js';

/** A resident moved out: they no longer read the unit's bills. */
export const onResidentMovedOut = (projections: Pick<Projections, 'recordMembership'>): EventHandler =>
  handlerOf('resident.moved_out.v1', async (event, command) => {
    await projections.recordMembership(projectMembership(event.data, false, command), command.causationId);
  });
