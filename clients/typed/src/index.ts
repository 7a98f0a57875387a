export { createClient, type ClientOptions, type GatewayError, type Response } from './client.js';
export * from './operations.js';
export type * from './__generated__/graphql.js';
