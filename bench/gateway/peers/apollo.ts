// A default @apollo/gateway: ApolloServer + ApolloGateway on the bench's supergraph, every
// setting at its default except the caller header the subgraphs require.
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { peerEnv, preSignedCaller } from './caller.js';

const { port, supergraphPath, secret } = peerEnv();
const [name, value] = await preSignedCaller(secret);
const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(supergraphPath, 'utf8'),
  buildService: ({ url }) =>
    new RemoteGraphQLDataSource({
      url,
      willSendRequest: ({ request }) => {
        request.http?.headers.set(name, value);
      },
    }),
});
const server = new ApolloServer({ gateway });
await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
console.log(`apollo gateway ready on ${port}`);
