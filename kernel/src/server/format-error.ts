import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, ERROR_CODES, isDatabaseUnavailable } from '../errors.js';
import type { Logger } from '../logger.js';

/** Codes GraphQL itself produces for malformed requests; they are safe to show as they are. */
const REQUEST_CODES = new Set([
  ...ERROR_CODES,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  // The gateway's partial results: which subgraph is missing is the client's to know.
  'SUBGRAPH_UNAVAILABLE',
  // A subgraph's database is down: retry later (passed through the gateway as it is).
  'SERVICE_UNAVAILABLE',
]);

/** What a request gets while the subgraph's database is unreachable: fast, stable, retryable. */
export const DATABASE_UNAVAILABLE = {
  code: 'SERVICE_UNAVAILABLE',
  reason: 'DATABASE_UNAVAILABLE',
  retryable: true,
} as const;
const LONG_VALUE = 48;
const VALUE_PREFIX = 32;
const MAX_MESSAGE = 500;

/**
 * An error message safe to send: every quoted value of more than 48 characters (an unterminated
 * one too) shortened to its first 32 and an ellipsis, and the whole at most 500 characters.
 * GraphQL's own coercion messages quote the value they refuse in full (a 200 kB id). One pass,
 * so a huge message costs linear time.
 */
export function boundMessage(message: string): string {
  let out = '';
  let i = 0;
  while (i < message.length && out.length <= MAX_MESSAGE) {
    const quote = message.indexOf('"', i);
    if (quote === -1) {
      out += message.slice(i);
      break;
    }
    out += message.slice(i, quote + 1);
    let end = quote + 1;
    while (end < message.length && message[end] !== '"') end += message[end] === '\\' ? 2 : 1;
    const value = message.slice(quote + 1, Math.min(end, message.length));
    out += value.length > LONG_VALUE ? `${value.slice(0, VALUE_PREFIX)}…` : value;
    if (end < message.length) out += '"';
    i = end + 1;
  }
  return out.length > MAX_MESSAGE ? `${out.slice(0, MAX_MESSAGE - 1)}…` : out;
}

/**
 * Clients see the product's codes with a stable `reason`, never a stack trace or an internal
 * message: anything unexpected becomes INTERNAL_SERVER_ERROR with the request id to quote.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: boundMessage(original.message),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: {
          code: original.code,
          reason: original.reason,
          ...(original.details ? { details: original.details } : {}),
        },
      };
    }
    if (isDatabaseUnavailable(original)) {
      logger.warn({ err: original }, 'database unavailable');
      return {
        message: 'The service cannot reach its database; retry the request shortly',
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { ...DATABASE_UNAVAILABLE },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_CODES.has(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, message: boundMessage(formatted.message), extensions };
    }
    logger.error({ err: original }, 'unexpected error');
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
