import prand from 'pure-rand';

/**
 * The seed of a campaign's sample, from its id (32-bit FNV-1a): the same campaign draws the same
 * sample from the same households, on any instance, after any restart.
 */
export function seedOf(campaignId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < campaignId.length; i += 1) {
    hash ^= campaignId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/**
 * `size` of `ids`, drawn reproducibly from `seed` (a partial Fisher–Yates shuffle with pure-rand's
 * xoroshiro128+, over the ids sorted so their arrival order does not matter); all of them when
 * `size` is at least their number. The draw is returned in id order.
 */
export function drawSample(ids: readonly string[], size: number, seed: number): string[] {
  const pool = [...new Set(ids)].sort();
  if (size >= pool.length) return pool;
  let rng = prand.xoroshiro128plus(seed);
  for (let i = 0; i < size; i += 1) {
    const [j, next] = prand.uniformIntDistribution(i, pool.length - 1, rng);
    rng = next;
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, Math.max(0, size)).sort();
}
