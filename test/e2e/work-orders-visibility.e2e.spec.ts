import { beforeAll, describe, expect, it } from '@jest/globals';
import { errorCodes, gql, gqlOk, tokenFor } from '../support/graphql.js';
import { createBuilding, createProperty, createUnit, registerResident } from '../support/residents.js';
import { act, recordHelpRequest, registerStaff, repairInput } from '../support/work-orders.js';

type Staff = Awaited<ReturnType<typeof registerStaff>>;

const READ = `query ($id: ID!) { helpRequest(id: $id) { id repeatCall repeatOf { id } repeatCalls { id } } }`;
const LIST = `query ($f: HelpRequestFilter) { helpRequests(filter: $f, first: 100) { edges { node { id } } } }`;

const readAs = (token: string, id: string) =>
  gql<{ helpRequest: { repeatOf: { id: string } | null; repeatCalls: Array<{ id: string }> } | null }>(
    READ,
    { id },
    { token },
  );
const listedFor = async (token: string, filter: Record<string, unknown>) =>
  (
    await gqlOk<{ helpRequests: { edges: Array<{ node: { id: string } }> } }>(LIST, { f: filter }, { token })
  ).helpRequests.edges.map((edge) => edge.node.id);

describe('work-orders: a request reached through another one passes the same read rule', () => {
  let propertyId: string;
  let buildingId: string;
  let residentId: string;
  let owner: Staff;
  let colleague: Staff;

  beforeAll(async () => {
    propertyId = (await createProperty()).id;
    buildingId = (await createBuilding(propertyId)).id;
    residentId = (await registerResident(propertyId, 'Qian Hui', '13655556666')).id;
    owner = await registerStaff(propertyId, 'FRONT_DESK');
    colleague = await registerStaff(propertyId, 'FRONT_DESK');
  });

  // Each test calls about its own unit, so its calls link only to each other.
  const call = (unitId: string, confidential: boolean, token: string) =>
    recordHelpRequest(
      repairInput(propertyId, { requesterId: residentId, unitId, category: 'SERVICE_QUALITY', confidential }),
      token,
    );

  it('a front desk not involved in a confidential complaint cannot read it through repeatOf', async () => {
    const unitId = (await createUnit(buildingId, '5-501')).id;
    const complaint = await call(unitId, true, owner.token);
    const repeat = await call(unitId, false, colleague.token);

    expect(errorCodes(await readAs(colleague.token, complaint))).toEqual(['NOT_FOUND']);
    const seen = await readAs(colleague.token, repeat);
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.helpRequest).toMatchObject({ repeatCall: true, repeatOf: null });

    const supervisor = await tokenFor('SERVICE_SUPERVISOR', { properties: [propertyId] });
    expect((await readAs(supervisor, repeat)).data?.helpRequest?.repeatOf).toEqual({ id: complaint });
  });

  it('repeatCalls lists only the repeat calls the caller may read', async () => {
    const unitId = (await createUnit(buildingId, '5-502')).id;
    const original = await call(unitId, false, owner.token);
    const confidentialRepeat = await call(unitId, true, colleague.token);

    expect((await readAs(owner.token, original)).data?.helpRequest?.repeatCalls).toEqual([]);
    const supervisor = await tokenFor('SERVICE_SUPERVISOR', { properties: [propertyId] });
    expect((await readAs(supervisor, original)).data?.helpRequest?.repeatCalls).toEqual([
      { id: confidentialRepeat },
    ]);
  });
});

