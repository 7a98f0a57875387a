import { TOPICS, UNHURRIED_BATCH_WINDOW_MS, type ConsumerDefinition } from '@courtyard/kernel';
import type { BillingDeps } from '../../context.js';
import { Projections } from '../../repository/projections.repository.js';
import { onResidentMovedIn } from './resident.moved_in.v1.js';
import { onResidentMovedOut } from './resident.moved_out.v1.js';
import { onUnitCreated } from './unit.created.v1.js';
import { onWorkOrderClosed } from './workorder.closed.v1.js';

/**
 * The other subgraphs' events billing reacts to, one file per event type (services/README.md,
 * "Adding a consumer"). New groups start at offset zero, so units and households created before
 * billing existed are caught up.
 */
export const consumers = (deps: BillingDeps): ConsumerDefinition[] => {
  const projections = new Projections(deps.models, deps.writer);
  return [
    {
      name: 'units',
      topics: [TOPICS.residents],
      handlers: {
        'unit.created.v1': onUnitCreated(projections),
        'resident.moved_in.v1': onResidentMovedIn(projections),
        'resident.moved_out.v1': onResidentMovedOut(projections),
      },
    },
    {
      name: 'paid-services',
      topics: [TOPICS.workOrders],
      // A closed request's charge is billed in the period; a quarter second changes nothing.
      batchWindowMs: UNHURRIED_BATCH_WINDOW_MS,
      handlers: { 'workorder.closed.v1': onWorkOrderClosed(projections) },
    },
  ];
};
