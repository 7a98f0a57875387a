import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
import { GraphQLError, type FormattedExecutionResult } from 'graphql';
import { delay } from '../events/backoff.js';
import { KEY_ALREADY_APPLIED } from '../mongo/aggregate-writer.js';
import type { RequestContext } from '../server/request-context.js';
import { idempotencyScopeOf } from './key.js';
import { markCreatedUnder } from './request-scope.js';
import type { IdempotencyStore } from './store.js';

export interface IdempotentMutationsOptions {
  store: IdempotencyStore;
  /** How long a retry waits for a twin still running under its key before it is told to retry. */
  waitForTwinMs?: number;
}

/** Objects with their keys sorted, so the same variables give the same digest in any order. */
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([k, v]) => [k, canonical(v)]),
        )
      : value;

/** What "the same request" means: the same operation text, operation name and variables. */
export const fingerprintOf = (
  query: string | undefined,
  operationName: string | null | undefined,
  variables: unknown,
) =>
  createHash('sha256')
    .update(JSON.stringify([query ?? '', operationName ?? null, canonical(variables ?? {})]))
    .digest('hex');

const conflict = (reason: string, message: string) =>
  new GraphQLError(message, { extensions: { code: 'CONFLICT', reason, http: { status: 200 } } });

/**
 * Every mutation of the subgraph, sent with an `Idempotency-Key`, runs once per caller and key:
 * the first request claims the key, runs, and records its answer in the same document; a retry
 * with the same request gets that answer back and runs nothing; the same key with a different
 * request is `CONFLICT` / `IDEMPOTENCY_KEY_REUSED`; a retry arriving while the first still runs
 * waits for it briefly, then is `CONFLICT` / `IDEMPOTENCY_KEY_IN_PROGRESS` (retry later). An
 * answer with errors is not recorded: nothing was created, and the key is free again; except
 * CONFLICT / `IDEMPOTENCY_KEY_ALREADY_APPLIED` (a re-run after a lost answer whose first attempt
 * had applied its update), which every later retry under the key gets back. Queries
 * (the gateway's entity fetches after a mutation carry the header too) are not affected.
 */
export function idempotentMutations<TContext extends RequestContext>(
  options: IdempotentMutationsOptions,
): ApolloServerPlugin<TContext> {
  const waitMs = options.waitForTwinMs ?? 3000;
  return {
    async requestDidStart({ contextValue }) {
      const key = contextValue.idempotencyKey;
      if (!key) return;
      const scope = idempotencyScopeOf(contextValue.caller, key);
      let claim: string | undefined;
      let replay: FormattedExecutionResult | undefined;

      const claimOrWait = async (request: GraphQLRequestContext<TContext>['request']) => {
        const fingerprint = fingerprintOf(request.query, request.operationName, request.variables);
        const deadline = Date.now() + waitMs;
        for (let attempt = 1; ; attempt += 1) {
          const decided = await options.store.claim(scope, contextValue.caller.subject, key, fingerprint);
          if (decided.outcome !== 'in-progress' || Date.now() >= deadline) return decided;
          await delay(Math.min(50 * attempt, 500));
        }
      };

      return {
        async didResolveOperation({ operation, request }) {
          if (operation?.operation !== 'mutation') return;
          const decided = await claimOrWait(request);
          switch (decided.outcome) {
            case 'claimed':
              claim = decided.claim;
              markCreatedUnder(scope, { rerun: decided.rerun });
              return;
            case 'replay':
              replay = JSON.parse(decided.response) as FormattedExecutionResult;
              contextValue.logger.info(
                { idempotencyKey: key },
                'idempotency key replayed: first result returned',
              );
              return;
            case 'reused':
              throw conflict(
                'IDEMPOTENCY_KEY_REUSED',
                'This idempotency key was already used for a different request',
              );
            case 'in-progress':
              throw conflict(
                'IDEMPOTENCY_KEY_IN_PROGRESS',
                'A request with this idempotency key is still running; retry it shortly',
              );
          }
        },
        async responseForOperation() {
          if (!replay) return null;
          return {
            http: { status: 200, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: replay },
          };
        },
        async willSendResponse({ response }) {
          if (!claim) return;
          const taken = claim;
          claim = undefined;
          const body = response.body;
          const result = body.kind === 'single' ? body.singleResult : undefined;
          const succeeded = result !== undefined && !result.errors?.length && result.data;
          // A re-run refused because its first attempt already applied the change: that refusal
          // is the key's answer from now on (released, the key would let a later try apply it again).
          const alreadyApplied = result?.errors?.some(
            (error) => error.extensions?.reason === KEY_ALREADY_APPLIED,
          );
          // The answer goes out even when it cannot be recorded (the database went away just
          // now): the claim's lease then runs out, and a retry meets the first record on its
          // key-derived `_id` rather than creating a second, and answers with that record.
          await (
            succeeded
              ? options.store.complete(scope, taken, JSON.stringify({ data: result.data }))
              : alreadyApplied
                ? options.store.complete(
                    scope,
                    taken,
                    JSON.stringify({ errors: result!.errors, data: result!.data ?? null }),
                  )
                : options.store.release(scope, taken)
          ).catch((error: unknown) =>
            contextValue.logger.warn({ err: error, idempotencyKey: key }, 'idempotency key not recorded'),
          );
        },
      };
    },
  };
}