describe('work-orders: a list returns exactly what a single read allows', () => {
  let propertyId: string;
  let owner: Staff;
  let tech: Staff;
  const requests: Record<string, string> = {};

  beforeAll(async () => {
    propertyId = (await createProperty()).id;
    owner = await registerStaff(propertyId, 'FRONT_DESK');
    tech = await registerStaff(propertyId, 'TECHNICIAN');
    requests.open = await recordHelpRequest(repairInput(propertyId), owner.token);
    requests.confidential = await recordHelpRequest(
      repairInput(propertyId, { category: 'SERVICE_QUALITY', confidential: true }),
      owner.token,
    );
    requests.assigned = await recordHelpRequest(repairInput(propertyId, { confidential: true }), owner.token);
    await act('acknowledgeHelpRequest', { id: requests.assigned }, owner.token);
    await act('assignHelpRequest', { id: requests.assigned, assigneeIds: [tech.id] }, owner.token);
  });

  const agree = async (token: string) => {
    const listed = await listedFor(token, { ownerId: owner.id });
    const readable: string[] = [];
    for (const id of Object.values(requests)) {
      const result = await readAs(token, id);
      if (result.data?.helpRequest) readable.push(id);
      else expect(errorCodes(result)).toEqual(['NOT_FOUND']);
    }
    expect(listed.sort()).toEqual(readable.sort());
    return readable;
  };

  it('for the owner and the assignee, also once they act for another property only', async () => {
    const elsewhere = [(await createProperty()).id];
    const movedOwner = await tokenFor('FRONT_DESK', { properties: elsewhere, sub: owner.id });
    const movedTech = await tokenFor('TECHNICIAN', { properties: elsewhere, sub: tech.id });
    expect((await agree(movedOwner)).sort()).toEqual(Object.values(requests).sort());
    expect(await agree(movedTech)).toEqual([requests.assigned]);
  });

  it('for uninvolved staff of the property, supervisors and staff of another property', async () => {
    const colleague = await tokenFor('FRONT_DESK', { properties: [propertyId] });
    const supervisor = await tokenFor('SERVICE_SUPERVISOR', { properties: [propertyId] });
    const outsider = await tokenFor('SERVICE_SUPERVISOR', { properties: [(await createProperty()).id] });
    expect(await agree(colleague)).toEqual([requests.open]);
    expect((await agree(supervisor)).length).toBe(3);
    expect(await agree(outsider)).toEqual([]);
  });

  // A count within a property adds up the read rule's parts (its non-confidential requests, then
  // the confidential ones the caller is in): it must count what the list shows, each once.
  it("counts what the list shows: a property's totalCount and its front-desk board", async () => {
    const TOTALS = `query ($f: HelpRequestFilter, $p: ID!) {
      helpRequests(filter: $f, first: 100) { totalCount edges { node { id state } } }
      frontDeskBoard(propertyId: $p) { counts { state count } } }`;
    const colleague = await tokenFor('FRONT_DESK', { properties: [propertyId] });
    const supervisor = await tokenFor('SERVICE_SUPERVISOR', { properties: [propertyId] });
    const seen: Record<string, number> = {};
    for (const [who, token] of Object.entries({
      owner: owner.token,
      tech: tech.token,
      colleague,
      supervisor,
    })) {
      const data = await gqlOk<{
        helpRequests: { totalCount: number; edges: Array<{ node: { id: string; state: string } }> };
        frontDeskBoard: { counts: Array<{ state: string; count: number }> };
      }>(TOTALS, { f: { propertyId }, p: propertyId }, { token });
      const listed = data.helpRequests.edges.map((edge) => edge.node);
      const byState = (state: string) => listed.filter((node) => node.state === state).length;
      expect({ who, total: data.helpRequests.totalCount }).toEqual({ who, total: listed.length });
      expect({ who, counts: data.frontDeskBoard.counts.filter((row) => row.count > 0) }).toEqual({
        who,
        counts: data.frontDeskBoard.counts
          .filter((row) => byState(row.state) > 0)
          .map((row) => ({ state: row.state, count: byState(row.state) })),
      });
      seen[who] = listed.length;
    }
    // The owner is in all three (two confidential), the technician is assigned one confidential
    // request and reads the open one, a colleague the open one, the supervisor all three.
    expect(seen).toEqual({ owner: 3, tech: 2, colleague: 1, supervisor: 3 });
  });
});
