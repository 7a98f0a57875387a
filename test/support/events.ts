import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { loadEventSchemas, parseEvent, type CloudEvent } from '@courtyard/kernel';
import { ROOT } from '../../scripts/lib/subgraphs.js';
import { isTestPoison } from './test-poison.js';

// The platform's own events, so the producer's (closed) form: no property the schema does not list.
const schemas = loadEventSchemas(`${ROOT}schema/events`, { closed: true });

export interface TappedEvent extends CloudEvent {
  /** Kafka coordinates, to check keys and per-aggregate order. */
  kafka: { key: string | null; partition: number; offset: string };
}

/**
 * Reads a topic from the real broker with its own consumer group and validates every message
 * it reads against the event's JSON Schema: a test that sees an invalid event fails. Messages
 * another test planted on purpose (marked as poison) are not the platform's and are passed over.
 */
export class EventTap {
  readonly events: TappedEvent[] = [];
  readonly invalid: Array<{ offset: string; problems: string[]; value: string }> = [];
  private waiters: Array<() => void> = [];

  private constructor(private readonly consumer: Consumer) {}

  static async start(topic: string, brokers = process.env.KAFKA_BROKERS!.split(',')): Promise<EventTap> {
    process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
    const kafka = new Kafka({ clientId: 'event-tap', brokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `event-tap-${randomUUID()}` });
    const tap = new EventTap(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        if (isTestPoison(message.headers)) return;
        const raw = message.value?.toString('utf8') ?? '';
        const event = parseEvent(message.value);
        const problems = event ? schemas.validate(event) : ['not a CloudEvent'];
        if (problems.length > 0 || !event) {
          tap.invalid.push({ offset: message.offset, problems, value: raw });
        } else {
          tap.events.push({
            ...event,
            kafka: { key: message.key?.toString('utf8') ?? null, partition, offset: message.offset },
          });
        }
        for (const wake of tap.waiters.splice(0)) wake();
      },
    });
    return tap;
  }

  /** Waits until `count` matching events have been read; fails on timeout or on any invalid event. */
  async waitFor(
    predicate: (event: TappedEvent) => boolean,
    count = 1,
    timeoutMs = 30_000,
  ): Promise<TappedEvent[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.invalid.length > 0) {
        throw new Error(`invalid events on the topic: ${JSON.stringify(this.invalid.slice(0, 3))}`);
      }
      const matching = this.events.filter(predicate);
      if (matching.length >= count) return matching;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new Error(
          `timed out waiting for ${count} event(s); saw ${matching.length}: ${JSON.stringify(matching.map((e) => e.type))}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(remaining, 1000));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  matching(predicate: (event: TappedEvent) => boolean): TappedEvent[] {
    return this.events.filter(predicate);
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

export const forProperty = (propertyId: string) => (event: CloudEvent) => event.propertyid === propertyId;
