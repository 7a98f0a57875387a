import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Partner } from './partners.js';

export interface PartnerRateLimiter {
  /** Counts one request; returns how long to wait when the partner is over its rate. */
  take(partnerId: string): Promise<{ retryAfterSeconds: number } | null>;
}

/**
 * One fixed one-minute window per partner, in this gateway's memory: with N gateway replicas a
 * partner gets up to N times its rate. A shared store (RateLimiterRedis) is the seam for that.
 */
export function createPartnerRateLimiter(partners: ReadonlyMap<string, Partner>): PartnerRateLimiter {
  const limiters = new Map(
    [...partners].map(([id, partner]) => [
      id,
      new RateLimiterMemory({ keyPrefix: 'partner', points: partner.requestsPerMinute, duration: 60 }),
    ]),
  );
  return {
    async take(partnerId) {
      const limiter = limiters.get(partnerId);
      if (!limiter) return null;
      try {
        await limiter.consume(partnerId);
        return null;
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        return { retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
      }
    },
  };
}
