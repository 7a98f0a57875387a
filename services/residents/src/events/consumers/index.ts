import type { ConsumerDefinition } from '@courtyard/kernel';
import type { ResidentsDeps } from '../../context.js';

/**
 * The other subgraphs' events residents reacts to: none yet (it is where properties, units and
 * people begin). A reaction goes in a file per event type beside this one (services/README.md).
 */
export const consumers = (_deps: ResidentsDeps): ConsumerDefinition[] => [];
