import type { Caller } from './caller.js';
import type { CloudEvent } from './events.js';

/**
 * Everything a command takes besides its input: who asks, when, and where new ids come from.
 * Time and ids enter the domain as arguments, so a decision is a pure function of its inputs:
 * a request gets random ids; a reaction to an event gets ids derived from that event, so a
 * replay decides exactly the same records and events (and hits the unique `_id`).
 */
export interface CommandContext {
  readonly actor: Caller;
  readonly now: Date;
  /** A fresh id for each new record or event of this command. */
  readonly newId: () => string;
  /** Correlation id of the API request (absent in a reaction). */
  readonly requestId?: string;
  /** W3C trace context of the request or of the event reacted to; copied onto every event. */
  readonly traceparent?: string;
  /** The event this command reacts to, recorded with its effect so it applies once. */
  readonly causationId?: string;
}

/** What a command decides: the record to store and the events that say what happened. */
export interface Decision<T> {
  record: T;
  events: CloudEvent[];
}
