import fc from 'fast-check';
import { isEnumType, isInputObjectType } from 'graphql';
import type { Position } from './positions.js';

/** A value that a position must not accept, and whether refusing it is required wherever it is. */
export interface BadValue {
  readonly label: string;
  readonly value: unknown;
  /**
   * True when the value is invalid whatever the field (a wrong type, a null where one is required,
   * an Int out of range, a malformed id, an unknown enum value): the operation must be refused.
   * Odd but well-typed text (huge, control characters) must be refused by mutations; a query may
   * answer it (a search for a NUL finds nothing).
   */
  readonly typeInvalid: boolean;
}

const UUID = '0b9f1c5e-4c1d-4b6a-9e7f-2f1d3c4b5a69';
const bad = (label: string, value: unknown, typeInvalid = true): BadValue => ({ label, value, typeInvalid });

const MALFORMED_IDS: BadValue[] = [
  bad('a path-like id', '../../../etc/passwd'),
  bad('an operator-injection id (text)', '{"$gt":""}'),
  bad('an operator-injection id (object)', { $gt: '' }),
  bad('an id with a NUL', `${UUID}\u0000`),
  bad('a NUL id', '\u0000'),
  bad('a 10,000-character id', 'a'.repeat(10_000)),
  bad('an empty id', ''),
  bad('an id with a space', `bill: ${UUID}`),
  bad('an id with a slash', `${UUID}/..`),
  bad('a 201-character id', 'b'.repeat(201)),
  bad('an id starting with a dot', `.${UUID}`),
  bad('a UUID with a line break', `${UUID}\n`),
  bad('an SQL-injection id', `${UUID}' OR '1'='1`),
  bad('a regex id', { $regex: '.*' }),
  bad('a list for an id', [UUID, UUID]),
  bad('a 200 kB id', 'x'.repeat(200_000)),
];

const WRONG_TYPES: Record<string, BadValue[]> = {
  String: [
    bad('a number for a String', 42),
    bad('a boolean for a String', true),
    bad('an object for a String', { $gt: '' }),
    bad('a list of objects for a String', [{}]),
  ],
  Int: [
    bad('a string for an Int', '1'),
    bad('a fraction for an Int', 1.5),
    bad('2^31 for an Int', 2 ** 31),
    bad('-2^31-1 for an Int', -(2 ** 31) - 1),
    bad('1e20 for an Int', 1e20),
    bad('a boolean for an Int', true),
    bad('an operator object for an Int', { $gt: 0 }),
  ],
  Float: [
    bad('a string for a Float', 'x'),
    bad('a boolean for a Float', true),
    bad('an object for a Float', {}),
  ],
  Boolean: [
    bad('a string for a Boolean', 'true'),
    bad('a number for a Boolean', 1),
    bad('an object for a Boolean', {}),
  ],
  DateTime: [
    bad('a DateTime that is not one', 'yesterday'),
    bad('a DateTime with month 13', '2026-13-45T00:00:00Z'),
    bad('a number for a DateTime', 1e20),
    bad('an empty DateTime', ''),
    bad('a DateTime with a NUL', '2026-01-01T00:00:00Z\u0000'),
  ],
  LocalDate: [
    bad('a LocalDate with month 13', '2026-13-45'),
    bad('a LocalDate of 30 February', '2026-02-30'),
    bad('a word for a LocalDate', 'today'),
    bad('a number for a LocalDate', 20260101),
  ],
};

/** Well-typed text no name or free text should take (refused by mutations). */
const ODD_TEXT: BadValue[] = [
  bad('a 100,000-character string', 'y'.repeat(100_000), false),
  bad('a string with a NUL', 'Fuzz\u0000value', false),
  bad('a string with control characters', 'Fuzz\u0007\u001b[31mvalue', false),
  bad('a string with a bidirectional override', 'Fuzz \u202Eeulav', false),
  bad('a string of isolates', '\u2066Fuzz\u2069', false),
];
/** Links only http(s): refused where a URL goes. */
const ODD_URLS: BadValue[] = [
  bad('a javascript: URL', 'javascript:alert(1)', false),
  bad('a file: URL', 'file:///etc/passwd', false),
  bad('a data: URL', 'data:text/html,<script>alert(1)</script>', false),
];

const FLOAT_RANGE: BadValue[] = [
  bad('5e-324 (the smallest double)', 5e-324, false),
  bad('a negative number', -1, false),
  bad('1e308', 1e308, false),
];

const nest = (depth: number): unknown => (depth === 0 ? { x: 1 } : { x: nest(depth - 1) });

/** Bad values for one position, by its type. */
export function badValuesFor(position: Position): BadValue[] {
  const values: BadValue[] = [];
  if (position.required) values.push(bad('null where a value is required', null));
  const type = position.type;
  if (isInputObjectType(type)) {
    values.push(
      bad('a string for an input object', 'Fuzz'),
      bad('a list for an input object', [1, 2, 3]),
      bad('an operator object for an input object', { $where: 'sleep(1000)' }),
      bad('an unknown field in an input object', { __proto__x: 1, constructor: 'x' }),
      bad('an input object nested 200 deep', nest(200)),
    );
    return values;
  }
  if (isEnumType(type)) {
    values.push(
      bad('an unknown enum value', 'NOT_A_VALUE'),
      bad('a lower-case enum value', String(type.getValues()[0]?.value ?? 'x').toLowerCase()),
      bad('a number for an enum', 1),
      bad('a 200 kB enum value', 'Z'.repeat(200_000)),
    );
    return values;
  }
  if (type.name === 'ID') return [...values, ...MALFORMED_IDS];
  values.push(...(WRONG_TYPES[type.name] ?? []));
  if (type.name === 'String') {
    values.push(...ODD_TEXT);
    if (/attachment|url/i.test(position.name)) values.push(...ODD_URLS);
    // An optional note of spaces is no note; a required text of spaces is empty.
    if (position.required) values.push(bad('only whitespace', '   ', false));
  }
  if (type.name === 'Float') values.push(...FLOAT_RANGE);
  return values;
}

const ID_SHAPE = /^(?:\*|[A-Za-z0-9][A-Za-z0-9._:-]{0,199})$/;
/** Characters no name or free text takes: C0 and C1 controls (tab and line breaks aside), bidi controls. */
const UNSAFE = [
  ...Array.from({ length: 32 }, (_, code) => code).filter((code) => ![9, 10, 13].includes(code)),
  ...Array.from({ length: 33 }, (_, i) => 0x7f + i),
  0x061c,
  0x200e,
  0x200f,
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
  0xfeff,
].map((code) => String.fromCharCode(code));

/** Generated bad values beside the fixed ones: any text that is not an id; text hiding a control. */
function generated(position: Position): fc.Arbitrary<BadValue>[] {
  if (position.type.name === 'ID')
    return [
      fc
        .string({ unit: 'binary', maxLength: 80 })
        .filter((text) => !ID_SHAPE.test(text))
        .map((text) => bad(`a generated non-id ${JSON.stringify(text.slice(0, 12))}`, text)),
    ];
  if (position.type.name === 'String')
    return [
      fc
        .tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...UNSAFE), fc.string({ maxLength: 20 }))
        .map(([head, unsafe, tail]) =>
          bad(
            `a generated text with U+${unsafe.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`,
            `Fuzz ${head}${unsafe}${tail}`,
            false,
          ),
        ),
    ];
  return [];
}

/** One bad value for a position, chosen by fast-check: a fixed one, or a generated one. */
export const badValueFor = (position: Position): fc.Arbitrary<BadValue> =>
  fc.oneof(fc.constantFrom(...badValuesFor(position)), ...generated(position));
