/** Every spelling of a new subgraph's names that its files need, from its kebab-case name. */
export interface SubgraphNames {
  /** `facilities`: folder, subgraph and service name. */
  name: string;
  /** `FACILITIES`: environment variables (`SUBGRAPH_URL_FACILITIES`). */
  envName: string;
  /** `Facilities`: types (`FacilitiesContext`). */
  pascal: string;
  /** `facilities`: the MongoDB database. */
  database: string;
  /** `facilities.events`: the topic it publishes to. */
  topic: string;
  /** The first aggregate: `Facility`, `facility`, `facility` (files), `facility` (event types). */
  aggregate: { pascal: string; camel: string; kebab: string; event: string };
  /** Its plural: `facilities` (list query), `facilities` (collection). */
  aggregates: { camel: string; snake: string };
}

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const PASCAL = /^[A-Z][a-zA-Z0-9]*$/;

const words = (kebab: string) => kebab.split('-');
const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const pascalOf = (kebab: string) => words(kebab).map(capital).join('');
const pascalWords = (pascal: string) => pascal.split(/(?=[A-Z])/).map((word) => word.toLowerCase());

/** English plural of the last word, the common cases (an explicit `--plural` covers the rest). */
export function pluralOf(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/** The singular the aggregate defaults to (`facilities` → `Facility`, `surveys` → `Survey`). */
export function singularOf(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ses|xes|zes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * Names for `npm run new:subgraph <name> [--aggregate Name] [--plural names]`; a name that is
 * not kebab-case (or an aggregate not PascalCase) is refused with the rule it broke.
 */
export function subgraphNames(
  name: string,
  options: { aggregate?: string; plural?: string; topic?: string } = {},
): SubgraphNames {
  if (!KEBAB.test(name)) throw new Error(`subgraph name "${name}" must be kebab-case, e.g. facilities`);
  const aggregatePascal = options.aggregate ?? pascalOf(singularOf(name));
  if (!PASCAL.test(aggregatePascal)) {
    throw new Error(`aggregate name "${aggregatePascal}" must be PascalCase, e.g. Facility`);
  }
  const aggregateWords = pascalWords(aggregatePascal);
  const pluralWords = options.plural
    ? words(options.plural)
    : [...aggregateWords.slice(0, -1), pluralOf(aggregateWords.at(-1)!)];
  const camel = (list: string[]) => list[0]! + list.slice(1).map(capital).join('');
  return {
    name,
    envName: name.toUpperCase().replace(/-/g, '_'),
    pascal: pascalOf(name),
    database: name.replace(/-/g, '_'),
    topic: options.topic ?? `${name.replace(/-/g, '')}.events`,
    aggregate: {
      pascal: aggregatePascal,
      camel: camel(aggregateWords),
      kebab: aggregateWords.join('-'),
      event: aggregateWords.join('_'),
    },
    aggregates: { camel: camel(pluralWords), snake: pluralWords.join('_') },
  };
}

/** The placeholders template files use, and what each becomes. */
export function tokens(names: SubgraphNames, port: number): ReadonlyArray<readonly [string, string]> {
  // Longest first, so `__aggregate__` never eats part of `__aggregate-file__`.
  return [
    ['__aggregate-file__', names.aggregate.kebab],
    ['__aggregate_event__', names.aggregate.event],
    ['__Aggregate__', names.aggregate.pascal],
    ['__aggregate__', names.aggregate.camel],
    ['__aggregates__', names.aggregates.camel],
    ['__collection__', names.aggregates.snake],
    ['__database__', names.database],
    ['__topic__', names.topic],
    ['__port__', String(port)],
    ['__NAME__', names.envName],
    ['__Name__', names.pascal],
    ['__name__', names.name],
  ];
}
