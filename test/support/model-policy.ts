import { readFileSync } from 'node:fs';
import { expect, it } from '@jest/globals';
import mongoose, { type Schema } from 'mongoose';

/** One index as the service README's table shows it: collection, keys, options. */
export type IndexRow = `${string} | ${string} | ${string}`;

const OPTIONS = ['unique', 'sparse'] as const;

/** The index options a reader needs to know, in a fixed order; `—` for none. */
const optionsOf = (options: Record<string, unknown>) =>
  OPTIONS.filter((option) => options[option] === true).join(', ') || '—';

/** Every index the schemas declare (mongoose's own list, what `createIndexes` builds). */
export function declaredIndexes(schemas: Record<string, Schema>): IndexRow[] {
  return Object.values(schemas).flatMap((schema) =>
    schema.indexes().map(([keys, options]): IndexRow => {
      const fields = Object.entries(keys)
        .map(([field, direction]) => `${field}: ${String(direction)}`)
        .join(', ');
      return `${String(schema.get('collection'))} | ${fields} | ${optionsOf(options)}`;
    }),
  );
}

/**
 * The rows of the table under the README's `## Indexes` heading: `| collection | keys |
 * options | read path |`, with collection and keys in backticks (`{ a: 1, b: -1 }`).
 */
export function documentedIndexes(readmePath: string): IndexRow[] {
  const section =
    readFileSync(readmePath, 'utf8')
      .split(/^## Indexes$/m)[1]
      ?.split(/^## /m)[0] ?? '';
  return section
    .split('\n')
    .filter((line) => /^\| `/.test(line))
    .map((line): IndexRow => {
      const [collection, keys, options] = line
        .split('|')
        .slice(1, 4)
        .map((cell) => cell.trim().replace(/^`|`$/g, ''));
      return `${collection} | ${keys!.replace(/^\{ | \}$/g, '')} | ${options}`;
    });
}

/**
 * The checks every subgraph's `models.spec.ts` runs under the model policy (services/README.md):
 * each model takes a complete record unchanged under `strict: 'throw'`, and the declared indexes
 * are the README's table. Call it inside the spec's `describe`; it returns the models, for the
 * spec's own refusal cases.
 */
export function modelPolicyChecks<N extends string>(
  service: string,
  schemas: Readonly<Record<N, Schema>>,
  records: Readonly<Record<N, object>>,
  readmePath: string,
) {
  // Registered once per name: a spec file may be loaded twice in one worker.
  const modelOf = (name: N) =>
    mongoose.models[`${service}Policy${name}`] ??
    mongoose.model(`${service}Policy${name}`, schemas[name] as Schema);
  it.each(Object.keys(schemas) as N[])(
    '%s declares every stored field with its type: a complete record passes strict mode unchanged',
    (name) => {
      const document = new (modelOf(name))(records[name]);
      expect(document.validateSync()).toBeUndefined();
      expect(document.toObject()).toEqual(records[name]);
    },
  );
  it('declares exactly the indexes the README lists', () => {
    expect(declaredIndexes(schemas).sort()).toEqual(documentedIndexes(readmePath).sort());
  });
  return modelOf;
}
