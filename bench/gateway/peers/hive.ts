// @graphql-hive/gateway-runtime with its defaults (the JavaScript query planner) on the bench's
// supergraph, or with @graphql-hive/router-runtime's Rust query planner when HIVE_ROUTER=1; only
// the caller header the subgraphs require is added to every subgraph call.
import { readFileSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import { peerEnv, preSignedCaller } from './caller.js';

// Loaded by a name TypeScript does not follow: the runtime's types reference lib "dom"
// (through @whatwg-node/fetch), which would change fetch's types for the whole program.
interface HiveRuntime {
  createGatewayRuntime(options: {
    supergraph: string;
    transportEntries: Record<string, { headers: Array<[string, string]> }>;
    unifiedGraphHandler?: unknown;
  }): RequestListener;
}
const load = async <T>(name: string): Promise<T> => (await import(name)) as T;

const { port, supergraphPath, secret } = peerEnv();
const { createGatewayRuntime } = await load<HiveRuntime>('@graphql-hive/gateway-runtime');
const gateway = createGatewayRuntime({
  supergraph: readFileSync(supergraphPath, 'utf8'),
  transportEntries: { '*': { headers: [await preSignedCaller(secret)] } },
  ...(process.env.HIVE_ROUTER === '1'
    ? {
        unifiedGraphHandler: (await load<{ unifiedGraphHandler: unknown }>('@graphql-hive/router-runtime'))
          .unifiedGraphHandler,
      }
    : {}),
});
createServer(gateway).listen(port, '127.0.0.1', () => console.log(`hive gateway ready on ${port}`));
