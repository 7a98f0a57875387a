import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

export const ROOT = new URL('../../', import.meta.url).pathname;
const SUPERGRAPH_CONFIG = new URL('../../schema/supergraph.yaml', import.meta.url);

export interface SubgraphEntry {
  name: string;
  routingUrl: string;
  port: number;
  sdlPath: string;
  /** The service entry point, by convention services/<name>/src/index.ts. */
  entry: string;
}

interface SupergraphConfig {
  subgraphs: Record<string, { routing_url: string; schema: { file: string } }>;
}

/** schema/supergraph.yaml is the one list of subgraphs: composition, start-up and tests read it. */
export function listSubgraphs(): SubgraphEntry[] {
  const config = parseYaml(readFileSync(SUPERGRAPH_CONFIG, 'utf8')) as SupergraphConfig;
  return Object.entries(config.subgraphs).map(([name, entry]) => ({
    name,
    routingUrl: entry.routing_url,
    port: Number(new URL(entry.routing_url).port),
    sdlPath: new URL(entry.schema.file, SUPERGRAPH_CONFIG).pathname,
    entry: `${ROOT}services/${name}/src/index.ts`,
  }));
}

/** `work-orders` → `WORK_ORDERS`: how a subgraph is named in environment variables. */
export const envName = (subgraph: string): string => subgraph.toUpperCase().replace(/-/g, '_');
