import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TOPICS } from '@courtyard/kernel';
import { issueAccessToken } from '../../gateway/src/token.js';
import { EventTap } from '../support/events.js';
import { errorCodes, gql, gqlOk, tokenFor } from '../support/graphql.js';
import { withDatabase } from '../support/mongo.js';
import {
  createBuilding,
  createProperty,
  createUnit,
  moveIn,
  registerResident,
} from '../support/residents.js';
import { eventually } from '../support/subgraph.js';
import { act, recordHelpRequest, registerStaff, repairInput } from '../support/work-orders.js';

const ME = /* GraphQL */ `
  query Me {
    me {
      id
      name
      kind
      phone
      vip
      preferredContactChannel
      households {
        id
        unit {
          id
          number
          building {
            name
          }
        }
      }
      open: helpRequests(open: true) {
        edges {
          node {
            id
            state
          }
        }
      }
      recent: helpRequests(open: false) {
        edges {
          node {
            id
            state
          }
        }
      }
    }
  }
`;
const UPDATE_OWN = /* GraphQL */ `
  mutation UpdateOwn($input: UpdateResidentContactDetailsInput!) {
    updateResidentContactDetails(input: $input) {
      resident {
        id
        phone
        preferredContactChannel
      }
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateResidentInput!) {
    updateResident(input: $input) {
      resident {
        id
        kind
        vip
      }
    }
  }
`;
const HISTORY = /* GraphQL */ `
  query History($id: ID!) {
    resident(id: $id) {
      phone(full: true)
      history {
        at
        actorId
        actorRole
        actorName
        reason
        changes {
          field
          from
          to
        }
      }
    }
  }
`;

interface Me {
  id: string;
  phone: string;
  households: Array<{ id: string; unit: { id: string; number: string; building: { name: string } } }>;
  open: { edges: Array<{ node: { id: string; state: string } }> };
  recent: { edges: Array<{ node: { id: string; state: string } }> };
}

