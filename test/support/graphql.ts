import { randomUUID } from 'node:crypto';
import type { Role } from '@courtyard/kernel';
import { issueAccessToken } from '../../gateway/src/token.js';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

/** A token the test gateway accepts. `properties` defaults to every property. */
export function tokenFor(
  role: Role,
  options: { properties?: string[]; sub?: string; residentId?: string; partnerId?: string } = {},
): Promise<string> {
  return issueAccessToken(
    {
      sub: options.sub ?? `${role.toLowerCase()}-${randomUUID().slice(0, 8)}`,
      role,
      properties: options.properties ?? ['*'],
      ...(options.residentId ? { residentId: options.residentId } : {}),
      ...(options.partnerId ? { partnerId: options.partnerId } : {}),
    },
    { secret: process.env.JWT_SECRET! },
  );
}

/** POSTs an operation to the real gateway, as a frontend would. */
export async function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string | null; url?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse<T>> {
  const token = options.token === undefined ? await tokenFor('GENERAL_MANAGER') : options.token;
  const response = await fetch(options.url ?? process.env.GATEWAY_URL!, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** The data of a response that must have succeeded (fails the test with the errors otherwise). */
export async function gqlOk<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  options: Parameters<typeof gql>[2] = {},
): Promise<T> {
  const result = await gql<T>(query, variables, options);
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}

export const errorCodes = (result: GraphQLResponse<unknown>) =>
  (result.errors ?? []).map((error) => error.extensions?.code);
