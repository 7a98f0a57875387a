import type { mongo } from 'mongoose';
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from '../logger.js';
import { consumedEvents } from '../server/metrics.js';
import { isDuplicateKeyError } from '../errors.js';
import { backoffMs, delay } from './backoff.js';
import { sendToDeadLetter } from './dead-letter.js';
import { parseEvent, type CloudEvent } from './envelope.js';

export interface HandlerContext {
  /** Kafka coordinates, for logs and dead letters. */
  topic: string;
  partition: number;
  offset: string;
  logger: Logger;
}

export type EventHandler = (event: CloudEvent, context: HandlerContext) => Promise<void>;

export interface IdempotentConsumerOptions {
  kafka: Kafka;
  db: mongo.Db;
  groupId: string;
  topics: readonly string[];
  /** Handlers by event type; other types are acknowledged and ignored. */
  handlers: Readonly<Record<string, EventHandler>>;
  deadLetterTopic: string;
  maxAttempts: number;
  logger: Logger;
  fromBeginning?: boolean;
  /** Called after each event is settled (for metrics, audit or tests). */
  onOutcome?: (event: CloudEvent, outcome: ConsumeOutcome) => void;
}

export type ConsumeOutcome = 'applied' | 'duplicate' | 'ignored' | 'dead_lettered';

export interface IdempotentConsumer {
  stop(): Promise<void>;
}

/** Processed event ids, one document per (group, event id), written after a handler succeeds. */
export const PROCESSED_EVENTS_COLLECTION = 'processed_events';

interface ProcessedEvent {
  _id: string;
  eventId: string;
  type: string;
  outcome: 'applied' | 'dead_lettered';
  processedAt: Date;
}

/**
 * Applies each event at most once per consumer group: a redelivered or republished event
 * (same id) is skipped. A handler that keeps failing is retried a bounded number of times,
 * then the message goes to the dead-letter topic with the error and the partition moves on.
 */
export async function startIdempotentConsumer(
  options: IdempotentConsumerOptions,
): Promise<IdempotentConsumer> {
  const log = options.logger.child({ component: 'consumer', group: options.groupId });
  const processed = options.db.collection<ProcessedEvent>(PROCESSED_EVENTS_COLLECTION);
  const producer = options.kafka.producer({ allowAutoTopicCreation: false });
  const consumer: Consumer = options.kafka.consumer({
    groupId: options.groupId,
    allowAutoTopicCreation: false,
  });
  const stopping = new AbortController();
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: [...options.topics], fromBeginning: options.fromBeginning ?? true });

  const settle = (event: CloudEvent, outcome: ConsumeOutcome) => {
    consumedEvents.inc({ group: options.groupId, outcome });
    options.onOutcome?.(event, outcome);
  };

  const deadLetter = async (message: KafkaMessage, topic: string, partition: number, error: string) => {
    await sendToDeadLetter(producer, options.deadLetterTopic, {
      message,
      topic,
      partition,
      groupId: options.groupId,
      error,
    });
    consumedEvents.inc({ group: options.groupId, outcome: 'dead_lettered' });
    log.error({ topic, partition, offset: message.offset, error }, 'message dead-lettered');
  };

  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      const event = parseEvent(message.value);
      if (!event) {
        await deadLetter(message, topic, partition, 'not a CloudEvents 1.0 JSON message');
        return;
      }
      const handler = options.handlers[event.type];
      if (!handler) {
        settle(event, 'ignored');
        return;
      }
      const recordId = `${options.groupId}:${event.id}`;
      if (await processed.findOne({ _id: recordId }, { projection: { _id: 1 } })) {
        settle(event, 'duplicate');
        return;
      }
      const context = { topic, partition, offset: message.offset, logger: log.child({ eventId: event.id }) };
      for (let attempt = 1; ; attempt += 1) {
        try {
          await handler(event, context);
          break;
        } catch (error) {
          if (attempt >= options.maxAttempts || stopping.signal.aborted) {
            await deadLetter(
              message,
              topic,
              partition,
              error instanceof Error ? error.message : String(error),
            );
            await markProcessed(processed, recordId, event, 'dead_lettered');
            options.onOutcome?.(event, 'dead_lettered');
            return;
          }
          log.warn({ err: error, eventId: event.id, attempt }, 'handler failed; retrying');
          await delay(backoffMs(attempt, 100, 2000), stopping.signal);
        }
      }
      await markProcessed(processed, recordId, event, 'applied');
      settle(event, 'applied');
    },
  });

  return {
    async stop() {
      stopping.abort();
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}

async function markProcessed(
  processed: mongo.Collection<ProcessedEvent>,
  recordId: string,
  event: CloudEvent,
  outcome: 'applied' | 'dead_lettered',
): Promise<void> {
  try {
    await processed.insertOne({
      _id: recordId,
      eventId: event.id,
      type: event.type,
      outcome,
      processedAt: new Date(),
    });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}
