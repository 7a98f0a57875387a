import type { Role } from '@courtyard/kernel';
import type { GraphQLResponse } from '../support/graphql.js';

/** Codes that mean the caller was stopped at the gate (the last one: partners sending free-form). */
export const DENY_CODES: readonly string[] = ['FORBIDDEN', 'UNAUTHENTICATED', 'PERSISTED_QUERY_REQUIRED'];

/**
 * ALLOW: through the gate (data, or a domain error such as NOT_FOUND that only a resolver that
 * let the caller in can raise). BROKEN: GraphQL itself rejected the generated operation, so the
 * cell says nothing about access and the generator must be fixed.
 */
export type Verdict = 'ALLOW' | 'DENY' | 'BROKEN';

export interface Outcome {
  readonly verdict: Verdict;
  /** `data`, or the deciding error's `code/reason`. */
  readonly detail: string;
}

export interface Cell {
  readonly key: string;
  readonly role: Role;
  /** Undefined when the expectation table has no rule for the field. */
  readonly expected: boolean | undefined;
  readonly outcome: Outcome;
}

type GraphQLErrorShape = NonNullable<GraphQLResponse<unknown>['errors']>[number];

const describeError = (error: GraphQLErrorShape) => {
  const { code, reason } = error.extensions ?? {};
  const label = [code, reason].filter((part) => typeof part === 'string').join('/') || 'NO_CODE';
  return `${label}: ${error.message.slice(0, 140)}`;
};

// Variable coercion fails before any resolver runs; Apollo reports it as BAD_USER_INPUT too,
// but without the `reason` every Courtyard DomainError carries.
const isOperationError = (error: GraphQLErrorShape) => {
  const code = error.extensions?.code;
  return (
    code === 'GRAPHQL_VALIDATION_FAILED' ||
    code === 'GRAPHQL_PARSE_FAILED' ||
    (code === 'BAD_USER_INPUT' &&
      error.extensions?.reason === undefined &&
      /^Variable "\$/.test(error.message))
  );
};

export function classify(response: GraphQLResponse<unknown>): Outcome {
  const errors = response.errors ?? [];
  const denial = errors.find((error) => DENY_CODES.includes(String(error.extensions?.code)));
  if (denial) return { verdict: 'DENY', detail: describeError(denial) };
  const broken = errors.find(isOperationError);
  if (broken) return { verdict: 'BROKEN', detail: describeError(broken) };
  return { verdict: 'ALLOW', detail: errors[0] ? describeError(errors[0]) : 'data' };
}

export const isMismatch = (cell: Cell) =>
  cell.expected === undefined ||
  cell.outcome.verdict === 'BROKEN' ||
  cell.expected !== (cell.outcome.verdict === 'ALLOW');

/** Runs `tasks` with at most `limit` in flight; results keep the tasks' order. */
export async function runBounded<T>(tasks: ReadonlyArray<() => Promise<T>>, limit: number): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

const SHORT: Record<Role, string> = {
  RESIDENT: 'RES',
  FRONT_DESK: 'DSK',
  TECHNICIAN: 'TEC',
  SERVICE_SUPERVISOR: 'SUP',
  OFFICE_DIRECTOR: 'DIR',
  GENERAL_MANAGER: 'GM',
  QUALITY_INSPECTOR: 'QI',
  FEE_ADMINISTRATOR: 'FEE',
  PARTNER: 'PAR',
  SYSTEM: 'SYS',
};

const symbolOf = (cell: Cell) => {
  const actual = { ALLOW: '✓', DENY: '✗', BROKEN: '?' }[cell.outcome.verdict];
  return isMismatch(cell) ? `${actual}!` : actual;
};

const describeExpected = (expected: boolean | undefined) =>
  expected === undefined ? 'NO RULE' : expected ? 'ALLOW' : 'DENY';

/** The whole matrix (actual outcome per cell, `!` where it differs from the table) and the mismatches. */
export function renderReport(
  keys: readonly string[],
  roles: readonly Role[],
  cells: readonly Cell[],
  options: { everyCell?: boolean } = {},
): string {
  const byKey = new Map(keys.map((key) => [key, cells.filter((cell) => cell.key === key)]));
  const width = Math.max(...keys.map((key) => key.length));
  const header = `${''.padEnd(width)}  ${roles.map((role) => SHORT[role].padEnd(4)).join('')}`;
  const rows = keys.map((key) => {
    const row = roles.map((role) => {
      const cell = byKey.get(key)?.find((candidate) => candidate.role === role);
      return (cell ? symbolOf(cell) : ' ').padEnd(4);
    });
    return `${key.padEnd(width)}  ${row.join('')}`;
  });
  const describeCell = (cell: Cell) =>
    `  ${cell.key} × ${cell.role}: expected ${describeExpected(cell.expected)}, ` +
    `got ${cell.outcome.verdict} (${cell.outcome.detail})`;
  const mismatches = cells.filter(isMismatch).map(describeCell);
  return [
    `Authorisation matrix: ${roles.length} roles × ${keys.length} root fields = ${cells.length} cells`,
    `✓ through the gate, ✗ refused, ? operation rejected by GraphQL, ! differs from test/authz/expected-access.ts`,
    '',
    header,
    ...rows,
    '',
    `${mismatches.length} mismatching cells:`,
    ...mismatches,
    ...(options.everyCell ? ['', 'Every cell:', ...cells.map(describeCell)] : []),
  ].join('\n');
}
