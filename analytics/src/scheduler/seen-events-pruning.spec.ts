import { describe, expect, it } from '@jest/globals';
import { SeenEventsPruning } from './seen-events-pruning.js';

describe('pruning the seen event ids', () => {
  it('deletes the records made more than the retention before now, at the clock it is ticked with', async () => {
    const cutOffs: Date[] = [];
    const pruning = new SeenEventsPruning(
      {
        prune: (before) => {
          cutOffs.push(before);
          return Promise.resolve(3);
        },
      },
      14 * 86_400_000,
    );
    expect(await pruning.tick(new Date('2026-12-15T08:00:00Z'))).toBe(3);
    await pruning.tick(new Date('2026-12-16T08:00:00Z'));
    expect(cutOffs).toEqual([new Date('2026-12-01T08:00:00Z'), new Date('2026-12-02T08:00:00Z')]);
  });
});
