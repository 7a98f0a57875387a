import { createHash, randomUUID } from 'node:crypto';

/** Ids for a command taken on an API request: random. */
export const randomIds = (): (() => string) => randomUUID;

/**
 * Ids for a command taken in reaction to an event: the n-th id is a name-based UUID (RFC 9562
 * version 5 layout) of the event id and n, so replaying the event decides the same ids and a
 * created record hits its unique `_id` instead of being created twice.
 */
export function idsDerivedFrom(eventId: string): () => string {
  let n = 0;
  return () => {
    const bytes = createHash('sha1').update(`${eventId}/${n++}`).digest().subarray(0, 16);
    bytes[6] = (bytes[6]! & 0x0f) | 0x50;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}
