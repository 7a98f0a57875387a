// `npx tsx bench/persisted-queries.ts`: what the persisted-query gate adds per request. Starts its
// own gateway (from source, with a bench partner whose rate no run reaches) in front of the
// subgraphs of a running `npm start` (SUBGRAPH_PORT_OFFSET as given to it), then sends the same
// listed read, interleaved, as a partner by documentId, as a first-party caller by documentId and
// as a first-party caller in full, and straight to the work-orders subgraph (what the gateway
// adds); prints p50/p95 of each.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { CALLER_HEADER, DEV_INTERNAL_AUTH_SECRET, signCallerToken } from '@courtyard/kernel';
import { DEV_JWT_SECRET } from '../gateway/src/config.js';
import type { PersistedQueryManifest } from '../gateway/src/persisted/manifest.js';
import { issueAccessToken } from '../gateway/src/token.js';
import { startNodeService } from '../scripts/lib/processes.js';
import { listSubgraphs, ROOT } from '../scripts/lib/subgraphs.js';
import { untilPropertyKnown } from '../scripts/lib/until-property-known.js';

const secret = process.env.JWT_SECRET ?? DEV_JWT_SECRET;
const runs = Number(process.env.BENCH_RUNS ?? 500);
const port = Number(process.env.BENCH_GATEWAY_PORT ?? 4900);
const offset = Number(process.env.SUBGRAPH_PORT_OFFSET ?? 0);
const manifest = JSON.parse(
  readFileSync(`${ROOT}schema/persisted-queries.json`, 'utf8'),
) as PersistedQueryManifest;
const listed = (name: string) => manifest.operations.find((operation) => operation.name === name)!;

const dir = mkdtempSync(`${tmpdir()}/courtyard-bench-partners-`);
writeFileSync(
  `${dir}/partners.json`,
  JSON.stringify({
    partners: {
      'bench-hotline': {
        name: 'Bench',
        operations: ['HotlineRecordHelpRequest', 'HotlineHelpRequest'],
        requestsPerMinute: 100_000,
      },
    },
  }),
);
const gateway = await startNodeService({
  name: 'gateway-bench',
  entry: `${ROOT}gateway/src/index.ts`,
  port,
  logFile: `${dir}/gateway.log`,
  env: {
    ...process.env,
    GATEWAY_PORT: String(port),
    PARTNERS_PATH: `${dir}/partners.json`,
    LOG_LEVEL: 'warn',
    ...Object.fromEntries(
      listSubgraphs().map(({ name, port: routingPort }) => [
        `SUBGRAPH_URL_${name.toUpperCase().replace(/-/g, '_')}`,
        `http://127.0.0.1:${routingPort + offset}/graphql`,
      ]),
    ),
  },
});
const url = gateway.url;

async function call(
  token: string,
  body: object,
  target = { url, headers: { authorization: `Bearer ${token}` } as Record<string, string> },
): Promise<Record<string, unknown>> {
  const response = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: JSON.stringify(body),
  });
  const result = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

const manager = await issueAccessToken(
  { sub: 'bench', role: 'GENERAL_MANAGER', properties: ['*'] },
  { secret },
);
const { createProperty } = (await call(manager, {
  query: `mutation ($i: CreatePropertyInput!) { createProperty(input: $i) { property { id } } }`,
  variables: {
    i: {
      code: `BENCH-${Date.now().toString(36).toUpperCase()}`,
      name: 'Bench Court',
      address: '1 Bench Road',
      timeZone: 'Asia/Shanghai',
    },
  },
})) as { createProperty: { property: { id: string } } };
const propertyId = createProperty.property.id;
const partner = await issueAccessToken(
  { sub: 'bench-hotline', role: 'PARTNER', partnerId: 'bench-hotline', properties: [propertyId] },
  { secret },
);
const recorded = (await untilPropertyKnown(() =>
  call(partner, {
    documentId: listed('HotlineRecordHelpRequest').id,
    variables: {
      input: {
        propertyId,
        type: 'REPAIR',
        category: 'WATER_LEAK',
        channel: 'SUPERVISION_HOTLINE',
        description: 'bench',
        contactName: 'Bench',
        contactPhone: '13700000000',
      },
    },
  }),
)) as { recordHelpRequest: { helpRequest: { id: string } } };
const variables = { id: recorded.recordHelpRequest.helpRequest.id };
const read = listed('HotlineHelpRequest');

// The same read sent straight to work-orders with the internal caller token: what the gateway adds.
const workOrders = listSubgraphs().find(({ name }) => name === 'work-orders')!;
const direct = {
  url: `http://127.0.0.1:${workOrders.port + offset}/graphql`,
  headers: {
    [CALLER_HEADER]: await signCallerToken(
      { subject: 'bench', role: 'GENERAL_MANAGER', propertyIds: ['*'] },
      process.env.INTERNAL_AUTH_SECRET ?? DEV_INTERNAL_AUTH_SECRET,
    ),
  },
};

const ways = {
  'work-orders subgraph directly (no gateway)': () => call('', { query: read.body, variables }, direct),
  'partner, documentId': () => call(partner, { documentId: read.id, variables }),
  'first-party, documentId': () => call(manager, { documentId: read.id, variables }),
  'first-party, full query text': () => call(manager, { query: read.body, variables }),
};
const samples = new Map(Object.keys(ways).map((label) => [label, [] as number[]]));
for (let run = -50; run < runs; run += 1) {
  for (const [label, send] of Object.entries(ways)) {
    const begin = performance.now();
    await send();
    if (run >= 0) samples.get(label)!.push(performance.now() - begin);
  }
}
const at = (sorted: number[], q: number) =>
  Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2));
console.log(
  JSON.stringify(
    [...samples].map(([label, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return { label, runs, p50: at(sorted, 0.5), p95: at(sorted, 0.95) };
    }),
    null,
    2,
  ),
);
await gateway.stop();
rmSync(dir, { recursive: true, force: true });
