import type { BenchQuery } from './queries.js';
import type { LoadResult } from './load.js';

export interface Report {
  at: string;
  seconds: number;
  connections: number;
  data: { units: number; helpRequests: number };
  /** results[query][target] = [round 1, round 2] */
  results: Record<string, Record<string, LoadResult[]>>;
  oneConnection: { query: string; p50: Record<string, { p50: number; p95: number }> };
}

export const TARGET_LABELS: Record<string, string> = {
  courtyard: 'Courtyard gateway (response cache off)',
  courtyardCached: 'Courtyard gateway, response cache on',
  apollo: 'default `@apollo/gateway`',
  hive: '`@graphql-hive/gateway-runtime`',
  hiveRouter: '`@graphql-hive/router-runtime` (Rust planner)',
  direct: 'the subgraph directly',
};
const PEERS = ['apollo', 'hive', 'hiveRouter'];
const mean = (rounds: LoadResult[]) =>
  rounds.reduce((sum, r) => sum + r.requestsPerSecond, 0) / rounds.length;
const worstP99 = (rounds: LoadResult[]) => Math.max(...rounds.map((r) => r.p99));

/** The markdown table: req/s round 1 / round 2 and the worse p99 of the two, then the ratios of this run. */
export function markdown(report: Report, queries: BenchQuery[]): string {
  const targets = Object.keys(TARGET_LABELS);
  const ours = ['courtyard', 'courtyardCached'] as const;
  const short = { courtyard: 'cache off', courtyardCached: 'cache on' };
  const ratioHeads = ours.flatMap((t) => [`÷ best peer, ${short[t]}`, `÷ Apollo, ${short[t]}`]);
  const lines = [
    `Gateway bench, ${report.at}: autocannon, ${report.connections} connections, 2 alternating rounds of ${report.seconds} s; ` +
      `${report.data.units}+ units, ${report.data.helpRequests}+ help requests. Cells: req/s round 1 / round 2 (p99 ms, worse round). ` +
      'Every request carries one caller (a general manager), so the cache on holds one answer per distinct variables.',
    '',
    `| query | ${targets.map((t) => TARGET_LABELS[t]).join(' | ')} | ${ratioHeads.join(' | ')} |`,
    `|---|${targets.map(() => '---').join('|')}|${ratioHeads.map(() => '---').join('|')}|`,
  ];
  const toApollo: Record<string, number[]> = { courtyard: [], courtyardCached: [] };
  for (const query of queries) {
    const row = report.results[query.name] ?? {};
    const cells = targets.map((t) => {
      const rounds = row[t];
      if (!rounds) return '—';
      const failures = rounds.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
      return `${rounds.map((r) => r.requestsPerSecond).join(' / ')} (${worstP99(rounds)})${failures ? ` ⚠${failures} failed` : ''}`;
    });
    const best = Math.max(...PEERS.map((p) => (row[p] ? mean(row[p]) : 0)));
    const apollo = row.apollo ? mean(row.apollo) : 0;
    const ratios = ours.flatMap((t) => {
      const value = row[t] ? mean(row[t]) : 0;
      if (apollo && value) toApollo[t]!.push(value / apollo);
      return [best ? (value / best).toFixed(2) : '—', apollo ? (value / apollo).toFixed(2) : '—'];
    });
    lines.push(`| ${query.label} | ${cells.join(' | ')} | ${ratios.join(' | ')} |`);
  }
  const geometric = (ratios: number[]) =>
    Math.exp(ratios.reduce((sum, r) => sum + Math.log(r), 0) / ratios.length).toFixed(2);
  lines.push(
    '',
    `Courtyard ÷ default Apollo over the mix (geometric mean of the rows): cache off ${geometric(toApollo.courtyard!)}, cache on ${geometric(toApollo.courtyardCached!)}`,
  );
  const { query, p50 } = report.oneConnection;
  lines.push(
    '',
    `One connection, ${query}, p50 / p95 ms: ` +
      Object.entries(p50)
        .map(([t, v]) => `${TARGET_LABELS[t] ?? t} ${v.p50} / ${v.p95}`)
        .join('; '),
  );
  const direct = p50.direct?.p50;
  for (const t of ours) {
    const at = p50[t]?.p50;
    if (direct !== undefined && at !== undefined)
      lines.push(
        `Courtyard (${short[t]}) adds ${(at - direct).toFixed(2)} ms at p50 over the subgraph called directly.`,
      );
  }
  return `${lines.join('\n')}\n`;
}
