import { mkdirSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { ROLES, type Role } from '@courtyard/kernel';
import { gql, tokenFor } from '../support/graphql.js';
import { createProperty, registerResident } from '../support/residents.js';
import { TEST_LOG_DIR } from '../support/test-env.js';
import { loadApiSchema, rootFields } from './api-schema.js';
import { EXPECTED_ACCESS, expectedToPass } from './expected-access.js';
import { classify, isMismatch, renderReport, runBounded, type Cell } from './matrix.js';
import { generateOperation } from './operation.js';

const schema = await loadApiSchema();
const fields = rootFields(schema);
const keys = fields.map((root) => root.key);
const CONCURRENCY = 8;
// A registered partner (schema/partners.json), so a refusal is about free-form queries and not
// about an unknown caller.
const PARTNER_ID = 'city-hotline';

describe('authorisation matrix: every role against every root field of the supergraph', () => {
  let propertyId: string;
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    propertyId = (await createProperty()).id;
    const residentId = (await registerResident(propertyId, 'Matrix Resident', '13900000000')).id;
    const properties = [propertyId];
    for (const role of ROLES) {
      const options =
        role === 'SYSTEM'
          ? { properties: ['*'] }
          : role === 'RESIDENT'
            ? { properties, residentId }
            : role === 'PARTNER'
              ? { properties, partnerId: PARTNER_ID }
              : { properties };
      tokens.set(role, await tokenFor(role, options));
    }
  });

  it('has exactly one expectation per root field', () => {
    const missing = keys.filter((key) => !(key in EXPECTED_ACCESS));
    const stale = Object.keys(EXPECTED_ACCESS).filter((key) => !keys.includes(key));
    expect({
      'root fields without a rule in test/authz/expected-access.ts': missing,
      'rules in test/authz/expected-access.ts for fields the supergraph no longer has': stale,
    }).toEqual({
      'root fields without a rule in test/authz/expected-access.ts': [],
      'rules in test/authz/expected-access.ts for fields the supergraph no longer has': [],
    });
    // A subscription root would escape the matrix: extend it before adding one.
    expect(schema.getSubscriptionType()).toBeFalsy();
  });

  it(`gives each of ${ROLES.length} roles × ${keys.length} root fields = ${ROLES.length * keys.length} cells the expected allow or deny`, async () => {
    const now = new Date();
    const tasks = fields.flatMap((root) =>
      ROLES.map((role) => async (): Promise<Cell> => {
        const { query, variables } = generateOperation(root, { propertyId, now });
        const response = await gql(query, variables, { token: tokens.get(role)! });
        return { key: root.key, role, expected: expectedToPass(root.key, role), outcome: classify(response) };
      }),
    );
    const cells = await runBounded(tasks, CONCURRENCY);
    const report = renderReport(keys, ROLES, cells);
    // Kept beside the suite's logs, with what each cell answered: worth reading when it passes too.
    mkdirSync(TEST_LOG_DIR, { recursive: true });
    writeFileSync(
      `${TEST_LOG_DIR}/authorization-matrix.txt`,
      `${renderReport(keys, ROLES, cells, { everyCell: true })}\n`,
    );

    expect(cells).toHaveLength(ROLES.length * keys.length);
    if (cells.some(isMismatch)) throw new Error(report);
  });
});
