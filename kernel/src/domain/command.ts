import type { Caller } from './caller.js';

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

/**
 * Ids 00000000-0000-4000-8000-000000000001, …002, …: UUID-shaped (as event ids must be) and
 * predictable, for tests and anything else that must decide the same ids twice.
 */
export function sequentialIds(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}
