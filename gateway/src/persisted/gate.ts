import type { RequestHandler, Response } from 'express';
import type { Caller, Logger } from '@courtyard/kernel';
import { decide, withListedBody, type GateRules, type Refusal } from './decide.js';
import type { PartnerRateLimiter } from './rate-limit.js';

export interface GateOptions {
  rules: GateRules;
  limiter: PartnerRateLimiter;
  /** Verifies the bearer token; throws when it is missing or bad. */
  authenticate: (authorization: string | undefined) => Promise<Caller>;
  logger?: Pick<Logger, 'info'>;
}

const CALLER_LOCAL = 'courtyardCaller';

/** The caller the gate verified, so the GraphQL context does not verify the token again. */
export const verifiedCaller = (res: Response): Caller | undefined =>
  res.locals[CALLER_LOCAL] as Caller | undefined;

/**
 * Express middleware between the JSON body parser and Apollo: decides per request whether the
 * caller may run what it sent (see `decide`), swaps a listed operation's text into the body,
 * and counts partner requests against their rate. Refusals use the GraphQL response shape.
 */
export function persistedQueryGate(options: GateOptions): RequestHandler {
  return async (req, res, next) => {
    let caller: Caller;
    try {
      caller = await options.authenticate(req.get('authorization'));
    } catch {
      // Unauthenticated requests take the ordinary path, whose context function reports why.
      next();
      return;
    }
    res.locals[CALLER_LOCAL] = caller;
    const partnerId = caller.role === 'PARTNER' ? caller.partnerId : undefined;
    // Every partner request counts, refused ones too: a partner probing ids costs us work as well.
    const limited = partnerId ? await options.limiter.take(partnerId) : null;
    if (limited) {
      res.setHeader('retry-after', String(limited.retryAfterSeconds));
      return refuse(res, options, partnerId, {
        status: 429,
        code: 'RATE_LIMITED',
        message: `Too many requests; retry after ${limited.retryAfterSeconds} s`,
      });
    }
    const decision = decide(caller, { method: req.method, body: req.body as unknown }, options.rules);
    if (decision.action === 'refuse') return refuse(res, options, partnerId, decision.refusal);
    if (decision.action === 'run') req.body = withListedBody(req.body, decision.operation);
    next();
  };
}

function refuse(res: Response, options: GateOptions, partnerId: string | undefined, refusal: Refusal): void {
  const { status, message, ...extensions } = refusal;
  options.logger?.info({ partnerId, ...extensions }, 'persisted-query gate refused a request');
  res.status(status).json({ errors: [{ message, extensions }] });
}
