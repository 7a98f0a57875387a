import { randomUUID } from 'node:crypto';
import { createKafka, TOPICS, type Logger } from '@courtyard/kernel';
import { untilPropertyKnown } from '../../scripts/lib/until-property-known.js';
import type { Platform } from '../../scripts/lib/platform.js';
import { costMeter } from './cost.js';
import { newProperty, RECORD, recordedId, recordInput, type Call } from './platform.js';
import { latencyHistogram, until } from './stats.js';

/**
 * (b) Write to visible: an open-loop paced load of `rate` intakes per second through the
 * gateway (each sent on schedule, whether or not earlier ones have answered, so a slow
 * response cannot slow the offered load); a consumer on `workorders.events` notes when each
 * request's `workorder.received.v1` arrives. Latency = arrival − the client's acknowledgement.
 */
export async function benchWriteToVisible(options: {
  call: Call;
  platform: Platform;
  brokers: string[];
  logger: Logger;
  rate: number;
  seconds: number;
  warmupSeconds: number;
  maxInFlight: number;
}) {
  const { call } = options;
  const propertyId = await newProperty(call, 'VISIBLE');
  await untilPropertyKnown(() => call(RECORD, recordInput(propertyId, 0)));

  const arrivals = new Map<string, number>();
  const kafka = createKafka('bench-visible', options.brokers, options.logger);
  const consumer = kafka.consumer({ groupId: `bench-visible-${randomUUID()}`, maxWaitTimeInMs: 100 });
  let joined = false;
  consumer.on(consumer.events.GROUP_JOIN, () => {
    joined = true;
  });
  await consumer.connect();
  await consumer.subscribe({ topic: TOPICS.workOrders, fromBeginning: false });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const now = performance.now();
      for (const message of batch.messages) {
        if (message.headers?.ce_type?.toString() === 'workorder.received.v1') {
          arrivals.set(message.key!.toString(), now);
        }
      }
    },
  });
  await until(() => joined, 30_000);
  // The consumer reads from the end once it has its partitions: prove it with one write.
  const probe = recordedId(await call(RECORD, recordInput(propertyId, 1)));
  await until(() => arrivals.has(probe), 30_000);

  const acks = new Map<string, number>();
  const mutation = latencyHistogram();
  let failures = 0;
  let firstFailure: string | undefined;
  const total = options.rate * (options.warmupSeconds + options.seconds);
  const warmup = options.rate * options.warmupSeconds;
  const started = performance.now();
  const sent: Promise<void>[] = [];
  let inFlight = 0;
  let heldBack = 0;
  let meter: Awaited<ReturnType<typeof costMeter>> | undefined;
  for (let n = 0; n < total; n += 1) {
    // What the measured intakes cost starts with the first of them (warm-up ones still open count too).
    if (n === warmup) meter = await costMeter(options.platform, 'work-orders');
    const due = started + (n * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    // A bounded number of open requests (as a load generator's connection pool): past it the
    // platform is saturated, the offered rate falls behind, and `achievedPerSecond` says so.
    if (inFlight >= options.maxInFlight) {
      heldBack += 1;
      await until(() => inFlight < options.maxInFlight, 600_000);
    }
    inFlight += 1;
    sent.push(
      (async () => {
        const begin = performance.now();
        try {
          const id = recordedId(await call(RECORD, recordInput(propertyId, 1000 + n)));
          const at = performance.now();
          if (n >= warmup) {
            acks.set(id, at);
            mutation.record(at - begin);
          }
        } catch (error) {
          failures += 1;
          firstFailure ??= String(error).slice(0, 300);
        } finally {
          inFlight -= 1;
        }
      })(),
    );
  }
  await Promise.all(sent);
  const offeredSeconds = (performance.now() - started) / 1000;
  await until(() => [...acks.keys()].every((id) => arrivals.has(id)), 30_000);
  const cost = await meter?.(acks.size);
  await consumer.disconnect();

  const visible = latencyHistogram();
  let beforeAck = 0;
  let missing = 0;
  for (const [id, ackAt] of acks) {
    const arrivedAt = arrivals.get(id);
    if (arrivedAt === undefined) {
      missing += 1;
      continue;
    }
    if (arrivedAt < ackAt) beforeAck += 1;
    visible.record(Math.max(0, arrivedAt - ackAt));
  }
  return {
    ratePerSecond: options.rate,
    seconds: options.seconds,
    achievedPerSecond: Math.round(total / offeredSeconds),
    /** Sends that waited for a free slot (the platform was not keeping up). */
    heldBack,
    failures,
    ...(firstFailure ? { firstFailure } : {}),
    writeToVisibleMs: visible.summary(),
    /** Arrived before the client had its answer (counted as 0 ms). */
    arrivedBeforeAck: beforeAck,
    neverArrived: missing,
    mutationMs: mutation.summary(),
    /** Per measured intake: CPU ms of each process, work-orders' MongoDB commands by role. */
    perIntake: cost && { cpuMs: cost.cpuMsPerUnit, mongoCommands: cost.mongoCommandsPerUnit },
  };
}
