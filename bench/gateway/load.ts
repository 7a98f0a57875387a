import autocannon from 'autocannon';
import type { BenchQuery } from './queries.js';

export interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

const bodyOf = (query: BenchQuery, n: number) =>
  JSON.stringify({ query: query.query, variables: query.variables(n) });

/**
 * Checks one answer of the target before it is loaded: data and no errors, so a gateway that
 * answers fast with a refusal is caught rather than measured.
 */
export async function checkAnswer(target: Target, query: BenchQuery): Promise<void> {
  const response = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: bodyOf(query, 7),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  const body = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
  if (!response.ok || body.errors || !body.data)
    throw new Error(`${target.name} / ${query.name}: ${response.status} ${text.slice(0, 500)}`);
}

/** autocannon at `connections`, each request built by setupRequest so its variables differ. */
export async function load(
  target: Target,
  query: BenchQuery,
  seconds: number,
  connections = 20,
): Promise<LoadResult> {
  let n = 0;
  const result = await autocannon({
    url: target.url,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    requests: [{ setupRequest: (request) => ({ ...request, body: bodyOf(query, n++) }) }],
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/**
 * One connection, one request at a time, timed in this process to the hundredth of a
 * millisecond (autocannon's histogram counts whole milliseconds): what a hop adds at p50.
 * Targets are interleaved request by request so drift on a shared machine hits all alike.
 */
export async function sequentialP50(
  targets: Target[],
  query: BenchQuery,
  runs: number,
): Promise<Record<string, { p50: number; p95: number }>> {
  const samples = new Map(targets.map((target) => [target.name, [] as number[]]));
  for (let run = -100; run < runs; run += 1) {
    for (const target of targets) {
      const begin = performance.now();
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...target.headers },
        body: bodyOf(query, run),
      });
      await response.arrayBuffer();
      if (run >= 0) samples.get(target.name)!.push(performance.now() - begin);
    }
  }
  const at = (sorted: number[], q: number) => Number(sorted[Math.floor(q * (sorted.length - 1))]!.toFixed(2));
  return Object.fromEntries(
    [...samples].map(([name, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return [name, { p50: at(sorted, 0.5), p95: at(sorted, 0.95) }];
    }),
  );
}
