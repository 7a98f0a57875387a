import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../errors.js';
import { pageSize } from './pagination.js';

describe('page size', () => {
  it('defaults to 20 and accepts 1 to 100', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(null)).toBe(20);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(100)).toBe(100);
  });

  it('refuses sizes outside the bound with BAD_USER_INPUT', () => {
    for (const size of [0, -1, 101, 2.5]) {
      expect(() => pageSize(size)).toThrow(DomainError);
      expect(() => pageSize(size)).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'INVALID_PAGE_SIZE' }) as unknown as Error,
      );
    }
  });
});
