import { signCallerToken, type Caller } from '@courtyard/kernel';
import type { GraphQLResponse } from './graphql.js';

/** Calls a subgraph directly, signing the caller as the gateway would (for fault tests). */
export async function callSubgraph<T>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown>,
  caller: Caller = { subject: 'test-system', role: 'SYSTEM', propertyIds: ['*'] },
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-courtyard-caller': await signCallerToken(caller, process.env.INTERNAL_AUTH_SECRET!),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** Polls until `check` holds: for conditions that have no event to wait on. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
