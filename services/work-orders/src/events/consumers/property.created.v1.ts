import { handlerOf, type EventHandler } from '@courtyard/kernel';
import { projectProperty } from '../../domain/properties.js';
import type { PropertyProjection } from '../../repository/property-projection.repository.js';

/** A property was created in the residents subgraph: remember its time zone (and name) here. */
export const onPropertyCreated = (properties: Pick<PropertyProjection, 'record'>): EventHandler =>
  handlerOf('property.created.v1', async (event, command) => {
    await properties.record(projectProperty(event.data, command), command.causationId);
  });
