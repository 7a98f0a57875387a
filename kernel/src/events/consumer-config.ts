import type { ConsumerConfig } from 'kafkajs';

/**
 * A windowed fetch returns early past this many bytes (a backlog, a burst): half of what kafkajs
 * takes from a partition in one fetch (1 MiB), so a backlog is never held back by the window.
 */
export const BATCH_WINDOW_MIN_BYTES = 512 * 1024;

/**
 * The window for reactions no time limit runs on (billing a closed request, a resolved repair's
 * record, opening an after-service survey): a quarter second nobody notices, which spares the
 * broker and the subgraph a fetch per event on a busy topic.
 */
export const UNHURRIED_BATCH_WINDOW_MS = 250;

export interface GroupConsumerSettings {
  groupId: string;
  sessionTimeoutMs?: number;
  batchWindowMs?: number;
}

/** The kafkajs consumer of a group: never creating topics, windowed when the reactions can wait. */
export const groupConsumerConfig = ({
  groupId,
  sessionTimeoutMs,
  batchWindowMs,
}: GroupConsumerSettings): ConsumerConfig => ({
  groupId,
  allowAutoTopicCreation: false,
  ...(sessionTimeoutMs ? { sessionTimeout: sessionTimeoutMs } : {}),
  // Without a window the broker answers a fetch as soon as one message is there (`minBytes` 1),
  // and holds an empty one for kafkajs's default 5 s.
  ...(batchWindowMs ? { minBytes: BATCH_WINDOW_MIN_BYTES, maxWaitTimeInMs: batchWindowMs } : {}),
});
