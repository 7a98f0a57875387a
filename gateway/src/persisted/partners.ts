import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ManifestIndex } from './manifest.js';

/**
 * Which partner may run which listed operations, and how often. Checked in beside the
 * manifest (`schema/partners.json`): granting an operation is a reviewed change, not a setting.
 */
export const partnersConfig = z.object({
  partners: z.record(
    z.string().regex(/^[a-z][a-z0-9-]{1,62}$/, 'partner ids are lowercase words joined by hyphens'),
    z.strictObject({
      name: z.string().min(1),
      /** Names of manifest operations this partner may run. */
      operations: z.array(z.string().min(1)),
      requestsPerMinute: z.number().int().min(1).max(100_000),
      /** Why a partner has no operations yet, or anything else a reviewer should know. */
      note: z.string().optional(),
    }),
  ),
});
export type PartnersConfig = z.infer<typeof partnersConfig>;
export type Partner = PartnersConfig['partners'][string];

/** Parses the config and checks every granted operation is in the manifest. */
export function readPartners(
  raw: unknown,
  manifest: ManifestIndex,
  source: string,
): ReadonlyMap<string, Partner> {
  const parsed = partnersConfig.safeParse(raw);
  if (!parsed.success) throw new Error(`${source} is invalid: ${parsed.error.message}`);
  const missing = Object.entries(parsed.data.partners).flatMap(([id, partner]) =>
    partner.operations.filter((name) => !manifest.names.has(name)).map((name) => `${id} → ${name}`),
  );
  if (missing.length)
    throw new Error(`${source} grants operations the manifest does not list: ${missing.join(', ')}`);
  return new Map(Object.entries(parsed.data.partners));
}

export const loadPartners = (path: string, manifest: ManifestIndex): ReadonlyMap<string, Partner> =>
  readPartners(JSON.parse(readFileSync(path, 'utf8')) as unknown, manifest, path);
