import { randomUUID } from 'node:crypto';

/** What a client-chosen request id may be: short, and safe in a header, a log line and an event. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request id to use for a request: the client's `x-request-id` when it is a plausible id
 * (at most 128 letters, digits, `.`, `_`, `:` or `-`), else a new one. An 8 kB header or one
 * with spaces, quotes or control characters is replaced, never echoed, logged or stored in events.
 */
export function requestIdFrom(header: string | readonly string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return typeof value === 'string' && REQUEST_ID.test(value) ? value : randomUUID();
}
