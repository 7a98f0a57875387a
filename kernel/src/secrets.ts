/**
 * Secrets that have appeared in this repository (development defaults, former compose
 * fallbacks): public, so production refuses them whatever their strength.
 */
export const DEV_INTERNAL_AUTH_SECRET = 'courtyard-dev-internal-secret-change-me-0000';
export const DEV_JWT_SECRET = 'courtyard-dev-jwt-secret-change-me-000000000';
export const PUBLICLY_KNOWN_SECRETS: readonly string[] = [
  DEV_INTERNAL_AUTH_SECRET,
  DEV_JWT_SECRET,
  'compose-internal-secret-change-me-00000000',
  'compose-jwt-secret-change-me-000000000000000',
];

/** Words a generated secret does not contain: a placeholder someone typed. */
const PLACEHOLDER = /change.?me|example|password|secret|courtyard|default|test/i;
const MIN_LENGTH = 32;
/** Estimated bits per character (Shannon over the string's own characters); hex ≈ 3.7–4. */
const MIN_BITS_PER_CHAR = 3;

const bitsPerChar = (value: string): number => {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
};

/**
 * Why `value` may not be a production secret, or undefined when it may: publicly known, a
 * placeholder, shorter than 32 characters or too regular (estimated under 3 bits per character).
 */
export function productionSecretProblem(value: string): string | undefined {
  if (PUBLICLY_KNOWN_SECRETS.includes(value)) {
    return 'is a publicly known secret (it appears in the repository); generate one, e.g. `openssl rand -hex 32`';
  }
  if (PLACEHOLDER.test(value)) return 'looks like a placeholder; generate one, e.g. `openssl rand -hex 32`';
  if (value.length < MIN_LENGTH) return `must be at least ${MIN_LENGTH} characters`;
  if (bitsPerChar(value) < MIN_BITS_PER_CHAR)
    return 'is too weak (too few distinct characters); generate one';
  return undefined;
}
