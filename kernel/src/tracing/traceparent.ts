import { randomBytes } from 'node:crypto';

/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/), the `traceparent` header only:
 * `version-traceid-parentid-flags`, lower-case hex. Hand-written rather than taken from
 * `@opentelemetry/core`: the format is one fixed-width pattern, and OpenTelemetry's parser
 * comes with its Context API and propagator machinery (and random ids live in its SDK), none
 * of which the platform uses, only to read and write these 55 characters.
 */
export interface TraceContext {
  /** 32 lower-case hex digits, not all zero: the whole trace, kept across every hop. */
  readonly traceId: string;
  /** 16 lower-case hex digits, not all zero: the span of the caller that sent the header. */
  readonly parentId: string;
  /** 2 lower-case hex digits; bit 0 is "sampled". */
  readonly flags: string;
}

export const TRACEPARENT_HEADER = 'traceparent';

// Version 00 is exactly these four fields. A later version may append fields after a dash;
// the spec asks a reader to take the four it knows from it. Version ff is invalid forever.
const FIELDS = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ALL_ZERO = /^0+$/;

/** The trace context of a header, or null when it is absent or not valid W3C trace context. */
export function parseTraceparent(header: string | undefined): TraceContext | null {
  if (header === undefined) return null;
  const match = FIELDS.exec(header.trim());
  if (!match) return null;
  const [, version, traceId, parentId, flags, rest] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  if (version === 'ff' || (version === '00' && rest !== undefined)) return null;
  if (ALL_ZERO.test(traceId) || ALL_ZERO.test(parentId)) return null;
  return { traceId, parentId, flags };
}

/** The header a hop sends on: always version 00, the only one this code knows how to write. */
export const formatTraceparent = ({ traceId, parentId, flags }: TraceContext): string =>
  `00-${traceId}-${parentId}-${flags}`;

// 16 random bytes are all zero with probability 2^-128; drawing again keeps the id valid anyway.
const randomHex = (bytes: number): string => {
  for (;;) {
    const hex = randomBytes(bytes).toString('hex');
    if (!ALL_ZERO.test(hex)) return hex;
  }
};

/**
 * A new trace, for a request that arrived without a valid one. Sampled: the gateway is then
 * the trace's root, and a parent-based sampler downstream should keep what follows.
 */
export const startTrace = (): TraceContext => ({
  traceId: randomHex(16),
  parentId: randomHex(8),
  flags: '01',
});

/** The context an intermediary sends on: the same trace and flags, its own span as the parent. */
export const childOf = (parent: TraceContext): TraceContext => ({ ...parent, parentId: randomHex(8) });

/** A header's trace continued by this hop, or a new one: every request leaves with a trace. */
export const continueTrace = (header: string | undefined): TraceContext => {
  const parent = parseTraceparent(header);
  return parent ? childOf(parent) : startTrace();
};

/** The header normalised (version 00), or undefined when it is not valid trace context. */
export function validTraceparent(header: string | undefined): string | undefined {
  const context = parseTraceparent(header);
  return context ? formatTraceparent(context) : undefined;
}
