/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation CreateProperty($input: CreatePropertyInput!) {\n    createProperty(input: $input) {\n      property {\n        id\n        code\n        name\n        timeZone\n      }\n    }\n  }\n": typeof types.CreatePropertyDocument,
    "\n  mutation CreateBuilding($input: CreateBuildingInput!) {\n    createBuilding(input: $input) {\n      building {\n        id\n        name\n        floors\n      }\n    }\n  }\n": typeof types.CreateBuildingDocument,
    "\n  mutation CreateUnit($input: CreateUnitInput!) {\n    createUnit(input: $input) {\n      unit {\n        id\n        number\n        floor\n        areaSquareMeters\n      }\n    }\n  }\n": typeof types.CreateUnitDocument,
    "\n  query PropertyUnits($code: String!, $first: Int, $after: String) {\n    propertyByCode(code: $code) {\n      id\n      name\n      units(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            number\n            floor\n          }\n        }\n      }\n    }\n  }\n": typeof types.PropertyUnitsDocument,
};
const documents: Documents = {
    "\n  mutation CreateProperty($input: CreatePropertyInput!) {\n    createProperty(input: $input) {\n      property {\n        id\n        code\n        name\n        timeZone\n      }\n    }\n  }\n": types.CreatePropertyDocument,
    "\n  mutation CreateBuilding($input: CreateBuildingInput!) {\n    createBuilding(input: $input) {\n      building {\n        id\n        name\n        floors\n      }\n    }\n  }\n": types.CreateBuildingDocument,
    "\n  mutation CreateUnit($input: CreateUnitInput!) {\n    createUnit(input: $input) {\n      unit {\n        id\n        number\n        floor\n        areaSquareMeters\n      }\n    }\n  }\n": types.CreateUnitDocument,
    "\n  query PropertyUnits($code: String!, $first: Int, $after: String) {\n    propertyByCode(code: $code) {\n      id\n      name\n      units(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            number\n            floor\n          }\n        }\n      }\n    }\n  }\n": types.PropertyUnitsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProperty($input: CreatePropertyInput!) {\n    createProperty(input: $input) {\n      property {\n        id\n        code\n        name\n        timeZone\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProperty($input: CreatePropertyInput!) {\n    createProperty(input: $input) {\n      property {\n        id\n        code\n        name\n        timeZone\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBuilding($input: CreateBuildingInput!) {\n    createBuilding(input: $input) {\n      building {\n        id\n        name\n        floors\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateBuilding($input: CreateBuildingInput!) {\n    createBuilding(input: $input) {\n      building {\n        id\n        name\n        floors\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUnit($input: CreateUnitInput!) {\n    createUnit(input: $input) {\n      unit {\n        id\n        number\n        floor\n        areaSquareMeters\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUnit($input: CreateUnitInput!) {\n    createUnit(input: $input) {\n      unit {\n        id\n        number\n        floor\n        areaSquareMeters\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PropertyUnits($code: String!, $first: Int, $after: String) {\n    propertyByCode(code: $code) {\n      id\n      name\n      units(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            number\n            floor\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PropertyUnits($code: String!, $first: Int, $after: String) {\n    propertyByCode(code: $code) {\n      id\n      name\n      units(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            number\n            floor\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;