describe('residents, every day: a resident’s own record and the office keeping the archive current', () => {
  let tap: EventTap;
  let propertyId: string;
  let unitId: string;
  let residentId: string;
  let neighbourId: string;
  let residentToken: string;
  let neighbourToken: string;
  let desk: { id: string; token: string };
  let openRequest: string;
  let referredRequest: string;

  beforeAll(async () => {
    tap = await EventTap.start(TOPICS.residents);
    propertyId = (await createProperty()).id;
    const buildingId = (await createBuilding(propertyId, 'Building 3')).id;
    unitId = (await createUnit(buildingId, '3-301', 3)).id;
    const neighbourUnit = (await createUnit(buildingId, '3-302', 3)).id;
    residentId = (await registerResident(propertyId, 'Li Wei', '13812345678')).id;
    neighbourId = (await registerResident(propertyId, 'Zhao Min', '13987654321')).id;
    await moveIn(unitId, residentId);
    await moveIn(neighbourUnit, neighbourId);
    residentToken = await tokenFor('RESIDENT', { properties: [propertyId], residentId });
    neighbourToken = await tokenFor('RESIDENT', { properties: [propertyId], residentId: neighbourId });
    desk = await registerStaff(propertyId, 'FRONT_DESK');
    openRequest = await recordHelpRequest(
      repairInput(propertyId, { requesterId: residentId, unitId }),
      desk.token,
    );
    referredRequest = await recordHelpRequest(
      repairInput(propertyId, { requesterId: residentId, unitId, category: 'FEES' }),
      desk.token,
    );
    await act(
      'referHelpRequest',
      { id: referredRequest, department: 'District tax office', residentToldAt: new Date().toISOString() },
      desk.token,
    );
  });
  afterAll(() => tap.stop());

  it('a resident reads `me`: their record, household and unit, open and recent requests apart', async () => {
    const { me } = await gqlOk<{ me: Me }>(ME, {}, { token: residentToken });
    expect(me).toMatchObject({
      id: residentId,
      name: 'Li Wei',
      phone: '138****5678',
      preferredContactChannel: null,
    });
    expect(me.households.map((household) => household.unit)).toEqual([
      { id: unitId, number: '3-301', building: { name: 'Building 3' } },
    ]);
    expect(me.open.edges.map((edge) => edge.node)).toEqual([{ id: openRequest, state: 'RECEIVED' }]);
    expect(me.recent.edges.map((edge) => edge.node)).toEqual([{ id: referredRequest, state: 'REFERRED' }]);
  });

  it('`me` is for residents: staff are refused at the gate with a stable reason', async () => {
    const result = await gql(ME, {}, { token: desk.token });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
  });

  it('a resident updates their phone and channel; the change is theirs on the history, masked', async () => {
    const { updateResidentContactDetails } = await gqlOk<{
      updateResidentContactDetails: { resident: { phone: string; preferredContactChannel: string } };
    }>(
      UPDATE_OWN,
      { input: { phone: '13900001111', preferredContactChannel: 'WECHAT' } },
      { token: residentToken },
    );
    expect(updateResidentContactDetails.resident).toMatchObject({
      phone: '139****1111',
      preferredContactChannel: 'WECHAT',
    });

    const bad = await gql(UPDATE_OWN, { input: { phone: 'call me maybe' } }, { token: residentToken });
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'VALIDATION_FAILED',
    });

    const { resident } = await gqlOk<{ resident: { phone: string; history: unknown[] } }>(
      HISTORY.replace('phone(full: true)', 'phone'),
      { id: residentId },
      { token: residentToken },
    );
    expect(resident.history).toEqual([
      {
        at: expect.any(String),
        actorId: expect.any(String),
        actorRole: 'RESIDENT',
        actorName: null,
        reason: null,
        changes: [
          { field: 'PHONE', from: '138****5678', to: '139****1111' },
          { field: 'PREFERRED_CONTACT_CHANNEL', from: null, to: 'WECHAT' },
        ],
      },
    ]);
  });

  it('the front desk changes kind and VIP with a reason: the history says who, when, what; one event', async () => {
    const named = await issueAccessToken(
      { sub: desk.id, role: 'FRONT_DESK', properties: [propertyId], name: 'Wang Fang' },
      { secret: process.env.JWT_SECRET! },
    );
    const before = Date.now();
    const { updateResident } = await gqlOk<{ updateResident: { resident: { kind: string; vip: boolean } } }>(
      UPDATE,
      { input: { residentId, kind: 'TENANT', vip: true, reason: 'Sold the flat, now renting it back' } },
      { token: named },
    );
    expect(updateResident.resident).toEqual({ id: residentId, kind: 'TENANT', vip: true });

    const { resident } = await gqlOk<{
      resident: { phone: string; history: Array<{ at: string; changes: unknown[] }> };
    }>(HISTORY, { id: residentId }, { token: desk.token });
    expect(resident.phone).toBe('13900001111');
    expect(resident.history).toHaveLength(2);
    const last = resident.history[1]!;
    expect(last).toMatchObject({
      actorId: desk.id,
      actorRole: 'FRONT_DESK',
      actorName: 'Wang Fang',
      reason: 'Sold the flat, now renting it back',
      changes: [
        { field: 'KIND', from: 'OWNER', to: 'TENANT' },
        { field: 'VIP', from: 'false', to: 'true' },
      ],
    });
    expect(Date.parse(last.at)).toBeGreaterThanOrEqual(before - 1000);
    // Staff read the history masked too: a full number is a logged read of `phone(full: true)`.
    expect(JSON.stringify(resident.history)).not.toContain('13900001111');

    const [event] = await tap.waitFor(
      (e) => e.type === 'resident.updated.v1' && e.subject === residentId && (e.data as { vip: boolean }).vip,
    );
    expect(event!.data).toMatchObject({ changedFields: ['kind', 'vip'], kind: 'TENANT', vip: true });
    expect(JSON.stringify(tap.matching((e) => e.subject === residentId))).not.toContain('13900001111');
  });

  it('work-orders’ residents projection learns of the VIP change', async () => {
    await eventually(() =>
      withDatabase('work_orders', (db) =>
        db.collection<{ _id: string }>('residents').findOne({ _id: residentId, vip: true }),
      ),
    );
  });

  it('another resident can neither read nor change this resident, and a resident cannot use the office’s update', async () => {
    const read = await gql(
      HISTORY.replace('phone(full: true)', 'phone'),
      { id: residentId },
      { token: neighbourToken },
    );
    expect(read.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'RESIDENT_NOT_FOUND' });
    const change = await gql(UPDATE, { input: { residentId, vip: false } }, { token: neighbourToken });
    expect(errorCodes(change)).toEqual(['FORBIDDEN']);
    const own = await gql(
      UPDATE,
      { input: { residentId: neighbourId, vip: true } },
      { token: neighbourToken },
    );
    expect(errorCodes(own)).toEqual(['FORBIDDEN']);

    // The neighbour's own `me` and update reach only the neighbour.
    const { me } = await gqlOk<{ me: Me }>(ME, {}, { token: neighbourToken });
    expect(me).toMatchObject({ id: neighbourId, phone: '139****4321', open: { edges: [] } });
    await gqlOk(UPDATE_OWN, { input: { phone: '13700002222' } }, { token: neighbourToken });
    const { resident } = await gqlOk<{ resident: { phone: string } }>(
      HISTORY,
      { id: residentId },
      { token: desk.token },
    );
    expect(resident.phone).toBe('13900001111');
  });

  it('staff of another property may not change the resident', async () => {
    const elsewhere = await tokenFor('FRONT_DESK', { properties: ['another-property'] });
    const result = await gql(UPDATE, { input: { residentId, vip: false } }, { token: elsewhere });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OUTSIDE_PROPERTY_SCOPE',
    });
  });
});
