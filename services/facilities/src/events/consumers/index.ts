import type { ConsumerDefinition } from '@courtyard/kernel';
import type { FacilitiesDeps } from '../../context.js';

/**
 * The other subgraphs' events this one reacts to: one file per event type beside this one,
 * registered here (services/README.md, "Adding a consumer"). None yet.
 */
export const consumers = (_deps: FacilitiesDeps): ConsumerDefinition[] => [];
