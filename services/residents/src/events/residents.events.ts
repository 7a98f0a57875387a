import { createEvent, type CloudEvent } from '@courtyard/kernel';
import type { CommandContext } from '../domain/command.js';

/** Event types this subgraph publishes to `residents.events` (schemas in schema/events/). */
export const RESIDENT_EVENTS = {
  propertyCreated: 'property.created.v1',
  buildingCreated: 'building.created.v1',
  unitCreated: 'unit.created.v1',
  residentRegistered: 'resident.registered.v1',
  residentMovedIn: 'resident.moved_in.v1',
  residentMovedOut: 'resident.moved_out.v1',
} as const;

export const SERVICE = 'residents';

/** Builds the envelope; data never carries phone or ID numbers (analytics needs neither). */
export function residentsEvent<T>(
  type: (typeof RESIDENT_EVENTS)[keyof typeof RESIDENT_EVENTS],
  subject: string,
  propertyId: string,
  data: T,
  context: CommandContext,
): CloudEvent<T> {
  return createEvent(SERVICE, {
    type,
    subject,
    propertyId,
    data,
    time: context.now,
    ...(context.requestId ? { requestId: context.requestId } : {}),
    ...(context.traceparent ? { traceparent: context.traceparent } : {}),
  });
}
