import { handlerOf, type EventHandler } from '@courtyard/kernel';
import { projectResidency } from '../../domain/residency.js';
import type { Residencies } from '../../repository/residencies.repository.js';

/** A resident moved out: no more fault reports on that property's facilities from them. */
export const onResidentMovedOut = (residencies: Pick<Residencies, 'record'>): EventHandler =>
  handlerOf('resident.moved_out.v1', async (event, command) => {
    await residencies.record(projectResidency(event.data, false, command), command.causationId);
  });
