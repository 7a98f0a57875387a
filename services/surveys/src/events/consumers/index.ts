import { TOPICS, UNHURRIED_BATCH_WINDOW_MS, type ConsumerDefinition } from '@courtyard/kernel';
import type { SurveysDeps } from '../../context.js';
import { AfterServiceSurveys } from '../../repository/after-service.repository.js';
import { CallBackStore } from '../../repository/call-backs.repository.js';
import { HouseholdStore } from '../../repository/households.repository.js';
import { PublishedResultsStore } from '../../repository/published-results.repository.js';
import { residentsProjection } from './residents-projection.js';
import { onWorkOrderClosed } from './workorder.closed.v1.js';
import { onWorkOrderResolved } from './workorder.resolved.v1.js';

/**
 * The other subgraphs' events this one reacts to: one file per event type beside this one
 * (services/README.md, "Adding a consumer"). A new group starts at offset zero, so requests
 * resolved and properties created before surveys existed are caught up.
 */
export const consumers = (deps: SurveysDeps): ConsumerDefinition[] => [
  {
    name: 'after-service',
    topics: [TOPICS.workOrders],
    // The survey is sent after the visit; its days-long answer window does not notice the wait.
    batchWindowMs: UNHURRIED_BATCH_WINDOW_MS,
    handlers: {
      'workorder.resolved.v1': onWorkOrderResolved(
        new AfterServiceSurveys(deps.models, deps.writer),
        deps.config.SURVEY_EXPIRY_DAYS,
      ),
      'workorder.closed.v1': onWorkOrderClosed(new AfterServiceSurveys(deps.models, deps.writer)),
    },
  },
  {
    // One group for all of residents.events (call-back schedules, occupancy, where residents
    // live): a new name, so it starts at offset zero and catches up, applying nothing twice.
    name: 'residents-projection',
    topics: [TOPICS.residents],
    handlers: residentsProjection(
      {
        callBacks: new CallBackStore(deps.models, deps.writer),
        households: new HouseholdStore(deps.models, deps.writer),
        residents: new PublishedResultsStore(deps.models, deps.writer),
      },
      () => deps.scheduler.nudge(),
    ),
  },
];
