import type { CloudEvent } from '@courtyard/kernel';

/** What a command decides: the record to store and the events that say what happened. */
export interface Decision<T> {
  record: T;
  events: CloudEvent[];
}
