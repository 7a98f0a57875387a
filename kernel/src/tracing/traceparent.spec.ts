import { describe, expect, it } from '@jest/globals';
import {
  childOf,
  continueTrace,
  formatTraceparent,
  parseTraceparent,
  startTrace,
  validTraceparent,
} from './traceparent.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = '00f067aa0ba902b7';
const VALID = `00-${TRACE}-${PARENT}-01`;
const W3C_SHAPE = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

describe('parseTraceparent', () => {
  it('reads the four fields of a version 00 header', () => {
    expect(parseTraceparent(VALID)).toEqual({ traceId: TRACE, parentId: PARENT, flags: '01' });
    expect(parseTraceparent(`00-${TRACE}-${PARENT}-00`)?.flags).toBe('00');
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['garbage', 'not-a-trace'],
    ['upper-case hex', VALID.toUpperCase()],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-${PARENT}-01`],
    ['an all-zero parent id', `00-${TRACE}-${'0'.repeat(16)}-01`],
    ['a short trace id', `00-${TRACE.slice(1)}-${PARENT}-01`],
    ['a long parent id', `00-${TRACE}-${PARENT}0-01`],
    ['one-digit flags', `00-${TRACE}-${PARENT}-1`],
    ['non-hex flags', `00-${TRACE}-${PARENT}-zz`],
    ['the forbidden version ff', `ff-${TRACE}-${PARENT}-01`],
    ['version 00 with extra fields', `${VALID}-extra`],
    ['a stray character after the flags', `${VALID}x`],
  ])('refuses %s', (_case, header) => {
    expect(parseTraceparent(header)).toBeNull();
    expect(validTraceparent(header)).toBeUndefined();
  });

  it('reads the known fields of a later version, as the spec asks, and writes them back as 00', () => {
    const later = `cc-${TRACE}-${PARENT}-01-what-the-future-holds`;
    expect(parseTraceparent(later)).toEqual({ traceId: TRACE, parentId: PARENT, flags: '01' });
    expect(validTraceparent(later)).toBe(VALID);
    expect(parseTraceparent(`cc-${TRACE}-${PARENT}-01x`)).toBeNull();
  });
});

describe('writing trace context', () => {
  it('round-trips a valid header unchanged', () => {
    expect(formatTraceparent(parseTraceparent(VALID)!)).toBe(VALID);
    expect(validTraceparent(VALID)).toBe(VALID);
  });

  it('starts a new sampled trace with fresh random ids', () => {
    const first = startTrace();
    const second = startTrace();
    expect(formatTraceparent(first)).toMatch(W3C_SHAPE);
    expect(parseTraceparent(formatTraceparent(first))).toEqual(first);
    expect(first.flags).toBe('01');
    expect(second.traceId).not.toBe(first.traceId);
    expect(second.parentId).not.toBe(first.parentId);
  });

  it('continues a trace as an intermediary: same trace and flags, its own parent id', () => {
    const parent = parseTraceparent(`00-${TRACE}-${PARENT}-00`)!;
    const child = childOf(parent);
    expect(child).toMatchObject({ traceId: TRACE, flags: '00' });
    expect(child.parentId).toMatch(/^[0-9a-f]{16}$/);
    expect(child.parentId).not.toBe(PARENT);
  });

  it('continues a valid header and replaces an invalid or absent one with a new trace', () => {
    expect(continueTrace(VALID).traceId).toBe(TRACE);
    for (const header of [undefined, 'garbage', `00-${'0'.repeat(32)}-${PARENT}-01`]) {
      const trace = continueTrace(header);
      expect(formatTraceparent(trace)).toMatch(W3C_SHAPE);
      expect(trace.traceId).not.toBe('0'.repeat(32));
    }
  });
});
