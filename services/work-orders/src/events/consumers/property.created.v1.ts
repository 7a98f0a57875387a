import type { EventDataByType, EventHandler } from '@courtyard/kernel';
import { projectProperty } from '../../domain/properties.js';
import type { PropertyProjection } from '../../repository/property-projection.repository.js';

/** A property was created in the residents subgraph: remember its time zone (and name) here. */
export const onPropertyCreated =
  (properties: Pick<PropertyProjection, 'record'>): EventHandler =>
  async (event, command) => {
    const property = projectProperty(event.data as EventDataByType['property.created.v1'], command);
    await properties.record(property, command.causationId);
  };
