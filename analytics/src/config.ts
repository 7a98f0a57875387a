import { z } from 'zod';
import { baseServiceEnv, isTimeZone, loadConfig } from '@courtyard/kernel';
import { DEFAULT_SEEN_EVENTS_RETENTION_DAYS } from './scheduler/seen-events-pruning.js';

const flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((value) => value === 'true');

/** The analytics consumer reads what a subgraph reads, less the GraphQL and outbox settings. */
const analyticsEnv = baseServiceEnv
  .pick({
    NODE_ENV: true,
    HOST: true,
    MONGO_URL: true,
    KAFKA_BROKERS: true,
    KAFKA_CLIENT_ID: true,
    LOG_LEVEL: true,
  })
  .extend({
    PORT: z.coerce.number().int().min(1).max(65535).default(4090),
    MONGO_DATABASE: z.string().min(1).default('analytics'),
    ANALYTICS_GROUP_ID: z.string().min(1).default('analytics-kpis'),
    /** Days are counted in this zone; changing it needs a replay. */
    ANALYTICS_TIME_ZONE: z.string().refine(isTimeZone, 'must be an IANA time zone').default('Asia/Shanghai'),
    /** Drop the stored figures and offsets and fold every topic again from offset zero (or pass --replay). */
    ANALYTICS_REPLAY: flag,
    /**
     * Days a folded event's id is remembered (`seen_events`) so that a republished copy is not
     * counted twice, however many messages later it comes. Longer than any copy can come late.
     */
    ANALYTICS_SEEN_EVENTS_RETENTION_DAYS: z.coerce
      .number()
      .int()
      .min(1)
      .max(3650)
      .default(DEFAULT_SEEN_EVENTS_RETENTION_DAYS),
    /** How often ids past the retention are deleted (the local store has no TTL expiry). */
    ANALYTICS_SEEN_EVENTS_PRUNE_INTERVAL_MS: z.coerce.number().int().min(1000).default(3_600_000),
    /** The published event schemas (schema/events); messages of a type listed there must match it. */
    EVENT_SCHEMA_DIR: z.string().default(new URL('../../schema/events', import.meta.url).pathname),
  });

export type AnalyticsConfig = z.infer<typeof analyticsEnv> & { replay: boolean };

export function loadAnalyticsConfig(
  env: NodeJS.ProcessEnv = process.env,
  argv: readonly string[] = process.argv.slice(2),
): AnalyticsConfig {
  const config = loadConfig(analyticsEnv, env);
  return { ...config, replay: config.ANALYTICS_REPLAY || argv.includes('--replay') };
}
