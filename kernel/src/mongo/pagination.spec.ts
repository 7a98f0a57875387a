import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../errors.js';
import { pageOf, pageSize } from './pagination.js';

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

describe('page info (Relay connection specification)', () => {
  const doc = (id: string) => ({ _id: id, createdAt: new Date('2026-11-23T08:00:00.000Z') });
  const read = [doc('c'), doc('b'), doc('a')];

  it('gives the first and last cursors, and a next page when one more record was read', () => {
    const { page, pageInfo } = pageOf(read, 2, null);
    expect(page.map((d) => d._id)).toEqual(['c', 'b']);
    expect(pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(pageInfo.startCursor).not.toBe(pageInfo.endCursor);
    expect(pageOf(read.slice(0, 1), 1, null).pageInfo.startCursor).toBe(pageInfo.startCursor);
  });

  it('has a previous page when asked after a cursor, and no cursors when empty', () => {
    const last = pageOf(read.slice(2), 2, 'cursor-of-b').pageInfo;
    expect(last).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(last.startCursor).toBe(last.endCursor);
    expect(pageOf([], 2, null).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });
});
