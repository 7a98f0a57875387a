import type { Caller, CloudEvent } from '@courtyard/kernel';

/** Who asks, and when: rules take these as arguments (no clock inside the domain). */
export interface CommandContext {
  actor: Caller;
  now: Date;
  requestId?: string;
  traceparent?: string;
}

/** What a command decides: the record to store and the events that say what happened. */
export interface Decision<T> {
  record: T;
  events: CloudEvent[];
}
