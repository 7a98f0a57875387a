export { callerScopeOf } from '../caches/caller-scope.js';

/** JSON with object keys sorted at every level, so `{a, b}` and `{b, a}` are one set of variables. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, each]) => each !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, each]) => `${JSON.stringify(key)}:${canonicalJson(each)}`).join(',')}}`;
}

/** One cached answer's key: the caller scope, the document (its hash), the operation run, the variables. */
export const responseKey = (request: {
  callerScope: string;
  queryHash: string;
  operationName: string | null | undefined;
  variables: Record<string, unknown> | undefined;
}): string =>
  JSON.stringify([
    request.callerScope,
    request.queryHash,
    request.operationName ?? null,
    canonicalJson(request.variables ?? {}),
  ]);
