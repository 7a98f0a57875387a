import { handlerOf, type EventHandler } from '@courtyard/kernel';
import { projectResidency } from '../../domain/residency.js';
import type { Residencies } from '../../repository/residencies.repository.js';

/** A resident moved in: from now on they report faults in the property's shared facilities. */
export const onResidentMovedIn = (residencies: Pick<Residencies, 'record'>): EventHandler =>
  handlerOf('resident.moved_in.v1', async (event, command) => {
    await residencies.record(projectResidency(event.data, true, command), command.causationId);
  });
