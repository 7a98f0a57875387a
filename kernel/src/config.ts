import { z } from 'zod';
import { productionSecretProblem } from './secrets.js';

/** Variables every subgraph reads; a service extends this with its own. */
/** `KAFKA_BROKERS`: comma-separated host:port list, as every Kafka client here reads it. */
export const kafkaBrokersEnv = z
  .string()
  .default('127.0.0.1:9092')
  .transform((value) =>
    value
      .split(',')
      .map((broker) => broker.trim())
      .filter(Boolean),
  );

export const baseServiceEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535),
  /** 127.0.0.1 locally; 0.0.0.0 inside a container. */
  HOST: z.string().default('127.0.0.1'),
  MONGO_URL: z.string().url().default('mongodb://127.0.0.1:27017'),
  MONGO_DATABASE: z.string().min(1).optional(),
  KAFKA_BROKERS: kafkaBrokersEnv,
  KAFKA_CLIENT_ID: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  INTERNAL_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters'),
  OUTBOX_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
  CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  /**
   * Consumer groups are `<prefix>.<consumer name>`; the prefix defaults to the service name. A
   * group's offsets belong with the database its effects land in, so a second copy of a service
   * on its own database (a test, a staging copy on a shared broker) needs its own prefix.
   */
  CONSUMER_GROUP_PREFIX: z.string().min(1).optional(),
  /** How soon a consumer that died stops holding its partitions (the broker's minimum is 6 s). */
  CONSUMER_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6000).default(30000),
  /**
   * How long a consumer group's settled offsets wait before they are committed, gathered into
   * one request (0: after every batch). A crash redelivers at most this long's events, which
   * settle as duplicates; a graceful stop commits everything settled.
   */
  CONSUMER_COMMIT_INTERVAL_MS: z.coerce.number().int().min(0).max(5000).default(1000),
  /**
   * How long a request waits for the database before it fails with SERVICE_UNAVAILABLE /
   * DATABASE_UNAVAILABLE (retryable): well under the gateway's 10 s budget, so a client learns
   * of an outage at once instead of timing out. Background work (relay, consumers) waits longer.
   */
  MONGO_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(2000),
  /** How long a client's `Idempotency-Key` is remembered (then the same key runs again). */
  IDEMPOTENCY_KEY_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  /** Fault injection for the relay crash test; never set in production. */
  OUTBOX_FAULT_KILL_AFTER_PUBLISH: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** Fault injection for the exactly-once test: an event type whose reaction kills the process. */
  CONSUMER_FAULT_KILL_AFTER_EFFECT: z.string().min(1).optional(),
});

export type BaseServiceConfig = z.infer<typeof baseServiceEnv>;

/**
 * Parses the environment once, at start-up. Every bad variable is reported together, then
 * the process exits: a service never runs half-configured.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  console.error(`Invalid configuration:\n${lines.join('\n')}`);
  process.exit(78); // EX_CONFIG
}

/**
 * Production refuses a publicly known or weak secret (see `productionSecretProblem`), reported
 * like any bad variable, then exits: a development default never guards production.
 */
export function refuseWeakSecretsInProduction(
  nodeEnv: string,
  secrets: Readonly<Record<string, string | undefined>>,
): void {
  if (nodeEnv !== 'production') return;
  const lines = Object.entries(secrets).flatMap(([name, value]) => {
    const problem = value === undefined ? undefined : productionSecretProblem(value);
    return problem ? [`  ${name}: ${problem}`] : [];
  });
  if (lines.length === 0) return;
  console.error(`Invalid configuration:\n${lines.join('\n')}`);
  process.exit(78); // EX_CONFIG
}
