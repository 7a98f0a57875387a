import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  DEV_INTERNAL_AUTH_SECRET,
  DEV_JWT_SECRET,
  productionSecretProblem,
  PUBLICLY_KNOWN_SECRETS,
} from '@courtyard/kernel';
import { ROOT } from '../scripts/lib/subgraphs.js';

/** Literals the repository assigns to a *SECRET* name, or gives one as a compose fallback. */
function secretLiteralsInRepository(): Array<{ file: string; value: string }> {
  const files = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .stdout.split('\n')
    .filter(
      (file) => /\.(ts|js|cjs|mjs|ya?ml|json|md|sh|env|properties)$/.test(file) || file === 'Dockerfile',
    );
  const assigned = /SECRET[A-Z0-9_]*['"]?\s*[:=]\s*['"`]([^'"`\s$]{12,})['"`]/g;
  const fallback = /SECRET[A-Z0-9_]*:?-([^}]+)\}/g;
  return files.flatMap((file) => {
    const text = readFileSync(`${ROOT}${file}`, 'utf8');
    return [...text.matchAll(assigned), ...text.matchAll(fallback)].map((match) => ({
      file,
      value: match[1]!,
    }));
  });
}

describe('production secrets', () => {
  it('refuses every secret literal committed to the repository', () => {
    const found = secretLiteralsInRepository();
    expect(found.map(({ value }) => value)).toEqual(
      expect.arrayContaining([DEV_INTERNAL_AUTH_SECRET, DEV_JWT_SECRET]),
    );
    expect(found.filter(({ value }) => productionSecretProblem(value) === undefined)).toEqual([]);
  });

  it.each(PUBLICLY_KNOWN_SECRETS.map((secret) => [secret]))('refuses the publicly known %s', (secret) => {
    expect(productionSecretProblem(secret)).toMatch(/publicly known/);
  });

  it.each([
    ['too short', randomBytes(12).toString('hex'), /at least 32/],
    ['one character repeated', 'x'.repeat(64), /too weak/],
    ['two characters alternating', 'ab'.repeat(32), /too weak/],
    ['a placeholder', `change-me-${randomBytes(16).toString('hex')}`, /placeholder/],
  ])('refuses a weak secret: %s', (_case, secret, message) => {
    expect(productionSecretProblem(secret)).toMatch(message);
  });

  it('accepts generated secrets (openssl rand -hex 32, -base64 32)', () => {
    for (let i = 0; i < 20; i += 1) {
      expect(productionSecretProblem(randomBytes(32).toString('hex'))).toBeUndefined();
      expect(productionSecretProblem(randomBytes(32).toString('base64'))).toBeUndefined();
    }
  });
});
