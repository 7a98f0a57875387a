import { handlerOf, type EventHandler } from '@courtyard/kernel';
import { projectMembership } from '../../domain/units.js';
import type { Projections } from '../../repository/projections.repository.js';

/** A resident moved into a unit's household: they read its bills from now on. */
export const onResidentMovedIn = (projections: Pick<Projections, 'recordMembership'>): EventHandler =>
  handlerOf('resident.moved_in.v1', async (event, command) => {
    await projections.recordMembership(projectMembership(event.data, true, command), command.causationId);
  });
