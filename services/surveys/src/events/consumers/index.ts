import { TOPICS, type ConsumerDefinition } from '@courtyard/kernel';
import type { SurveysDeps } from '../../context.js';
import { AfterServiceSurveys } from '../../repository/after-service.repository.js';
import { onWorkOrderResolved } from './workorder.resolved.v1.js';

/**
 * The other subgraphs' events this one reacts to: one file per event type beside this one
 * (services/README.md, "Adding a consumer"). The `after-service` group starts at offset zero
 * when new, so requests resolved before surveys existed get their survey too.
 */
export const consumers = (deps: SurveysDeps): ConsumerDefinition[] => [
  {
    name: 'after-service',
    topics: [TOPICS.workOrders],
    handlers: {
      'workorder.resolved.v1': onWorkOrderResolved(
        new AfterServiceSurveys(deps.models, deps.writer),
        deps.directory,
        deps.config.SURVEY_EXPIRY_DAYS,
      ),
    },
  },
];
