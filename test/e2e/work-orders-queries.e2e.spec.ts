import { beforeAll, describe, expect, it } from '@jest/globals';
import { gqlOk } from '../support/graphql.js';
import { createBuilding, createProperty, createUnit, registerResident } from '../support/residents.js';
import { act, recordHelpRequest, registerStaff, repairInput } from '../support/work-orders.js';

describe('work-orders: the front desk’s and technicians’ views', () => {
  let propertyId: string;
  let residentId: string;
  let desk: Awaited<ReturnType<typeof registerStaff>>;
  let tech: Awaited<ReturnType<typeof registerStaff>>;
  const ids: string[] = [];

  beforeAll(async () => {
    propertyId = (await createProperty()).id;
    const unitId = (await createUnit((await createBuilding(propertyId)).id, '8-801')).id;
    residentId = (await registerResident(propertyId, 'Sun Li', '13911112222')).id;
    desk = await registerStaff(propertyId, 'FRONT_DESK');
    tech = await registerStaff(propertyId, 'TECHNICIAN');
    const inputs = [
      repairInput(propertyId, { requesterId: residentId, unitId, contactPhone: '13911112222' }),
      repairInput(propertyId, { category: 'CLEANING', contactPhone: '13800009999' }),
      repairInput(propertyId, {
        type: 'COMPLAINT',
        category: 'NOISE',
        complaintSeverity: 'GENERAL',
        contactPhone: '13700002222',
      }),
    ];
    for (const input of inputs) {
      ids.push(await recordHelpRequest(input, desk.token));
    }
    await act('acknowledgeHelpRequest', { id: ids[0] }, desk.token);
    await act('assignHelpRequest', { id: ids[0], assigneeIds: [tech.id] }, desk.token);
  });

  it('counts requests per state on the board', async () => {
    const { frontDeskBoard } = await gqlOk<{
      frontDeskBoard: { counts: Array<{ state: string; count: number }>; overdue: number };
    }>(
      `query ($p: ID!) { frontDeskBoard(propertyId: $p) { counts { state count } overdue } }`,
      { p: propertyId },
      { token: desk.token },
    );
    const counts = Object.fromEntries(frontDeskBoard.counts.map((row) => [row.state, row.count]));
    expect(counts).toMatchObject({ RECEIVED: 2, ASSIGNED: 1, CLOSED: 0 });
    expect(frontDeskBoard.overdue).toBe(0);
  });

  it('gives the technician their queue', async () => {
    const { technicianQueue } = await gqlOk<{ technicianQueue: Array<{ id: string; state: string }> }>(
      `{ technicianQueue { id state } }`,
      {},
      { token: tech.token },
    );
    expect(technicianQueue).toEqual([{ id: ids[0], state: 'ASSIGNED' }]);
  });

  it('finds requests by phone suffix, by number, and by filters', async () => {
    const bySuffix = await gqlOk<{
      helpRequestsByPhoneSuffix: { edges: Array<{ node: { id: string; number: string } }> };
    }>(
      `query ($p: ID!) { helpRequestsByPhoneSuffix(propertyId: $p, phoneSuffix: "2222") { edges { node { id number } } } }`,
      { p: propertyId },
      { token: desk.token },
    );
    expect(bySuffix.helpRequestsByPhoneSuffix.edges.map((edge) => edge.node.id).sort()).toEqual(
      [ids[0], ids[2]].sort(),
    );
    const number = bySuffix.helpRequestsByPhoneSuffix.edges[0]!.node.number;
    const byNumber = await gqlOk<{ helpRequestByNumber: { number: string } }>(
      `query ($p: ID!, $n: String!) { helpRequestByNumber(propertyId: $p, number: $n) { number } }`,
      { p: propertyId, n: number },
      { token: desk.token },
    );
    expect(byNumber.helpRequestByNumber.number).toBe(number);
    const filtered = await gqlOk<{
      helpRequests: { totalCount: number; edges: Array<{ node: { id: string } }> };
    }>(
      `query ($f: HelpRequestFilter) { helpRequests(filter: $f) { totalCount edges { node { id } } } }`,
      {
        f: {
          propertyId,
          states: ['RECEIVED'],
          type: 'COMPLAINT',
          overdue: false,
          createdAfter: new Date(Date.now() - 3600_000).toISOString(),
        },
      },
      { token: desk.token },
    );
    expect(filtered.helpRequests).toEqual({ totalCount: 1, edges: [{ node: { id: ids[2] } }] });
  });

  it('adds help requests to the resident the residents subgraph owns', async () => {
    const { resident } = await gqlOk<{
      resident: { name: string; helpRequests: { edges: Array<{ node: { id: string } }> } };
    }>(
      `query ($id: ID!) { resident(id: $id) { name helpRequests { edges { node { id } } } } }`,
      { id: residentId },
      { token: desk.token },
    );
    expect(resident).toEqual({ name: 'Sun Li', helpRequests: { edges: [{ node: { id: ids[0] } }] } });
  });
});
