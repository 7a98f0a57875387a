import { TOPICS, type ConsumerDefinition } from '@courtyard/kernel';
import type { SurveysDeps } from '../../context.js';
import { AfterServiceSurveys } from '../../repository/after-service.repository.js';
import { CallBackStore } from '../../repository/call-backs.repository.js';
import { HouseholdStore } from '../../repository/households.repository.js';
import { onPropertyCreated } from './property.created.v1.js';
import { onResidentMovedIn } from './resident.moved_in.v1.js';
import { onResidentMovedOut } from './resident.moved_out.v1.js';
import { onUnitCreated } from './unit.created.v1.js';
import { PublishedResultsStore } from '../../repository/published-results.repository.js';
import { onResidentRegistered } from './resident.registered.v1.js';
import { onWorkOrderClosed } from './workorder.closed.v1.js';
import { onWorkOrderResolved } from './workorder.resolved.v1.js';

/**
 * The other subgraphs' events this one reacts to: one file per event type beside this one
 * (services/README.md, "Adding a consumer"). A new group starts at offset zero, so requests
 * resolved and properties created before surveys existed are caught up.
 */
export const consumers = (deps: SurveysDeps): ConsumerDefinition[] => {
  const households = new HouseholdStore(deps.models, deps.writer);
  return [
    {
      name: 'after-service',
      topics: [TOPICS.workOrders],
      handlers: {
        'workorder.resolved.v1': onWorkOrderResolved(
          new AfterServiceSurveys(deps.models, deps.writer),
          deps.config.SURVEY_EXPIRY_DAYS,
        ),
        'workorder.closed.v1': onWorkOrderClosed(new AfterServiceSurveys(deps.models, deps.writer)),
      },
    },
    {
      name: 'properties',
      topics: [TOPICS.residents],
      handlers: {
        'property.created.v1': onPropertyCreated(new CallBackStore(deps.models, deps.writer), () =>
          deps.scheduler.nudge(),
        ),
      },
    },
    {
      // Surveys' own view of occupancy, for the campaigns' audiences (as billing keeps its own).
      name: 'households',
      topics: [TOPICS.residents],
      handlers: {
        'unit.created.v1': onUnitCreated(households),
        'resident.moved_in.v1': onResidentMovedIn(households),
        'resident.moved_out.v1': onResidentMovedOut(households),
      },
    },
    {
      // Who lives at which property, for the satisfaction results published to residents.
      name: 'residents',
      topics: [TOPICS.residents],
      handlers: {
        'resident.registered.v1': onResidentRegistered(new PublishedResultsStore(deps.models, deps.writer)),
      },
    },
  ];
};
