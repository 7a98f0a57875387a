import { DomainError, isTimeZone, type CommandContext, type EventDataByType } from '@courtyard/kernel/domain';
import type { PropertyRecord } from './records.js';
import { defaultPolicy } from './sla-policies.js';
import { emptyCalendar, type CalendarRecord } from './working-calendar.js';

/**
 * What work-orders knows of a property: a projection of `property.created.v1` from the
 * residents subgraph, for the numbering year and the calendar of due times.
 */
export function projectProperty(
  data: EventDataByType['property.created.v1'],
  context: CommandContext,
  /** The dated calendar entries for its zone (the holiday library's, for a property in China). */
  seedFor: (
    timeZone: string,
  ) => Pick<CalendarRecord, 'holidays' | 'makeUpWorkdays' | 'seededFrom'> = emptyCalendar,
): PropertyRecord {
  // A zone the residents subgraph validated; a bad one here is a broken producer, not a user error.
  if (!isTimeZone(data.timeZone)) throw new Error(`property ${data.propertyId}: unknown time zone`);
  return {
    _id: data.propertyId,
    version: 1,
    createdAt: context.now,
    code: data.code,
    name: data.name,
    timeZone: data.timeZone,
    // Seeded in the same write as the projection: a replay of the event finds both or neither.
    slaPolicies: [defaultPolicy(context)],
    calendar: { ...emptyCalendar(), ...seedFor(data.timeZone) },
  };
}

/**
 * The property's time zone, or a refusal the caller can retry. A property unknown here was
 * either created a moment ago (its event is on its way) or does not exist; guessing a zone
 * would number the request in the wrong year around New Year and count working days on the
 * wrong calendar, for good, while a retry a few seconds later gets it right.
 */
export function timeZoneOf(property: PropertyRecord | null, propertyId: string): string {
  if (property) return property.timeZone;
  throw new DomainError(
    'CONFLICT',
    'PROPERTY_NOT_YET_KNOWN',
    `Property ${propertyId} is not known to work orders yet; if it was just created, retry in a few seconds`,
    { propertyId },
  );
}
