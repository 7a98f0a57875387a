import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { issueAccessToken } from '../../gateway/src/token.js';
import { errorCodes, gql, gqlOk, tokenFor } from '../support/graphql.js';
import {
  createProperty,
  MOVE_OUT,
  moveIn,
  registerResident,
  createBuilding,
  createUnit,
} from '../support/residents.js';

const PROPERTIES = `{ properties(first: 1) { totalCount } }`;
const secret = () => process.env.JWT_SECRET!;

describe('gateway: only verified callers get in', () => {
  const refused = async (token: string | null) => {
    const result = await gql(PROPERTIES, {}, { token });
    expect(result.data ?? null).toBeNull();
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  };

  it('refuses a request without a token', () => refused(null));
  it('refuses a tampered token', async () => {
    const token = await tokenFor('GENERAL_MANAGER');
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'SYSTEM' }),
    ).toString('base64url');
    await refused(`${header}.${forged}.${signature}`);
  });
  it('refuses an expired token', async () =>
    refused(
      await issueAccessToken({ sub: 'u', role: 'FRONT_DESK' }, { secret: secret(), expiresIn: '-5 minutes' }),
    ));
  it('refuses a token for another audience', async () =>
    refused(
      await issueAccessToken(
        { sub: 'u', role: 'FRONT_DESK' },
        { secret: secret(), audience: 'someone-else' },
      ),
    ));
  it('refuses an unsigned (alg: none) token', async () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    await refused(
      `${encode({ alg: 'none' })}.${encode({ sub: 'u', role: 'SYSTEM', iss: 'courtyard', aud: 'courtyard-api', exp: now + 600 })}.`,
    );
  });
  it('refuses a token signed with another key', async () =>
    refused(
      await new SignJWT({ role: 'SYSTEM' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u')
        .setIssuer('courtyard')
        .setAudience('courtyard-api')
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('not-the-gateway-secret-at-all-0000000000')),
    ));
  it('lets a valid token through', async () => {
    const result = await gql(PROPERTIES, {}, { token: await tokenFor('GENERAL_MANAGER') });
    expect(result.errors).toBeUndefined();
  });

  it('subgraphs refuse calls that did not come through the gateway', async () => {
    const response = await fetch(`${process.env.TEST_SUBGRAPH_RESIDENTS}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('SYSTEM')}` },
      body: JSON.stringify({ query: PROPERTIES }),
    });
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(response.status).toBe(401);
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('residents: personal data is masked, and full reads are for the property staff and logged', () => {
  let propertyId: string;
  let otherPropertyId: string;
  let residentId: string;
  const RESIDENT = `query ($id: ID!) { resident(id: $id) { name phone(full: true) idDocumentNumber(full: true) } }`;

  beforeAll(async () => {
    propertyId = (await createProperty()).id;
    otherPropertyId = (await createProperty()).id;
    residentId = (await registerResident(propertyId, 'Zhang San', '13912345678')).id;
    const unit = await createUnit((await createBuilding(propertyId)).id, '202');
    await moveIn(unit.id, residentId);
  });

  it('staff of the property read in full, and each read is in the access log', async () => {
    const token = await tokenFor('FRONT_DESK', { properties: [propertyId], sub: 'desk-001' });
    const { resident } = await gqlOk<{ resident: Record<string, string> }>(
      RESIDENT,
      { id: residentId },
      { token },
    );
    expect(resident).toEqual({
      name: 'Zhang San',
      phone: '13912345678',
      idDocumentNumber: '110101199001011234',
    });

    const director = await tokenFor('OFFICE_DIRECTOR', { properties: [propertyId] });
    const { piiAccessLog } = await gqlOk<{
      piiAccessLog: { edges: Array<{ node: Record<string, unknown> }> };
    }>(
      `query ($p: ID!) { piiAccessLog(propertyId: $p) { edges { node { field actorId actorRole resident { id } at } } } }`,
      { p: propertyId },
      { token: director },
    );
    const entries = piiAccessLog.edges.map((edge) => edge.node);
    expect(entries.map((entry) => entry.field).sort()).toEqual(['ID_DOCUMENT_NUMBER', 'PHONE']);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        actorId: 'desk-001',
        actorRole: 'FRONT_DESK',
        resident: { id: residentId },
      });
    }
  });

  it('staff of another property cannot read the resident at all: to them it does not exist', async () => {
    const token = await tokenFor('FRONT_DESK', { properties: [otherPropertyId] });
    const result = await gql(RESIDENT, { id: residentId }, { token });
    expect(errorCodes(result)).toEqual(['NOT_FOUND']);
    const missing = await gql(RESIDENT, { id: randomUUID() }, { token });
    expect(missing.errors?.map((error) => error.extensions?.reason)).toEqual(
      result.errors?.map((error) => error.extensions?.reason),
    );
  });

  it('residents see their own record masked and cannot unmask it', async () => {
    const token = await tokenFor('RESIDENT', { properties: [propertyId], residentId });
    const masked = await gqlOk<{ resident: { phone: string } }>(
      `query ($id: ID!) { resident(id: $id) { phone } }`,
      { id: residentId },
      { token },
    );
    expect(masked.resident.phone).toBe('139****5678');
    const full = await gql(RESIDENT, { id: residentId }, { token });
    expect(errorCodes(full)).toContain('FORBIDDEN');
    expect(full.errors![0]!.extensions).toMatchObject({ reason: 'PII_NOT_ALLOWED' });
  });

  it('a property’s unit and resident lists are for its own staff, however they are reached', async () => {
    const LISTS = `query ($id: ID!) { property(id: $id) { name units { totalCount } residents { totalCount } } }`;
    const own = await gqlOk<{ property: { units: { totalCount: number } } }>(
      LISTS,
      { id: propertyId },
      { token: await tokenFor('FRONT_DESK', { properties: [propertyId] }) },
    );
    expect(own.property.units.totalCount).toBeGreaterThanOrEqual(1);
    const outsiderToken = await tokenFor('FRONT_DESK', { properties: [otherPropertyId] });
    for (const list of ['units', 'residents']) {
      const outsider = await gql<{ property: unknown }>(
        `query ($id: ID!) { property(id: $id) { name ${list} { totalCount } } }`,
        { id: propertyId },
        { token: outsiderToken },
      );
      expect(outsider.data?.property ?? null).toBeNull();
      expect(outsider.errors?.map((error) => error.extensions)).toEqual([
        expect.objectContaining({ code: 'FORBIDDEN', reason: 'OUTSIDE_PROPERTY_SCOPE' }),
      ]);
    }
  });

  it('a resident reads their own household and no one else’s', async () => {
    const neighbourId = (await registerResident(propertyId, 'Li Si', '13987654321')).id;
    await moveIn(
      (await createUnit((await createBuilding(propertyId, 'Building 2')).id, '303')).id,
      neighbourId,
    );
    const HOUSEHOLDS = `query ($id: ID!) { resident(id: $id) { households { id unit { number } } } }`;
    const householdOf = async (id: string) =>
      (await gqlOk<{ resident: { households: Array<{ id: string }> } }>(HOUSEHOLDS, { id })).resident
        .households[0]!.id;
    const [own, neighbours] = await Promise.all([householdOf(residentId), householdOf(neighbourId)]);
    const token = await tokenFor('RESIDENT', { properties: [], residentId });
    const HOUSEHOLD = `query ($id: ID!) { household(id: $id) { unit { number household { id } } members { resident { name } } } }`;

    const mine = await gqlOk<{ household: unknown }>(HOUSEHOLD, { id: own }, { token });
    expect(mine.household).toEqual({
      unit: { number: '202', household: { id: own } },
      members: [{ resident: { name: 'Zhang San' } }],
    });
    const theirs = await gql(HOUSEHOLD, { id: neighbours }, { token });
    expect(theirs.errors?.map((error) => error.extensions)).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', reason: 'HOUSEHOLD_NOT_FOUND' }),
    ]);
    expect(theirs.data?.household ?? null).toBeNull();
  });

  it('a resident who moved out no longer sees the household, however they reach it', async () => {
    const leaverId = (await registerResident(propertyId, 'Wu Fang', '13955554444')).id;
    const unitId = (await createUnit((await createBuilding(propertyId, 'Building 3')).id, '404')).id;
    await moveIn(unitId, leaverId);
    await gqlOk(MOVE_OUT, { input: { unitId, residentId: leaverId, movedOutOn: '2026-03-01' } });
    const token = await tokenFor('RESIDENT', { properties: [], residentId: leaverId });
    const HOUSEHOLDS = `query ($id: ID!) { resident(id: $id) { households { id } } }`;

    const own = await gqlOk<{ resident: { households: unknown[] } }>(HOUSEHOLDS, { id: leaverId }, { token });
    expect(own.resident.households).toEqual([]);
    const office = await gqlOk<{ resident: { households: Array<{ id: string }> } }>(HOUSEHOLDS, {
      id: leaverId,
    });
    expect(office.resident.households).toHaveLength(1);
    const direct = await gql(
      `query ($id: ID!) { household(id: $id) { id } }`,
      {
        id: office.resident.households[0]!.id,
      },
      { token },
    );
    expect(errorCodes(direct)).toEqual(['NOT_FOUND']);
  });

  it('only office roles of the property write its records', async () => {
    const technician = await tokenFor('TECHNICIAN', { properties: [propertyId] });
    const result = await gql(
      `mutation ($i: RegisterResidentInput!) { registerResident(input: $i) { resident { id } } }`,
      { i: { propertyId, name: 'Nope', kind: 'TENANT', phone: '13700000000' } },
      { token: technician },
    );
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    const outsider = await tokenFor('FRONT_DESK', { properties: [otherPropertyId] });
    const outside = await gql(
      `mutation ($i: RegisterResidentInput!) { registerResident(input: $i) { resident { id } } }`,
      { i: { propertyId, name: 'Nope', kind: 'TENANT', phone: '13700000000' } },
      { token: outsider },
    );
    expect(outside.errors![0]!.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OUTSIDE_PROPERTY_SCOPE',
    });
  });
});
