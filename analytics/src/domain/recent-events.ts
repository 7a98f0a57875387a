/**
 * The ids of the last events folded from one partition. The outbox relay republishes an event
 * (same id, same key, so the same partition) when it crashed between the broker's ack and
 * clearing the outbox, seconds after the original: a window of the latest ids catches that and
 * keeps the state bounded. Being per partition, the window depends only on that partition's
 * order, so a replay rebuilds exactly the same one. A duplicate arriving after more than
 * `limit` newer folded events on its partition would be counted twice.
 */
export const hasSeen = (recent: readonly string[], eventId: string): boolean => recent.includes(eventId);

export function remember(recent: readonly string[], eventId: string, limit: number): string[] {
  const kept = recent.length >= limit ? recent.slice(recent.length - limit + 1) : recent;
  return [...kept, eventId];
}
