import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { parseInput } from './validation.js';

describe('input validation', () => {
  const schema = z.object({ name: z.string().max(3), floors: z.number().int() });

  it('returns the parsed input', () => {
    expect(parseInput(schema, { name: 'abc', floors: 2 })).toEqual({ name: 'abc', floors: 2 });
  });

  it('reports every bad field at once as BAD_USER_INPUT', () => {
    expect(() => parseInput(schema, { name: 'abcd', floors: 1.5 })).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        reason: 'VALIDATION_FAILED',
        details: {
          fields: [expect.objectContaining({ path: 'name' }), expect.objectContaining({ path: 'floors' })],
        },
      }) as unknown as Error,
    );
  });
});
