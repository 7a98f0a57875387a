import type { CloudEvent } from './events.js';

/** What a command decides: the record to store and the events that say what happened. */
export interface Decision<T> {
  record: T;
  events: CloudEvent[];
}
