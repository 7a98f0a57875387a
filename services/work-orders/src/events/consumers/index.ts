import { TOPICS, type ConsumerDefinition } from '@courtyard/kernel';
import type { WorkOrdersDeps } from '../../context.js';
import { PropertyProjection } from '../../repository/property-projection.repository.js';
import { onPropertyCreated } from './property.created.v1.js';

/**
 * What work-orders reacts to, one handler file per event type. The `properties` group reads
 * `residents.events` from offset zero when it is new, so properties created before this
 * consumer existed are caught up.
 */
export const consumers = (deps: WorkOrdersDeps): ConsumerDefinition[] => [
  {
    name: 'properties',
    topics: [TOPICS.residents],
    handlers: {
      'property.created.v1': onPropertyCreated(new PropertyProjection(deps.models, deps.writer)),
    },
  },
];
