import type { RequestHandler } from 'express';
import type { Caller, Logger } from '@courtyard/kernel';
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
}): RequestHandler {
  const manifest = loadManifest(options.manifestPath);
  const partners = loadPartners(options.partnersPath, manifest);
  return persistedQueryGate({
    rules: { manifest, partners },
    limiter: createPartnerRateLimiter(partners),
    authenticate: options.authenticate,
    logger: options.logger,
  });
}
