import { z } from 'zod';
import { DomainError } from './errors.js';

/**
 * Validates a command's input; every problem is reported at once as BAD_USER_INPUT with the
 * offending fields, before anything is read or written.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new DomainError(
    'BAD_USER_INPUT',
    'VALIDATION_FAILED',
    `Invalid input: ${fields.map((field) => `${field.path || 'input'} ${field.message}`).join('; ')}`,
    { fields },
  );
}

/** An IANA time-zone name the runtime knows (e.g. `Asia/Shanghai`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An optional input field: absent or null becomes `fallback`, so commands see one shape. */
export const withDefault = <S extends z.ZodType, F extends z.output<S> | null>(schema: S, fallback: F) =>
  schema.nullish().transform((value): z.output<S> | F => value ?? fallback);

/**
 * The one id format, decided from what the subgraphs generate: random UUIDs on requests, UUIDs
 * derived from an event in reactions, and natural keys built from them (`bill:<unit>:2027-Q1`,
 * `payment:office:<key>`, `satisfaction-<request>`): 1 to 200 ASCII letters, digits, `-`, `_`,
 * `:` and `.`, starting with a letter or digit. Anything else (`../etc/passwd`, `{"$gt":""}`, a
 * NUL, a space, 10,000 characters) names no record, so it is refused at the edge before any lookup.
 * `*` alone is `ALL_PROPERTIES` (a company-wide survey template's property).
 */
export const ID_PATTERN = /^(?:\*|[A-Za-z0-9][A-Za-z0-9._:-]{0,199})$/;
export const ID_DESCRIPTION =
  'an id (1-200 letters, digits, -, _, : or ., starting with a letter or digit; * for every property)';
export const isId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);
/** An id field in a command's input schema. */
export const recordId = z.string().regex(ID_PATTERN, `must be ${ID_DESCRIPTION}`);

/**
 * Characters no name or free text needs and that mislead readers or break logs: C0/C1 controls
 * (tab and line breaks aside, where free text allows them), the bidirectional embeddings,
 * overrides and isolates (the "Trojan Source" characters), and U+FEFF / U+FFFE / U+FFFF.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\ufffe\uffff]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const LINE_BREAK = /[\t\n\r\u2028\u2029]/;

/**
 * Checked on the value as sent, before trimming: `trim()` would silently drop a control character
 * at either end (U+000C, U+FEFF are whitespace to JavaScript), and the input would be accepted
 * when the same character inside it is refused.
 */
const sentWithoutControls = (value: string): boolean => !CONTROL.test(value) && !BIDI.test(value);
const CONTROLS_REFUSED = 'must not contain control or bidirectional characters';

/** True when the text holds nothing a person could not have meant to type. */
export const isCleanText = (value: string, options: { multiline?: boolean } = {}): boolean =>
  !CONTROL.test(value) && !BIDI.test(value) && (options.multiline === true || !LINE_BREAK.test(value));

/** A one-line name or label: trimmed, 1..max characters, no control or bidirectional characters. */
export const text = (max: number) =>
  z
    .string()
    .refine(sentWithoutControls, { message: CONTROLS_REFUSED, abort: true })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine(
      (value) => isCleanText(value),
      'must not contain control, line-break or bidirectional characters',
    );

/** Free text (a description, a note): like `text`, but tabs and line breaks are kept. */
export const freeText = (max: number) =>
  z
    .string()
    .refine(sentWithoutControls, { message: CONTROLS_REFUSED, abort: true })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine(
      (value) => isCleanText(value, { multiline: true }),
      'must not contain control or bidirectional characters',
    );

/** A link a person may open: http or https only (never `javascript:`, `file:` or `data:`). */
export const httpUrl = (max = 2000) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => {
      if (!isCleanText(value)) return false;
      try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
      } catch {
        return false;
      }
    }, 'must be an http or https URL');

/**
 * An optional text: absent, null or blank becomes null; otherwise at most `max` characters and
 * as clean as `text` (or `freeText` with `multiline`).
 */
export const optionalText = (max: number, options: { multiline?: boolean } = {}) =>
  z
    .string()
    .refine(sentWithoutControls, { message: CONTROLS_REFUSED, abort: true })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine(
      (value) => isCleanText(value, options),
      options.multiline
        ? 'must not contain control or bidirectional characters'
        : 'must not contain control, line-break or bidirectional characters',
    )
    .nullish()
    .transform((value) => value || null);

/**
 * The one phone rule (residents' numbers, help-request contacts, facility reporters and service
 * partners): trimmed, digits with an optional leading `+`, as numbers are written in China today
 * — a mobile `13812345678` or `+8613812345678`, a landline with its area code `02188886666`. A
 * person's own number has at least 7 digits (a landline without its area code is the shortest);
 * a contact may also be a short service line such as 12345 or 95598, which `{ serviceLines:
 * true }` accepts (5 digits).
 */
export const phoneNumber = ({ serviceLines = false }: { serviceLines?: boolean } = {}) => {
  const fewest = serviceLines ? 5 : 7;
  return z
    .string()
    .trim()
    .regex(
      new RegExp(`^\\+?[0-9]{${fewest},15}$`),
      `must be ${fewest}-15 digits, optionally with a leading +`,
    );
};

/**
 * The forms one Chinese mobile number is written in (`13812345678`, `+8613812345678`,
 * `8613812345678`, `008613812345678`), since a number is stored as given: a lookup of "the same
 * number" asks for each form (an equality on an index) instead of storing a second, normalised
 * copy. Any other number (a landline, a service line, a foreign number) has the form it was
 * given, with and without its `+`.
 */
export function phoneForms(phone: string): string[] {
  const digits = phone.replace(/^\+/, '');
  const national = digits.replace(/^(0086|86)(?=1\d{10}$)/, '');
  const forms = /^1\d{10}$/.test(national)
    ? [national, `+86${national}`, `86${national}`, `0086${national}`]
    : [phone, digits];
  return [...new Set([phone, ...forms])];
}
