import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { execute } from 'graphql';
import { isIntrospectionOnly } from './operation.js';

/**
 * Answers introspection-only operations with graphql-js against the API schema, after
 * validation and the limits (so the nesting rule and the price still apply) and before the
 * gateway plans anything. @apollo/gateway would first rebuild the operation with the
 * federation libraries, which reject introspection fields newer than they are (`isOneOf`, sent
 * by GraphiQL 4 and graphql-js's getIntrospectionQuery({ oneOf: true })) as an internal error.
 */
export const introspectionPlugin = <TContext extends object>(): ApolloServerPlugin<TContext> => ({
  async requestDidStart() {
    return {
      async responseForOperation({ schema, document, operationName, request }) {
        if (!isIntrospectionOnly(document, operationName)) return null;
        const result = await execute({
          schema,
          document,
          operationName: operationName ?? null,
          variableValues: request.variables ?? {},
        });
        return {
          http: { status: undefined, headers: new HeaderMap() },
          body: {
            kind: 'single',
            singleResult: {
              ...(result.data !== undefined ? { data: result.data } : {}),
              ...(result.errors ? { errors: result.errors.map((error) => error.toJSON()) } : {}),
            },
          },
        };
      },
    };
  },
});
