import { describe, expect, it } from '@jest/globals';
import { hasSeen, remember } from './recent-events.js';

describe('recent event ids of a partition', () => {
  it('keeps the latest ids up to the limit, oldest forgotten first', () => {
    let recent: string[] = [];
    for (const id of ['a', 'b', 'c', 'd']) recent = remember(recent, id, 3);
    expect(recent).toEqual(['b', 'c', 'd']);
    expect(hasSeen(recent, 'b')).toBe(true);
    expect(hasSeen(recent, 'a')).toBe(false);
  });
});
