import { ApolloGateway } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';

/**
 * The schema clients see (join and link machinery removed, @inaccessible hidden), derived by the
 * same code the running gateway uses, so an operation valid here is valid there.
 */
export async function loadApiSchema(supergraphSdl: string): Promise<GraphQLSchema> {
  const gateway = new ApolloGateway({ supergraphSdl });
  try {
    return (await gateway.load()).schema;
  } finally {
    await gateway.stop();
  }
}
