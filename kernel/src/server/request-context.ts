import type { IncomingHttpHeaders } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Caller } from '../domain/caller.js';
import type { CommandContext } from '../domain/command.js';
import { randomIds } from '../ids.js';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyOf, idsForKey } from '../idempotency/key.js';
import { CALLER_HEADER, REQUEST_ID_HEADER, verifyCallerToken } from '../auth/internal-token.js';
import { DomainError } from '../errors.js';
import type { Logger } from '../logger.js';
import { requestIdFrom } from './request-id.js';
import { TRACEPARENT_HEADER, validTraceparent } from '../tracing/traceparent.js';
import { activeTraceparent } from '../tracing/spans.js';

/** What every resolver gets, whatever the subgraph; services add loaders and repositories. */
export interface RequestContext {
  requestId: string;
  caller: Caller;
  logger: Logger;
  /** The request's clock: rules take time as an argument, never `new Date()` inside. */
  now: Date;
  /** The gateway's W3C trace context, validated: an invalid header is dropped, never stamped on events. */
  traceparent?: string;
  /** The client's `Idempotency-Key`, validated: a mutation under it runs once per caller. */
  idempotencyKey?: string;
  /** The subgraph serving the request: keyed ids are derived per subgraph, never shared by two. */
  service?: string;
}

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export async function createRequestContext(
  headers: IncomingHttpHeaders,
  secret: string,
  logger: Logger,
  service?: string,
): Promise<RequestContext> {
  const requestId = requestIdFrom(headers[REQUEST_ID_HEADER]);
  let caller: Caller;
  try {
    caller = await verifyCallerToken(header(headers, CALLER_HEADER), secret);
  } catch (error) {
    if (error instanceof DomainError) {
      throw new GraphQLError(error.message, {
        extensions: { code: error.code, reason: error.reason, http: { status: 401 } },
      });
    }
    throw error;
  }
  // Traced, the subgraph's own request span is the parent its events name (same trace id).
  const traceparent = activeTraceparent() ?? validTraceparent(header(headers, TRACEPARENT_HEADER));
  const idempotencyKey = idempotencyKeyOf(header(headers, IDEMPOTENCY_KEY_HEADER));
  return {
    requestId,
    caller,
    logger: logger.child({ requestId, caller: caller.subject, role: caller.role }),
    now: new Date(),
    ...(traceparent ? { traceparent } : {}),
    ...(idempotencyKey ? { idempotencyKey } : {}),
    ...(service ? { service } : {}),
  };
}

/**
 * The command context of an API request: its caller, clock, request and trace ids, and random
 * ids, or ids derived from the caller and the idempotency key when the request carries one.
 */
export const commandContextOf = (request: RequestContext): CommandContext => ({
  actor: request.caller,
  now: request.now,
  newId: request.idempotencyKey
    ? idsForKey(request.service ?? '', request.caller, request.idempotencyKey)
    : randomIds(),
  requestId: request.requestId,
  ...(request.traceparent ? { traceparent: request.traceparent } : {}),
});
