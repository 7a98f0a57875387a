import type { mongo } from 'mongoose';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from '../logger.js';
import { consumedEvents, consumerLag, deadLetters } from '../server/metrics.js';
import { processAttributes } from '../tracing/event-spans.js';
import { activeTraceparent, contextOfTraceparent, inSpan, SpanKind } from '../tracing/spans.js';
import { tracingEnabled } from '../tracing/telemetry.js';
import { isDatabaseUnavailable, isDuplicateKeyError } from '../errors.js';
import { systemActor } from '../domain/caller.js';
import type { CommandContext } from '../domain/command.js';
import type { EventDataByType, EventType } from '../domain/events.js';
import { idsDerivedFrom } from '../ids.js';
import { ReactionAlreadyApplied } from '../mongo/aggregate-writer.js';
import { backoffMs, delay } from './backoff.js';
import { sendToDeadLetter } from './dead-letter.js';
import { parseEvent, type CloudEvent } from './envelope.js';
import { offsetCommits, partitionsOf } from './offset-commits.js';
import { groupConsumerConfig } from './consumer-config.js';

export interface HandlerContext {
  /** Kafka coordinates, for logs and dead letters. */
  topic: string;
  partition: number;
  offset: string;
  logger: Logger;
}

/** The command context of a reaction: always caused by the event it reacts to. */
export type ReactionContext = CommandContext & { readonly causationId: string };

/**
 * One reaction: decide with `command` (the system actor, the consumer's clock, ids derived from
 * the event, the event as causation) and make one write through the `AggregateWriter`, passing
 * `command.causationId`, so a replay of the same event is recognised as already applied.
 */
export type EventHandler = (
  event: CloudEvent,
  command: ReactionContext,
  context: HandlerContext,
) => Promise<void>;

/**
 * A handler of one event type, its `data` typed from that type's schema: the consumer hands a
 * handler only events of the type it is registered under (`handlers: { [type]: handler }`).
 */
export const handlerOf = <T extends EventType>(
  _type: T,
  handle: (
    event: CloudEvent<EventDataByType[T]>,
    command: ReactionContext,
    context: HandlerContext,
  ) => Promise<void>,
): EventHandler => handle as EventHandler;

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
  /** The subject of the system actor the reactions run as: the consuming service's name. */
  actor: string;
  /**
   * `now` of each reaction. The consumer's own clock rather than the event's `time`: that time
   * is another service's clock, and during a catch-up from offset zero or after an outage it
   * is hours or months old, while a rule a reaction applies (a deadline it sets, the day it
   * counts in) runs from when this service acts. What the event says happened, and when, is
   * in the event itself. Replays decide the same records through `newId` and the causation
   * record, not by repeating a time.
   */
  clock?: () => Date;
  fromBeginning?: boolean;
  /** Kafka's consumer session timeout: how soon a dead member's partitions move on. */
  sessionTimeoutMs?: number;
  /**
   * For reactions no time limit runs on (0 or absent: none): the broker holds each fetch until
   * this long has passed or a lot has gathered, so a steady stream costs the broker and this
   * subgraph one fetch per window instead of one per event. Each event waits up to this long.
   */
  batchWindowMs?: number;
  /**
   * How long a settled batch's offset may wait before the group commits it (0: after every
   * batch). Longer means fewer broker requests and more redelivered, duplicate-settled events
   * after a crash; a graceful stop commits everything settled.
   */
  commitIntervalMs?: number;
  /**
   * Fault injection for the exactly-once test only: after a handler of this event type made
   * its write, the process kills itself before the processed mark and the offset commit.
   */
  killAfterEffect?: string;
  /** Called after each event is settled (for metrics, audit or tests). */
  onOutcome?: (event: CloudEvent, outcome: ConsumeOutcome) => void;
}

export type ConsumeOutcome = 'applied' | 'duplicate' | 'ignored' | 'dead_lettered';

export interface IdempotentConsumer {
  stop(): Promise<void>;
}

/** One second: a beat commits a busy group's offsets once a second instead of once a batch. */
export const DEFAULT_COMMIT_INTERVAL_MS = 1000;

/** Processed event ids, one document per (group, event id), written after a handler succeeds. */
export const PROCESSED_EVENTS_COLLECTION = 'processed_events';

/** How one message of a batch settled, reported (and marked) once the batch is done. */
interface Settled {
  event: CloudEvent;
  outcome: ConsumeOutcome;
  mark?: ProcessedEvent;
}

interface ProcessedEvent {
  _id: string;
  eventId: string;
  type: string;
  outcome: 'applied' | 'dead_lettered';
  processedAt: Date;
}

