import { describe, expect, it } from '@jest/globals';
import { CALLER_HEADER, signCallerToken } from '../auth/internal-token.js';
import { createLogger } from '../logger.js';
import { commandContextOf, createRequestContext } from './request-context.js';

const secret = 'a-test-secret-that-is-long-enough-0000000';
const caller = { subject: 'desk-1', role: 'FRONT_DESK' as const, propertyIds: ['p1'] };
const logger = createLogger('test', 'silent');
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

const contextWith = async (traceparent?: string) =>
  createRequestContext(
    { [CALLER_HEADER]: await signCallerToken(caller, secret), ...(traceparent ? { traceparent } : {}) },
    secret,
    logger,
  );

describe('trace context of a subgraph request', () => {
  it('carries a valid traceparent into the command context, where events take it from', async () => {
    const request = await contextWith(TRACEPARENT);
    expect(request.traceparent).toBe(TRACEPARENT);
    expect(commandContextOf(request).traceparent).toBe(TRACEPARENT);
  });

  it.each([
    ['garbage', 'garbage'],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`],
    ['upper-case hex', TRACEPARENT.toUpperCase()],
  ])('drops %s, so no event is stamped with it', async (_case, header) => {
    const request = await contextWith(header);
    expect(request.traceparent).toBeUndefined();
    expect(commandContextOf(request)).not.toHaveProperty('traceparent');
  });

  it('has no trace context when the header is absent', async () => {
    expect(commandContextOf(await contextWith())).not.toHaveProperty('traceparent');
  });
});
