import type { Caller } from '@courtyard/kernel';
import type { ManifestIndex, PersistedOperation } from './manifest.js';
import type { Partner } from './partners.js';

/** A request-level refusal, sent before Apollo sees the request. */
export interface Refusal {
  status: number;
  code: string;
  reason?: string;
  message: string;
}

export type Decision =
  /** Leave the request to Apollo as sent: free-form queries and APQ from first-party callers. */
  | { action: 'pass' }
  /** Run this listed operation in place of whatever text came with the request. */
  | { action: 'run'; operation: PersistedOperation }
  | { action: 'refuse'; refusal: Refusal };

export interface GateRules {
  manifest: ManifestIndex;
  partners: ReadonlyMap<string, Partner>;
  /**
   * Set only while introspection is enabled: whether query text reads nothing but the schema.
   * Such text passes for partners too, so their developers can point an IDE or codegen at the
   * endpoint; it reads no data, calls no subgraph and still counts against the partner's rate.
   */
  readsOnlySchema?: (query: string, operationName: string | undefined) => boolean;
}

const refuse = (status: number, code: string, message: string, reason?: string): Decision => ({
  action: 'refuse',
  refusal: { status, code, message, ...(reason ? { reason } : {}) },
});

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;

/** The APQ hash a client sent, if any (`extensions.persistedQuery.sha256Hash`). */
const apqHash = (body: unknown): unknown =>
  field(field(field(body, 'extensions'), 'persistedQuery'), 'sha256Hash');

/**
 * What the gate does with one request. Partners run only listed operations granted to them,
 * named by `documentId` or by the APQ hash; anything else is refused with a code a partner's
 * client can branch on. First-party callers keep free-form queries and APQ, and may also name a
 * listed operation by `documentId` (their apps can ship with the same manifest).
 */
export function decide(
  caller: Pick<Caller, 'role' | 'partnerId'>,
  request: { method: string; body: unknown },
  rules: GateRules,
): Decision {
  const documentId = field(request.body, 'documentId');
  if (documentId !== undefined) {
    if (typeof documentId !== 'string')
      return refuse(400, 'BAD_USER_INPUT', 'documentId must be a string', 'INVALID_DOCUMENT_ID');
    if (field(request.body, 'query') !== undefined)
      return refuse(
        400,
        'BAD_USER_INPUT',
        'Send either documentId or query, not both',
        'DOCUMENT_ID_WITH_QUERY',
      );
  }
  if (caller.role !== 'PARTNER')
    return documentId === undefined ? { action: 'pass' } : listed(documentId, rules);

  const partner = caller.partnerId ? rules.partners.get(caller.partnerId) : undefined;
  if (!partner)
    return refuse(403, 'FORBIDDEN', 'This partner is not registered with Courtyard', 'UNKNOWN_PARTNER');
  const query = field(request.body, 'query');
  const operationName = field(request.body, 'operationName');
  if (
    rules.readsOnlySchema &&
    documentId === undefined &&
    typeof query === 'string' &&
    rules.readsOnlySchema(query, typeof operationName === 'string' ? operationName : undefined)
  )
    return { action: 'pass' };
  // The APQ hash is honoured for listed operations only; any query text sent beside it is ignored,
  // so only reviewed text ever runs for a partner.
  const id = documentId ?? apqHash(request.body);
  if (request.method !== 'POST' || typeof id !== 'string')
    return refuse(
      400,
      'PERSISTED_QUERY_REQUIRED',
      'Partners call listed operations only: POST {"documentId": "<id from the manifest>", "variables": {...}}',
    );
  const decision = listed(id, rules);
  if (decision.action !== 'run' || partner.operations.includes(decision.operation.name)) return decision;
  return refuse(
    403,
    'FORBIDDEN',
    `Operation ${decision.operation.name} is not granted to this partner`,
    'OPERATION_NOT_GRANTED',
  );
}

function listed(id: string, rules: GateRules): Decision {
  const operation = rules.manifest.byId.get(id);
  return operation
    ? { action: 'run', operation }
    : refuse(400, 'PERSISTED_QUERY_NOT_LISTED', `No listed operation has id ${id.slice(0, 80)}`);
}

/** The request body Apollo executes for a listed operation: its text, its name, the caller's variables. */
export function withListedBody(body: unknown, operation: PersistedOperation): Record<string, unknown> {
  const {
    documentId: _documentId,
    query: _query,
    extensions,
    ...rest
  } = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const { persistedQuery: _persistedQuery, ...otherExtensions } =
    typeof extensions === 'object' && extensions !== null ? (extensions as Record<string, unknown>) : {};
  return { ...rest, query: operation.body, operationName: operation.name, extensions: otherExtensions };
}
