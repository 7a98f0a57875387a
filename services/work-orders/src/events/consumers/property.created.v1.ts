import { handlerOf, type EventHandler } from '@courtyard/kernel';
import { numberingYear } from '../../domain/intake.js';
import { projectProperty } from '../../domain/properties.js';
import type { PropertyProjection } from '../../repository/property-projection.repository.js';

/**
 * A property was created in the residents subgraph: remember its time zone (and name) here, with
 * the default SLA policy (spec §2's table, version 1.0) and its working-day calendar seeded, in
 * one write.
 */
export const onPropertyCreated = (
  properties: Pick<PropertyProjection, 'record' | 'calendarSeed'>,
): EventHandler =>
  handlerOf('property.created.v1', async (event, command) => {
    // Called once the zone is known to be valid (a bad zone is refused before any lookup).
    const seedFor = (timeZone: string) =>
      properties.calendarSeed(timeZone, numberingYear(command.now, timeZone));
    await properties.record(projectProperty(event.data, command, seedFor), command.causationId);
  });