/** What a reaction to `event` decides with: who acts, when, its ids, its cause and trace. */
export const reactionContext = (event: CloudEvent, actor: string, now: Date): ReactionContext => ({
  actor: systemActor(actor),
  now,
  newId: idsDerivedFrom(event.id),
  causationId: event.id,
  ...(event.traceparent ? { traceparent: event.traceparent } : {}),
});

/**
 * Applies each event once per consumer group. Correctness rests on the write itself: the
 * effect carries the causing event id (or a created record's id derives from it), so a replay
 * after a crash anywhere between the write and the offset commit changes nothing and settles
 * as `duplicate`. The processed-events record is only the fast path that skips a redelivered
 * event before its handler runs. A handler that keeps failing is retried a bounded number of
 * times, then the message goes to the dead-letter topic with the error and the partition moves on.
 */
export async function startIdempotentConsumer(
  options: IdempotentConsumerOptions,
): Promise<IdempotentConsumer> {
  const log = options.logger.child({ component: 'consumer', group: options.groupId });
  const clock = options.clock ?? (() => new Date());
  const processed = options.db.collection<ProcessedEvent>(PROCESSED_EVENTS_COLLECTION);
  const producer = options.kafka.producer({ allowAutoTopicCreation: false });
  const consumer: Consumer = options.kafka.consumer(groupConsumerConfig(options));
  const stopping = new AbortController();
  const commits = offsetCommits({
    commit: (offsets) => consumer.commitOffsets(offsets),
    intervalMs: options.commitIntervalMs ?? DEFAULT_COMMIT_INTERVAL_MS,
    logger: log,
  });
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    commits.assigned(partitionsOf(payload.memberAssignment));
  });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: [...options.topics], fromBeginning: options.fromBeginning ?? true });

  const settle = (event: CloudEvent, outcome: ConsumeOutcome) => {
    consumedEvents.inc({ group: options.groupId, outcome });
    options.onOutcome?.(event, outcome);
  };
  const recordIdOf = (event: CloudEvent) => `${options.groupId}:${event.id}`;

  const deadLetter = async (message: KafkaMessage, topic: string, partition: number, error: string) => {
    await sendToDeadLetter(producer, options.deadLetterTopic, {
      message,
      topic,
      partition,
      groupId: options.groupId,
      error,
    });
    consumedEvents.inc({ group: options.groupId, outcome: 'dead_lettered' });
    deadLetters.inc({ group: options.groupId, topic });
    log.error({ topic, partition, offset: message.offset, error }, 'message dead-lettered');
  };

  /**
   * One message of a batch, in partition order. Returns what to record once the batch is done:
   * the processed mark (written together for the batch, before its offsets are committed) and
   * the outcome (reported after its mark is written, as it was one message at a time).
   */
  const handle = async (
    topic: string,
    partition: number,
    message: KafkaMessage,
    event: CloudEvent | null,
    done: Set<string>,
  ): Promise<Settled | undefined> => {
    if (!event) {
      await deadLetter(message, topic, partition, 'not a CloudEvents 1.0 JSON message');
      return undefined;
    }
    const handler = options.handlers[event.type];
    if (!handler) {
      return { event, outcome: 'ignored' };
    }
    const recordId = recordIdOf(event);
    // Processed in an earlier batch, or earlier in this one (a republication close behind).
    if (done.has(recordId)) {
      return { event, outcome: 'duplicate' };
    }
    done.add(recordId);
    const record = (mark: ProcessedEvent['outcome'], outcome: ConsumeOutcome) => ({
      mark: { _id: recordId, eventId: event.id, type: event.type, outcome: mark, processedAt: clock() },
      event,
      outcome,
    });
    const context = { topic, partition, offset: message.offset, logger: log.child({ eventId: event.id }) };
    for (let attempt = 1; ; attempt += 1) {
      try {
        // A fresh context per attempt: a retry decides again from the start, same ids included.
        // Traced, the reaction's own events name the consumer's span (a child of the cause's).
        const command = reactionContext(event, options.actor, clock());
        const traceparent = activeTraceparent();
        await handler(event, traceparent ? { ...command, traceparent } : command, context);
        break;
      } catch (error) {
        if (error instanceof ReactionAlreadyApplied) {
          context.logger.info({ aggregate: error.id }, 'reaction already applied; settled as duplicate');
          return record('applied', 'duplicate');
        }
        // The database is down: the event is not poison. Out of the batch, nothing committed;
        // kafkajs runs the batch again (backing off) until the database answers.
        if (isDatabaseUnavailable(error)) throw error;
        if (attempt >= options.maxAttempts || stopping.signal.aborted) {
          await deadLetter(message, topic, partition, error instanceof Error ? error.message : String(error));
          return record('dead_lettered', 'dead_lettered');
        }
        log.warn({ err: error, eventId: event.id, attempt }, 'handler failed; retrying');
        await delay(backoffMs(attempt, 100, 2000), stopping.signal);
      }
    }
    if (options.killAfterEffect === event.type) process.kill(process.pid, 'SIGKILL');
    return record('applied', 'applied');
  };

  /** The batch being handled, so a stop waits for it before the last commit. */
  let inFlight: Promise<void> = Promise.resolve();
  const handleBatch = async ({
    batch,
    resolveOffset,
    heartbeat,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> => {
    const { topic, partition } = batch;
    // Before handling: a batch that fails (the database is down) and comes again shows its lag.
    consumerLag.set({ group: options.groupId, topic, partition }, Number(batch.offsetLagLow()));
    const events = batch.messages.map((message) => parseEvent(message.value));
    // One query for the whole batch's processed marks instead of one per message.
    const handled = events.flatMap((event) => (event && options.handlers[event.type] ? [event] : []));
    const done = new Set<string>(
      handled.length === 0
        ? []
        : (
            await processed
              .find({ _id: { $in: handled.map(recordIdOf) } }, { projection: { _id: 1 } })
              .toArray()
          ).map(({ _id }) => _id),
    );
    const results: Settled[] = [];
    let last: string | undefined;
    for (const [n, message] of batch.messages.entries()) {
      if (!isRunning() || isStale() || stopping.signal.aborted) break;
      const event = events[n] ?? null;
      // Traced only when tracing is on: off, not even the span's attributes are built.
      const result =
        event && options.handlers[event.type] && tracingEnabled()
          ? await inSpan(
              `process ${event.type}`,
              {
                kind: SpanKind.CONSUMER,
                // A child of the span that wrote the event, not a link: each message is handled
                // on its own, so it has one cause, and the reaction shows inside the trace of the
                // request that caused it.
                parent: contextOfTraceparent(event.traceparent),
                attributes: processAttributes(event, {
                  topic,
                  partition,
                  offset: message.offset,
                  group: options.groupId,
                }),
              },
              async (span) => {
                const settled = await handle(topic, partition, message, event, done);
                span?.setAttribute('courtyard.consume.outcome', settled?.outcome ?? 'dead_lettered');
                return settled;
              },
            )
          : await handle(topic, partition, message, event, done);
      if (result) results.push(result);
      last = message.offset;
      consumerLag.set(
        { group: options.groupId, topic, partition },
        Math.max(0, Number(batch.highWatermark) - Number(message.offset) - 1),
      );
      await heartbeat();
    }
    // The marks, then the offsets: a crash in between redelivers events whose effects are
    // already written, which their causation records settle as duplicates.
    await markProcessed(
      processed,
      results.flatMap(({ mark }) => (mark ? [mark] : [])),
    );
    for (const { event, outcome } of results) {
      // The dead-letter counter moved when the message was sent there.
      if (outcome === 'dead_lettered') options.onOutcome?.(event, outcome);
      else settle(event, outcome);
    }
    if (last === undefined) return;
    resolveOffset(last);
    await commits.handled(topic, partition, last);
  };

  await consumer.run({
    eachBatchAutoResolve: false,
    // Offsets are committed on a beat (`offsetCommits`): kafkajs would commit after every batch.
    autoCommit: false,
    eachBatch: async (payload) => {
      if (stopping.signal.aborted) return;
      const batch = handleBatch(payload);
      inFlight = batch.catch(() => undefined);
      await batch;
    },
  });

  return {
    async stop() {
      stopping.abort();
      // The batch in hand settles (a handler's retry wait ends at the abort), then what it and
      // the batches before it settled is committed while the consumer is still a member.
      await inFlight;
      commits.cancel();
      await commits.flush().catch((error: unknown) => {
        log.warn({ err: error }, 'last offset commit failed; the group redelivers from the one before');
      });
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}

/** One unordered insert for a batch's marks; a mark already there (a race, a replay) is fine. */
async function markProcessed(
  processed: mongo.Collection<ProcessedEvent>,
  marks: ProcessedEvent[],
): Promise<void> {
  if (marks.length === 0) return;
  try {
    await processed.insertMany(marks, { ordered: false });
  } catch (error) {
    // The driver reports one write error as an object, several as an array.
    const failures = (error as { writeErrors?: unknown }).writeErrors;
    const onlyDuplicates =
      failures === undefined
        ? isDuplicateKeyError(error)
        : [failures].flat().every((failure) => isDuplicateKeyError(failure));
    if (!onlyDuplicates) throw error;
  }
}
