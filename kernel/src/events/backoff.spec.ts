import { describe, expect, it } from '@jest/globals';
import { backoffMs } from './backoff.js';

describe('retry backoff', () => {
  it('grows exponentially within [ceiling/2, ceiling] and stays under the cap', () => {
    for (let attempt = 1; attempt <= 12; attempt += 1) {
      const ceiling = Math.min(15_000, 200 * 2 ** (attempt - 1));
      const value = backoffMs(attempt);
      expect(value).toBeGreaterThanOrEqual(ceiling / 2);
      expect(value).toBeLessThanOrEqual(ceiling);
    }
  });
});
