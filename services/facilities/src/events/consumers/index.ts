import { TOPICS, UNHURRIED_BATCH_WINDOW_MS, type ConsumerDefinition } from '@courtyard/kernel';
import type { FacilitiesDeps } from '../../context.js';
import { FacilitiesRepository } from '../../repository/facilities.repository.js';
import { onResidentMovedIn } from './resident.moved_in.v1.js';
import { onResidentMovedOut } from './resident.moved_out.v1.js';
import { MaintenanceRepository } from '../../repository/maintenance.repository.js';
import { onPropertyCreated } from './property.created.v1.js';
import { onRepairResolved } from './workorder.resolved.v1.js';

/**
 * The other subgraphs' events this one reacts to, one handler file per event type
 * (services/README.md, "Adding a consumer"). The `repairs` group reads `workorders.events`;
 * `residencies` reads `residents.events` (who lives where, for residents' fault reports).
 * `properties` reads `residents.events` (from offset zero when new, so properties created before
 * it existed get their default maintenance plans too).
 */
export const consumers = (deps: FacilitiesDeps): ConsumerDefinition[] => [
  {
    name: 'repairs',
    topics: [TOPICS.workOrders],
    // No time limit runs on a repair's record after its request is resolved.
    batchWindowMs: UNHURRIED_BATCH_WINDOW_MS,
    handlers: {
      'workorder.resolved.v1': onRepairResolved(new FacilitiesRepository(deps.models, deps.writer)),
    },
  },
  {
    name: 'residencies',
    topics: [TOPICS.residents],
    handlers: {
      'resident.moved_in.v1': onResidentMovedIn(deps.residencies),
      'resident.moved_out.v1': onResidentMovedOut(deps.residencies),
    },
  },
  {
    name: 'properties',
    topics: [TOPICS.residents],
    handlers: {
      'property.created.v1': onPropertyCreated(new MaintenanceRepository(deps.models, deps.writer)),
    },
  },
];
