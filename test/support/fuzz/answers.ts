import type { FuzzCase } from './cases.js';

/** Codes a client may see; anything else (INTERNAL_SERVER_ERROR above all) is a finding. */
export const STABLE_CODES = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** A stack frame, a source file or a server path: nothing of the kind may reach a client. */
const INTERNALS =
  /\bat [^\s]+ \(|node_modules|\/work\/|\/home\/|\.ts:\d+|stacktrace|<html|<pre>|127\.0\.0\.1:\d+/i;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** Longest message the error formatter lets through (500) plus headroom for an ellipsis. */
const MAX_MESSAGE = 501;

export interface Answer {
  readonly status: number;
  readonly contentType: string | null;
  readonly requestId: string | null;
  readonly text: string;
}

interface Body {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }>;
}

/** What is wrong with an answer (empty when nothing), and the codes it carried. */
export function judge(fuzzCase: FuzzCase, answer: Answer): { problems: string[]; codes: string[] } {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  if (!answer.contentType?.startsWith('application/json'))
    problems.push(`content type ${answer.contentType}`);
  if (INTERNALS.test(answer.text))
    problems.push(`internals in the body: ${answer.text.match(INTERNALS)![0]}`);
  if (answer.requestId !== null && !REQUEST_ID.test(answer.requestId))
    problems.push(`request id echoed: ${answer.requestId.slice(0, 40)}…`);
  let body: Body;
  try {
    body = JSON.parse(answer.text) as Body;
  } catch {
    problems.push('a body that is not JSON');
    return { problems, codes: ['(not JSON)'] };
  }
  const errors = Array.isArray(body.errors) ? body.errors : [];
  const codes = errors.map((error) => String(error.extensions?.code ?? '(no code)'));
  for (const code of codes) if (!STABLE_CODES.has(code)) problems.push(`code ${code}`);
  for (const error of errors)
    if (typeof error.message !== 'string' || error.message.length > MAX_MESSAGE)
      problems.push(`a message of ${String(error.message).length} characters`);
  if (fuzzCase.mustRefuse) {
    if (errors.length === 0) problems.push('accepted');
    const value = fuzzCase.field && body.data ? body.data[fuzzCase.field] : null;
    if (value !== null && value !== undefined)
      problems.push(`answered ${JSON.stringify(value).slice(0, 80)}`);
  }
  return { problems, codes: codes.length > 0 ? [...new Set(codes)] : ['(data)'] };
}
