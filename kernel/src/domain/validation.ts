import type { z } from 'zod';
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
