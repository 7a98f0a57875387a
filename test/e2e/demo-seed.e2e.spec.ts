import { describe, expect, it } from '@jest/globals';
import { demoLogins } from '../../scripts/lib/demo-logins.js';
import { seedDemo } from '../../scripts/lib/seed-demo.js';
import { gql, gqlOk } from '../support/graphql.js';

interface RequestView {
  number: string;
  state: string;
  description: string;
  repeatCall: boolean;
  owner: { id: string } | null;
  source: { partner: string } | null;
  referral: { department: string } | null;
  partsNotices: unknown[];
  facility: { id: string } | null;
}

/** What a newcomer sees after `npm start`: the demo seed, run against the test platform. */
describe('the demo data shows the product at work', () => {
  it('seeds staff and help requests in every state through the gateway, once, and prints logins that work', async () => {
    const gatewayUrl = process.env.GATEWAY_URL!;
    const first = await seedDemo(gatewayUrl, process.env.JWT_SECRET!);
    const requestsOf = async () =>
      (
        await gqlOk<{ helpRequests: { totalCount: number; edges: Array<{ node: RequestView }> } }>(
          `query ($p: ID!) { helpRequests(filter: { propertyId: $p }, first: 100) { totalCount edges { node {
            number state description repeatCall owner { id } source { partner } referral { department }
            partsNotices { message } facility { id } } } } }`,
          { p: first.propertyId },
        )
      ).helpRequests;
    const requests = await requestsOf();
    const states = new Set(requests.edges.map((edge) => edge.node.state));
    for (const state of [
      'RECEIVED',
      'ACKNOWLEDGED',
      'ASSIGNED',
      'IN_PROGRESS',
      'WAITING_PARTS',
      'REFERRED',
      'RESOLVED',
      'CLOSED',
    ])
      expect(states).toContain(state);
    const nodes = requests.edges.map((edge) => edge.node);
    expect(nodes.filter((node) => node.repeatCall)).toHaveLength(1);
    expect(nodes.find((node) => node.state === 'REFERRED')?.referral).toEqual({
      department: 'City gas company',
    });
    expect(nodes.find((node) => node.state === 'WAITING_PARTS')?.partsNotices).toHaveLength(1);
    // The hotline's request waits for an owner; the one the desk accepted is owned, with its source kept.
    expect(nodes.filter((node) => node.source?.partner === 'city-hotline').map((node) => node.owner)).toEqual(
      expect.arrayContaining([null, { id: first.staff.frontDesk }]),
    );
    // Facilities at work: the lamp fault opened a repair by itself (once the event arrived).
    expect(await faultRepairArrives(first.propertyId)).toBe(true);
    const settled = (await requestsOf()).totalCount;

    // What the other subgraphs show: maintenance plans, bills, the answered follow-up survey, a campaign.
    const others = await gqlOk<{
      facilities: { edges: Array<{ node: { maintenancePlans: unknown[] } }> };
      campaigns: { edges: Array<{ node: { name: string; state: string } }> };
      helpRequests: {
        edges: Array<{
          node: { state: string; satisfaction: { response: { score: number } | null } | null };
        }>;
      };
    }>(
      `query ($p: ID!) {
        facilities(propertyId: $p) { edges { node { maintenancePlans { id } } } }
        campaigns(propertyId: $p) { edges { node { name state } } }
        helpRequests(filter: { propertyId: $p, states: [CLOSED] }) { edges { node { state satisfaction { response { score } } } } }
      }`,
      { p: first.propertyId },
    );
    expect(others.facilities.edges.some((edge) => edge.node.maintenancePlans.length > 0)).toBe(true);
    expect(others.campaigns.edges.map((edge) => edge.node)).toContainEqual({
      name: 'Satisfaction this half-year (demo)',
      state: 'STARTED',
    });
    expect(others.helpRequests.edges.map((edge) => edge.node.satisfaction?.response?.score)).toEqual([5]);
    expect(first.bills).toBe(24);

    // Staff with rosters and skills, and the satisfaction survey the closed request's follow-up answered.
    const staff = await gqlOk<{
      staffAtProperty: Array<{ name: string; roles: string[]; roster: unknown[] }>;
    }>(`query ($p: ID!) { staffAtProperty(propertyId: $p) { name roles roster { weekday } } }`, {
      p: first.propertyId,
    });
    expect(new Set(staff.staffAtProperty.flatMap((member) => member.roles))).toEqual(
      new Set(['FRONT_DESK', 'TECHNICIAN', 'SERVICE_SUPERVISOR', 'OFFICE_DIRECTOR', 'GENERAL_MANAGER']),
    );
    expect(staff.staffAtProperty.every((member) => member.roster.length > 0)).toBe(true);

    // Each printed login works, and shows its user's own view.
    const logins = await demoLogins(first, process.env.JWT_SECRET!);
    expect(logins.map((login) => login.role)).toEqual([
      'RESIDENT',
      'FRONT_DESK',
      'TECHNICIAN',
      'GENERAL_MANAGER',
    ]);
    const answers = await Promise.all(logins.map((login) => gql(login.query, {}, { token: login.token })));
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const [resident, desk, technician, manager] = answers.map((answer) => answer.data) as [
      { resident: { helpRequests: { edges: Array<{ node: { repeatCall: boolean } }> } } },
      {
        frontDeskBoard: {
          awaitingOwner: Array<{ source: { partner: string } }>;
          counts: Array<{ count: number }>;
        };
      },
      { technicianQueue: Array<{ state: string }> },
      { staffAtProperty: unknown[] },
    ];
    expect(resident.resident.helpRequests.edges.map((edge) => edge.node.repeatCall).sort()).toEqual([
      false,
      true,
    ]);
    expect(desk.frontDeskBoard.awaitingOwner).toEqual([
      expect.objectContaining({ source: { partner: 'city-hotline' } }),
    ]);
    expect(technician.technicianQueue.map((request) => request.state).sort()).toEqual([
      'ASSIGNED',
      'IN_PROGRESS',
      'WAITING_PARTS',
    ]);
    expect(manager.staffAtProperty).toHaveLength(staff.staffAtProperty.length);

    // A second `npm start` finds everything and adds nothing.
    const second = await seedDemo(gatewayUrl, process.env.JWT_SECRET!);
    expect(second.staff).toEqual(first.staff);
    expect((await requestsOf()).totalCount).toBe(settled);
  }, 600_000);
});

/** The fault's repair is opened from facilities' event: poll (bounded) until work-orders has it. */
async function faultRepairArrives(propertyId: string): Promise<boolean> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const { helpRequests } = await gqlOk<{ helpRequests: { edges: Array<{ node: { facility: unknown } }> } }>(
      `query ($p: ID!) { helpRequests(filter: { propertyId: $p }, first: 100) { edges { node { facility { id } } } } }`,
      { p: propertyId },
    );
    if (helpRequests.edges.some((edge) => edge.node.facility !== null)) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}
