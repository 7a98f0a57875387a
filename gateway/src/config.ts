import { z } from 'zod';
import {
  DEV_INTERNAL_AUTH_SECRET,
  DEV_JWT_SECRET,
  kafkaBrokersEnv,
  productionSecretProblem,
} from '@courtyard/kernel';

export { DEV_JWT_SECRET };

export const gatewayEnv = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    GATEWAY_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
    GATEWAY_HOST: z.string().default('127.0.0.1'),
    SUPERGRAPH_PATH: z.string().default(new URL('../../schema/supergraph.graphql', import.meta.url).pathname),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_JWT_SECRET),
    JWT_ISSUER: z.string().default('courtyard'),
    JWT_AUDIENCE: z.string().default('courtyard-api'),
    /** Production: the identity provider's key set (RS256/ES256). When set, HS256 is refused. */
    JWT_JWKS_URL: z.url().optional(),
    JWT_JWKS_CACHE_SECONDS: z.coerce.number().int().min(1).default(600),
    JWT_JWKS_COOLDOWN_SECONDS: z.coerce.number().int().min(0).default(30),
    JWT_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
    /** The longest lifetime (exp − iat) an access token may have; a 50-year token is refused. */
    JWT_MAX_LIFETIME_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(7 * 24 * 3600)
      .default(24 * 3600),
    INTERNAL_AUTH_SECRET: z.string().min(32).default(DEV_INTERNAL_AUTH_SECRET),
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    /** The partner safelist and who may run what (issue 9); generated and checked in. */
    PERSISTED_QUERIES_PATH: z
      .string()
      .default(new URL('../../schema/persisted-queries.json', import.meta.url).pathname),
    PARTNERS_PATH: z.string().default(new URL('../../schema/partners.json', import.meta.url).pathname),
    /** Bound on first-party APQ text held in memory (bytes, roughly); least recently used goes first. */
    APQ_CACHE_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(8 * 1024 * 1024),
    /** Query shape and price limits (issue 9); a refused query never reaches a subgraph. */
    GATEWAY_MAX_DEPTH: z.coerce.number().int().min(2).default(12),
    GATEWAY_MAX_ALIASES: z.coerce.number().int().min(0).default(20),
    GATEWAY_MAX_COST: z.coerce.number().int().min(1).default(10_000),
    /** What an unpaginated list is assumed to hold when pricing a query. */
    GATEWAY_ASSUMED_LIST_SIZE: z.coerce.number().int().min(1).default(10),
    /** Parser bound on document size in tokens (the body itself is capped at 256 kB). */
    GATEWAY_MAX_TOKENS: z.coerce.number().int().min(100).default(5_000),
    /** Verified bearer tokens held (each until its exp, never beyond); least recently used goes first. */
    GATEWAY_TOKEN_CACHE_MAX: z.coerce.number().int().min(1).default(10_000),
    /** How long one caller's re-signed internal token (valid 60 s) is reused, in ms (0 to 30,000). */
    GATEWAY_CALLER_TOKEN_REUSE_MS: z.coerce.number().int().min(0).max(30_000).default(30_000),
    /**
     * The response cache for queries (see the README): off unless `on`. Answers are held per
     * caller, ended by mutations through this gateway and by the subgraphs' events on Kafka.
     */
    GATEWAY_RESPONSE_CACHE: z.enum(['on', 'off']).default('off'),
    /** The longest an answer is served, events or not (state that changes without an event). */
    GATEWAY_RESPONSE_CACHE_MAX_AGE_MS: z.coerce.number().int().min(1).max(3_600_000).default(3000),
    /** Bounds on held answers: how many, and their JSON bytes; least recently used goes first. */
    GATEWAY_RESPONSE_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).default(10_000),
    GATEWAY_RESPONSE_CACHE_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(64 * 1024 * 1024),
    /** The broker whose events invalidate the response cache (only read when it is on). */
    KAFKA_BROKERS: kafkaBrokersEnv,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV !== 'production') return;
    // A publicly known or weak secret would let anyone forge a caller: production refuses it.
    const secrets = {
      INTERNAL_AUTH_SECRET: env.INTERNAL_AUTH_SECRET,
      // With JWT_JWKS_URL the shared secret is not used (HS256 is refused).
      ...(env.JWT_JWKS_URL ? {} : { JWT_SECRET: env.JWT_SECRET }),
    };
    for (const [name, value] of Object.entries(secrets)) {
      const problem = productionSecretProblem(value);
      if (problem) context.addIssue({ code: 'custom', path: [name], message: problem });
    }
  });

export type GatewayConfig = z.infer<typeof gatewayEnv>;

/** SUBGRAPH_URL_RESIDENTS=http://residents:4001/graphql overrides the supergraph's routing URL. */
export function subgraphUrlOverrides(env: NodeJS.ProcessEnv): Map<string, string> {
  const overrides = new Map<string, string>();
  for (const [key, value] of Object.entries(env)) {
    const match = /^SUBGRAPH_URL_([A-Z0-9_]+)$/.exec(key);
    if (match?.[1] && value) overrides.set(match[1].toLowerCase().replace(/_/g, '-'), value);
  }
  return overrides;
}
