import type { EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import {
  consumedEvents,
  DEFAULT_COMMIT_INTERVAL_MS,
  DomainError,
  offsetCommits,
  partitionsOf,
  sendToDeadLetter,
  type Logger,
} from '@courtyard/kernel';
import { consume, isFolded, partitionKey, type AnalyticsState, type Verdict } from '../domain/consumption.js';
import { samePosition, type Position } from '../domain/first-folds.js';
import { movesFigures } from '../domain/kpis.js';
import type { AnalyticsStateRepository, StoredState } from '../repository/analytics-state.repository.js';
import type { SeenEventsRepository, Sighting } from '../repository/seen-events.repository.js';

export interface KpiConsumerOptions {
  kafka: Kafka;
  groupId: string;
  topics: readonly string[];
  deadLetterTopic: string;
  judge: (value: Buffer | null) => Verdict;
  repository: AnalyticsStateRepository;
  /** Where each folded event id was first folded, to know a late copy (written before the state). */
  seen: SeenEventsRepository;
  /** What the repository held at start (or nothing, for a replay). */
  start: StoredState;
  logger: Logger;
  /** Stamps the seen records and the saved state; the machine's clock by default. */
  clock?: () => Date;
  /** The consumer cannot go on (another instance owns the state, or Kafka gave up). */
  onFatal: (error: Error) => void;
}

export interface KpiConsumer {
  current(): AnalyticsState;
  /** Has joined its group and knows where to read from. */
  isJoined(): boolean;
  /** Finishes the batch in hand (its figures are saved), then leaves the group. */
  stop(): Promise<void>;
}

/**
 * Folds every domain topic into one state, saved with its offsets after each batch. Kafka's
 * committed offsets only trail the stored ones (committed on a beat after the save) and serve
 * lag monitoring; where to read from is always the stored state.
 */
export async function startKpiConsumer(options: KpiConsumerOptions): Promise<KpiConsumer> {
  const { groupId, seen } = options;
  const clock = options.clock ?? (() => new Date());
  const log = options.logger.child({ component: 'kpi-consumer', group: groupId });
  let { state, revision } = options.start;
  let joined = false;
  const producer = options.kafka.producer({ allowAutoTopicCreation: false });
  // A fetch waits at most this long for new messages, and leaving the group waits for the fetch.
  const consumer = options.kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 1000 });
  // A state written before seen_events: its window of ids becomes records, once (repeats are kept).
  if (options.start.legacyRecords.length > 0) await seen.record(options.start.legacyRecords, clock());
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: [...options.topics], fromBeginning: true });
  // Only monitoring reads them, so they need not cost a broker request per batch.
  const commits = offsetCommits({
    commit: (offsets) => consumer.commitOffsets(offsets),
    intervalMs: DEFAULT_COMMIT_INTERVAL_MS,
    logger: log,
  });
  let inFlight: Promise<void> = Promise.resolve();
  let stopping = false;

  // kafkajs emits this synchronously after every join and before fetching the new assignment,
  // so these seeks decide where each partition starts: after a restart, a rebalance or a replay.
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    for (const [topic, partitions] of Object.entries(payload.memberAssignment)) {
      for (const partition of partitions) {
        const offset = state.partitions[partitionKey(topic, partition)]?.nextOffset ?? '0';
        consumer.seek({ topic, partition, offset });
      }
    }
    commits.assigned(partitionsOf(payload.memberAssignment));
    joined = true;
    log.info({ assignment: payload.memberAssignment }, 'joined; reading from the stored offsets');
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    joined = false;
    if (!payload.restart) options.onFatal(payload.error);
  });

  const deadLetter = async (message: KafkaMessage, topic: string, partition: number, reason: string) => {
    await sendToDeadLetter(producer, options.deadLetterTopic, {
      message,
      topic,
      partition,
      groupId,
      error: reason,
    });
    log.warn({ topic, partition, offset: message.offset, reason }, 'message dead-lettered');
  };

  const handleBatch = async ({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload) => {
    const { topic, partition } = batch;
    // What the state does not hold yet, read once; the ids of its events recorded before folding.
    const verdicts = new Map<string, Verdict>();
    const sightings = new Map<string, Sighting>();
    for (const message of batch.messages) {
      if (isFolded(state, topic, partition, message.offset)) continue;
      const verdict = options.judge(message.value);
      verdicts.set(message.offset, verdict);
      if (verdict.kind === 'event' && movesFigures(verdict.event) && !sightings.has(verdict.event.id)) {
        sightings.set(verdict.event.id, {
          eventId: verdict.event.id,
          topic,
          partition,
          offset: message.offset,
        });
      }
    }
    const recorded: Map<string, Position> =
      sightings.size > 0 ? await seen.record([...sightings.values()], clock()) : new Map();
    const moves: Sighting[] = [];
    let next = state;
    let last: string | undefined;
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      const verdict = verdicts.get(message.offset);
      if (verdict) {
        // Before the save that moves past it: a crash in between dead-letters it again, never loses it.
        if (verdict.kind === 'unreadable') await deadLetter(message, topic, partition, verdict.reason);
        const here: Position = { topic, partition, offset: message.offset };
        const eventId = verdict.kind === 'event' ? verdict.event.id : undefined;
        const first = eventId === undefined ? undefined : recorded.get(eventId);
        const result = consume(next, { ...here, verdict }, first);
        if (result.outcome === 'applied' && eventId !== undefined) {
          // Its record named an attempt the state never saved: it is counted here, so it moves here.
          if (first && !samePosition(first, here)) moves.push({ eventId, ...here });
          recorded.set(eventId, here);
        }
        consumedEvents.inc({ group: groupId, outcome: result.outcome });
        next = result.next;
      }
      last = message.offset;
    }
    if (next !== state) {
      await seen.move(moves, clock());
      try {
        revision = await options.repository.save(next, revision, clock());
      } catch (error) {
        if (error instanceof DomainError) options.onFatal(error);
        throw error;
      }
      state = next;
    }
    if (last !== undefined) {
      resolveOffset(last);
      await commits.handled(topic, partition, last);
    }
    await heartbeat();
  };

  await consumer.run({
    eachBatchAutoResolve: false,
    autoCommit: false,
    eachBatch: async (payload) => {
      if (stopping) return;
      const batch = handleBatch(payload);
      inFlight = batch.catch(() => undefined);
      await batch;
    },
  });

  return {
    current: () => state,
    isJoined: () => joined,
    async stop() {
      joined = false;
      stopping = true;
      await inFlight;
      commits.cancel();
      await commits.flush().catch((error: unknown) => log.warn({ err: error }, 'last offset commit failed'));
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}
