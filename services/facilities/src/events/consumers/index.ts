import { TOPICS, type ConsumerDefinition } from '@courtyard/kernel';
import type { FacilitiesDeps } from '../../context.js';
import { FacilitiesRepository } from '../../repository/facilities.repository.js';
import { onRepairResolved } from './workorder.resolved.v1.js';

/**
 * The other subgraphs' events this one reacts to, one handler file per event type
 * (services/README.md, "Adding a consumer"). The `repairs` group reads `workorders.events`.
 */
export const consumers = (deps: FacilitiesDeps): ConsumerDefinition[] => [
  {
    name: 'repairs',
    topics: [TOPICS.workOrders],
    handlers: {
      'workorder.resolved.v1': onRepairResolved(new FacilitiesRepository(deps.models, deps.writer)),
    },
  },
];
