import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** One GraphQL error as the gateway reports it: a stable `code`, and a `reason` for business rules. */
export interface GatewayError {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; reason?: string; [key: string]: unknown };
}

export interface Response<TResult> {
  data?: TResult | null;
  errors?: GatewayError[];
}

export interface ClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  /** The caller's access token; sent as `Authorization: Bearer <token>`. */
  token?: string;
  fetch?: typeof fetch;
}

/**
 * A minimal typed client: the result and variables types come from the operation document, so
 * a misspelt field or a missing variable fails the type-check, not the page. Any GraphQL client
 * that takes a TypedDocumentNode (Apollo Client, urql, graphql-request) types them the same way.
 */
export function createClient(options: ClientOptions) {
  const send = options.fetch ?? fetch;
  return async function request<TResult, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TResult, TVariables>,
    ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
  ): Promise<Response<TResult>> {
    const response = await send(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
    });
    return (await response.json()) as Response<TResult>;
  };
}
