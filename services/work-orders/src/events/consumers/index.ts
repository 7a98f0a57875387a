import { TOPICS, type ConsumerDefinition } from '@courtyard/kernel';
import type { WorkOrdersDeps } from '../../context.js';
import { createLoaders } from '../../repository/loaders.js';
import { PropertyProjection } from '../../repository/property-projection.repository.js';
import { ResidentProjection } from '../../repository/resident-projection.repository.js';
import { WorkOrdersRepository } from '../../repository/work-orders.repository.js';
import { onFaultReported } from './facility.fault_reported.v1.js';
import { onPropertyCreated } from './property.created.v1.js';
import { onResidentMovedIn } from './resident.moved_in.v1.js';
import { onResidentMovedOut } from './resident.moved_out.v1.js';
import { onResidentRegistered } from './resident.registered.v1.js';
import { onResidentUpdated } from './resident.updated.v1.js';
import { onSurveyCompleted } from './survey.completed.v1.js';
import { onUnitCreated } from './unit.created.v1.js';
import { UnitProjection } from '../../repository/unit-projection.repository.js';

/**
 * What work-orders reacts to, one handler file per event type. The `properties` group reads
 * `residents.events` from offset zero when it is new, so properties created before this
 * consumer existed are caught up; `facility-faults` reads `facilities.events`; `survey-follow-ups`
 * reads `surveys.events` (a phone follow-up recorded as a survey is the request's follow-up);
 * `residents` reads `residents.events` from offset zero too, for who is a VIP (seed 001-G) and
 * where they live; `units` reads it from offset zero too, the units intake checks references against.
 */
export const consumers = (deps: WorkOrdersDeps): ConsumerDefinition[] => {
  const properties = new PropertyProjection(deps.models, deps.writer, deps.propertyCache);
  const residents = new ResidentProjection(deps.models, deps.writer);
  return [
    {
      name: 'properties',
      topics: [TOPICS.residents],
      handlers: {
        'property.created.v1': onPropertyCreated(properties),
      },
    },
    {
      name: 'residents',
      topics: [TOPICS.residents],
      handlers: {
        'resident.registered.v1': onResidentRegistered(residents),
        'resident.moved_in.v1': onResidentMovedIn(residents),
        'resident.moved_out.v1': onResidentMovedOut(residents),
        'resident.updated.v1': onResidentUpdated(residents),
      },
    },
    {
      name: 'units',
      topics: [TOPICS.residents],
      handlers: {
        'unit.created.v1': onUnitCreated(new UnitProjection(deps.models, deps.writer)),
      },
    },
    {
      name: 'facility-faults',
      topics: [TOPICS.facilities],
      handlers: {
        'facility.fault_reported.v1': onFaultReported(
          () => new WorkOrdersRepository(deps.models, deps.db, deps.writer, createLoaders(deps.models)),
          properties,
          deps.config.FACILITY_FAULT_CALLBACK_PHONE,
        ),
      },
    },
    {
      name: 'survey-follow-ups',
      topics: [TOPICS.surveys],
      handlers: {
        'survey.completed.v1': onSurveyCompleted(() => {
          const loaders = createLoaders(deps.models);
          const repository = new WorkOrdersRepository(deps.models, deps.db, deps.writer, loaders);
          return {
            load: (id) => loaders.helpRequestById.load(id),
            save: (before, decision, causationId) =>
              repository.saveHelpRequest(before, decision, causationId),
          };
        }),
      },
    },
  ];
};
