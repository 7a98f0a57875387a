// "Ready" means what the application needs, not "the port accepts connections":
//  - Mongo: a `ping` command is answered.
//  - Kafka: a consumer group can be joined. Right after start the port is open but the group
//    coordinator is not ("The group coordinator is not available" while __consumer_offsets is being
//    created and loaded), and consumers in tests would hit exactly that.
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { tailFile } from './processes.js';

export const READINESS_TOPIC = 'courtyard.readiness';

/** Stops waiting early when the server process is known to have died. */
export type ProcessCheck = () => { alive: boolean; description: string };

export class NotReadyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotReadyError';
  }
}

export function waitForMongo(url: string, timeoutMs: number, logFile?: string): Promise<void> {
  return waitUntilReady(`MongoDB at ${url}`, timeoutMs, logFile, undefined, mongoPing(url));
}

export function waitForKafka(brokers: string[], timeoutMs: number, logFile?: string): Promise<void> {
  return waitUntilReady(
    `Kafka at ${brokers.join(',')}`,
    timeoutMs,
    logFile,
    undefined,
    kafkaGroupJoin(brokers),
  );
}

/** As the public waits, but gives up as soon as `process` reports the server dead. */
export function waitForMongoProcess(
  url: string,
  timeoutMs: number,
  logFile: string,
  check: ProcessCheck,
): Promise<void> {
  return waitUntilReady(`MongoDB at ${url}`, timeoutMs, logFile, check, mongoPing(url));
}

export function waitForKafkaProcess(
  brokers: string[],
  timeoutMs: number,
  logFile: string,
  check: ProcessCheck,
): Promise<void> {
  return waitUntilReady(`Kafka at ${brokers.join(',')}`, timeoutMs, logFile, check, kafkaGroupJoin(brokers));
}

type Attempt = (remainingMs: number) => Promise<void>;

async function waitUntilReady(
  what: string,
  timeoutMs: number,
  logFile: string | undefined,
  processCheck: ProcessCheck | undefined,
  attempt: Attempt,
): Promise<void> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  let lastError = 'no attempt completed';
  for (;;) {
    const state = processCheck?.();
    if (state && !state.alive) {
      throw new NotReadyError(
        await describeFailure(`${what}: ${state.description} before it was ready`, logFile),
      );
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    try {
      await attempt(remaining);
      return;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await delay(Math.min(250, Math.max(0, deadline - Date.now())));
  }
  throw new NotReadyError(
    await describeFailure(`${what} not ready after ${timeoutMs} ms (last error: ${lastError})`, logFile),
  );
}

async function describeFailure(message: string, logFile: string | undefined): Promise<string> {
  if (!logFile) return message;
  const tail = await tailFile(logFile, 20);
  return `${message}\nlog: ${logFile}\n--- last 20 lines ---\n${tail || '(empty)'}`;
}

function mongoPing(url: string): Attempt {
  return async (remainingMs) => {
    const timeout = Math.max(500, Math.min(2_000, remainingMs));
    // No serverApi option: mongo-java-server does not implement `hello`, and the driver only falls back
    // to the legacy `isMaster` handshake when serverApi is unset.
    const client = new mongoose.mongo.MongoClient(url, {
      serverSelectionTimeoutMS: timeout,
      connectTimeoutMS: timeout,
      maxPoolSize: 1,
    });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
    } finally {
      // Graceful close: a forced one resets the socket, which the server logs as an error with a stack trace.
      await client.close().catch(() => undefined);
    }
  };
}

function kafkaGroupJoin(brokers: string[]): Attempt {
  return async (remainingMs) => {
    const attemptMs = Math.max(1_000, Math.min(15_000, remainingMs));
    // Short client-side retries: this loop does the retrying and the timing, kafkajs should fail fast.
    const kafka = new Kafka({
      clientId: 'courtyard-infra-readiness',
      brokers,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 1_000,
      requestTimeout: Math.min(5_000, attemptMs),
      retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 500 },
    });

    const admin = kafka.admin();
    try {
      await admin.connect();
      // Resolves false when the topic exists already (TOPIC_ALREADY_EXISTS is handled by kafkajs).
      await admin.createTopics({
        topics: [{ topic: READINESS_TOPIC, numPartitions: 1, replicationFactor: 1 }],
        waitForLeaders: true,
      });
    } finally {
      await admin.disconnect().catch(() => undefined);
    }

    // A fresh group every time: joining needs the coordinator for that group's offsets partition to be
    // loaded, which is the step that lags behind the port opening. No producer is created here, so the
    // KAFKAJS_NO_PARTITIONER_WARNING setting is not relevant to this probe.
    const consumer = kafka.consumer({
      groupId: `courtyard-readiness-${randomUUID()}`,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      // disconnect() waits for the in-flight fetch; the default 5 s long poll would add 5 s to every check.
      maxWaitTimeInMs: 100,
      retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 500, restartOnFailure: async () => false },
    });
    const removers: Array<() => void> = [];
    try {
      const joined = new Promise<void>((resolve, reject) => {
        removers.push(consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
        removers.push(
          consumer.on(consumer.events.CRASH, (event) => {
            const error: unknown = event.payload.error;
            reject(error instanceof Error ? error : new Error(String(error)));
          }),
        );
      });
      // Observed below; this only keeps a CRASH after an earlier failure from becoming an unhandled rejection.
      joined.catch(() => undefined);
      await consumer.connect();
      await consumer.subscribe({ topics: [READINESS_TOPIC], fromBeginning: false });
      await consumer.run({ eachMessage: async () => undefined });
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`group join took longer than ${attemptMs} ms`)), attemptMs);
      });
      try {
        await Promise.race([joined, timedOut]);
      } finally {
        clearTimeout(timer);
      }
    } finally {
      for (const remove of removers) remove();
      await consumer.disconnect().catch(() => undefined);
    }
  };
}
