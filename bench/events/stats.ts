import * as hdr from 'hdr-histogram-js';

/** Milliseconds recorded in microseconds, 3 significant digits: exact enough for p50/p99. */
export function latencyHistogram() {
  const histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 600_000_000,
    numberOfSignificantValueDigits: 3,
  });
  return {
    record(ms: number) {
      histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
    },
    get count() {
      return histogram.totalCount;
    },
    summary() {
      const at = (p: number) => Number((histogram.getValueAtPercentile(p) / 1000).toFixed(1));
      return { samples: histogram.totalCount, p50: at(50), p90: at(90), p99: at(99), max: at(100) };
    },
  };
}

export const perSecond = (count: number, ms: number) => (ms > 0 ? Math.round((count * 1000) / ms) : 0);

/** Polls `done` every 20 ms until it holds or `timeoutMs` passes; returns whether it held. */
export async function until(done: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await done()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
