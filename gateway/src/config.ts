import { z } from 'zod';
import { DEV_INTERNAL_AUTH_SECRET } from '@courtyard/kernel';

export const DEV_JWT_SECRET = 'courtyard-dev-jwt-secret-change-me-000000000';

export const gatewayEnv = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    GATEWAY_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
    GATEWAY_HOST: z.string().default('127.0.0.1'),
    SUPERGRAPH_PATH: z.string().default(new URL('../../schema/supergraph.graphql', import.meta.url).pathname),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_JWT_SECRET),
    JWT_ISSUER: z.string().default('courtyard'),
    JWT_AUDIENCE: z.string().default('courtyard-api'),
    JWT_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
    INTERNAL_AUTH_SECRET: z.string().min(32).default(DEV_INTERNAL_AUTH_SECRET),
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.JWT_SECRET !== DEV_JWT_SECRET, {
    message: 'JWT_SECRET must be set in production',
    path: ['JWT_SECRET'],
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.INTERNAL_AUTH_SECRET !== DEV_INTERNAL_AUTH_SECRET, {
    message: 'INTERNAL_AUTH_SECRET must be set in production',
    path: ['INTERNAL_AUTH_SECRET'],
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
