import type { RequestHandler } from 'express';
import { parse } from 'graphql';
import type { Caller, Logger } from '@courtyard/kernel';
import { isIntrospectionOnly } from '../introspection/index.js';
import { persistedQueryGate } from './gate.js';
import { loadManifest } from './manifest.js';
import { loadPartners } from './partners.js';
import { createPartnerRateLimiter } from './rate-limit.js';

export { verifiedCaller } from './gate.js';

/** Loads the safelist and partner grants (failing start-up when they disagree) and builds the gate. */
export function createPersistedQueryGate(options: {
  manifestPath: string;
  partnersPath: string;
  authenticate: (authorization: string | undefined) => Promise<Caller>;
  logger: Logger;
  /** Introspection is enabled (not in production): introspection-only text passes for everyone. */
  introspection: boolean;
  /** The parser's token bound, the same Apollo applies, so the gate parses no more than Apollo would. */
  maxTokens: number;
}): RequestHandler {
  const manifest = loadManifest(options.manifestPath);
  const partners = loadPartners(options.partnersPath, manifest);
  return persistedQueryGate({
    rules: {
      manifest,
      partners,
      ...(options.introspection
        ? {
            readsOnlySchema: (query: string, name?: string) =>
              readsOnlySchema(query, name, options.maxTokens),
          }
        : {}),
    },
    limiter: createPartnerRateLimiter(partners),
    authenticate: options.authenticate,
    logger: options.logger,
  });
}

function readsOnlySchema(query: string, operationName: string | undefined, maxTokens: number): boolean {
  try {
    return isIntrospectionOnly(parse(query, { maxTokens }), operationName);
  } catch {
    // Text that does not parse is not introspection; the partner rule refuses it as usual.
    return false;
  }
}
