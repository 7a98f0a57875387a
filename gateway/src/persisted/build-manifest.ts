import { basename } from 'node:path';
import { GraphQLError, Kind, parse, print, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { operationId, type PersistedOperation, type PersistedQueryManifest } from './manifest.js';

export interface OperationSource {
  /** Path of the `.graphql` file; its base name must be the operation's name. */
  file: string;
  text: string;
}

export type BuildResult = { manifest: PersistedQueryManifest; errors: [] } | { errors: string[] };

/**
 * Turns operation documents into the safelist. The body is graphql-js's printed form, so
 * whitespace and comments in the source never change an id, and the id is the sha256 a client
 * computes over that body for APQ. Every problem in every file is reported together.
 */
export function buildManifest(sources: readonly OperationSource[], schema: GraphQLSchema): BuildResult {
  const errors: string[] = [];
  const operations: PersistedOperation[] = [];
  for (const source of sources) {
    const problems: string[] = [];
    const operation = toOperation(source, schema, problems);
    errors.push(...problems.map((problem) => `${source.file}: ${problem}`));
    if (operation) operations.push(operation);
  }
  const seen = new Set<string>();
  for (const { name } of operations) {
    if (seen.has(name)) errors.push(`operation ${name} is defined in more than one file`);
    seen.add(name);
  }
  if (errors.length) return { errors };
  operations.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { manifest: { format: 'apollo-persisted-query-manifest', version: 1, operations }, errors: [] };
}

function toOperation(
  source: OperationSource,
  schema: GraphQLSchema,
  problems: string[],
): PersistedOperation | undefined {
  let document: DocumentNode;
  try {
    document = parse(source.text);
  } catch (error) {
    problems.push(error instanceof GraphQLError ? error.message : String(error));
    return undefined;
  }
  const definitions = document.definitions;
  const operations = definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const [operation] = operations;
  if (operations.length !== 1 || !operation)
    problems.push(`holds ${operations.length} operations; keep exactly one per file`);
  if (definitions.some((d) => d.kind !== Kind.OPERATION_DEFINITION && d.kind !== Kind.FRAGMENT_DEFINITION))
    problems.push('holds type-system definitions; only an operation and its fragments belong here');
  const name = operation?.name?.value;
  const expected = basename(source.file, '.graphql');
  if (operation && !name) problems.push('the operation has no name; partners and logs refer to it by name');
  else if (name && name !== expected) problems.push(`operation ${name} must live in ${name}.graphql`);
  for (const error of validate(schema, document))
    problems.push(`invalid against the API schema: ${error.message}`);
  if (problems.length || !operation || !name) return undefined;
  const body = print(document);
  return { id: operationId(body), name, type: `${operation.operation}`, body };
}
