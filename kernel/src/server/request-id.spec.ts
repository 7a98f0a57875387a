import { describe, expect, it } from '@jest/globals';
import { requestIdFrom } from './request-id.js';

describe('the request id', () => {
  it('keeps a plausible client id', () => {
    expect(requestIdFrom('refusal-1a2b.c:d_e')).toBe('refusal-1a2b.c:d_e');
    expect(requestIdFrom(['first-id', 'second'])).toBe('first-id');
  });

  it.each([
    ['8 kB', 'x'.repeat(8192)],
    ['129 characters', 'x'.repeat(129)],
    ['spaces and quotes', 'a "b" c'],
    ['a line break', 'a\nb'],
    ['a NUL', 'a\u0000'],
    ['empty', ''],
  ])('replaces one of %s with a new UUID', (_case, header) => {
    const id = requestIdFrom(header);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(id).not.toBe(header);
  });

  it('makes one when there is none', () => {
    expect(requestIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
