import { createRequire } from 'node:module';

/**
 * What this kernel needs of kafkajs's per-connection request queue (an internal class, so typed
 * here by hand): its queue of requests waiting to be sent, and the method that schedules a check.
 */
export interface RequestQueueInternals {
  pending: unknown[];
  scheduleCheckPendingRequests(this: RequestQueueInternals): void;
}

/** The kafkajs release whose request queue this corrects; any other is left as it is. */
export const KAFKAJS_WITH_IDLE_TIMER = '2.2.4';

/**
 * kafkajs 2.2.4 keeps every broker connection's request queue re-arming a timer at a negative
 * delay (so 1 ms) once its first response arrived, whether or not a request waits
 * (tulios/kafkajs#1556, #1704; the fix, #1667, was never released): about a thousand wake-ups
 * a second per connection, idle or not, and a subgraph holds several connections (its relay's
 * producer, a consumer per group, their dead-letter producers). The check only sends waiting
 * requests, and a request that cannot go at once schedules its own check when it is queued, so
 * with nothing waiting there is nothing to schedule. Throttling and in-flight limits behave as
 * before.
 *
 * Applied once, at import, to the installed kafkajs only if it is that release.
 */
export function guardIdleTimer(queue: { prototype: RequestQueueInternals }): boolean {
  const original = queue.prototype.scheduleCheckPendingRequests;
  if ((original as { courtyardGuarded?: boolean }).courtyardGuarded) return false;
  const guarded = function (this: RequestQueueInternals) {
    if (this.pending.length === 0) return;
    original.call(this);
  };
  Object.assign(guarded, { courtyardGuarded: true });
  queue.prototype.scheduleCheckPendingRequests = guarded;
  return true;
}

const require = createRequire(import.meta.url);

/** The installed kafkajs's request queue class, if it is the release with the idle timer. */
export function installedRequestQueue(): { prototype: RequestQueueInternals } | undefined {
  const { version } = require('kafkajs/package.json') as { version: string };
  if (version !== KAFKAJS_WITH_IDLE_TIMER) return undefined;
  return require('kafkajs/src/network/requestQueue/index.js') as { prototype: RequestQueueInternals };
}

const installed = installedRequestQueue();
if (installed) guardIdleTimer(installed);
