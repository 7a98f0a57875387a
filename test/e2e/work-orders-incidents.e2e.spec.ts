import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TOPICS } from '@courtyard/kernel';
import { EventTap, type TappedEvent } from '../support/events.js';
import { gql, gqlOk } from '../support/graphql.js';
import { startTestIncidentScheduler } from '../support/incident-scheduler.js';
import { withDatabase } from '../support/mongo.js';
import { createProperty, REGISTER_RESIDENT, registerResident } from '../support/residents.js';
import { CHAIN_TITLES } from '../support/sla-scheduler.js';
import { eventually } from '../support/subgraph.js';
import { recordHelpRequest, registerStaff } from '../support/work-orders.js';

const INCIDENT = /* GraphQL */ `
  query ($id: ID!) {
    incident(id: $id) {
      id
      category
      group
      grade
      state
      complaints
      vipComplaints
      deadlineAt
      escalationLevel
      escalatedTo {
        role
        title
        responsible {
          id
        }
      }
      responsible {
        id
      }
      report {
        cause
        customerExplanation
        remediation
      }
      helpRequests {
        id
      }
    }
  }
`;
const INCIDENT_OF = /* GraphQL */ `
  query ($id: ID!) {
    helpRequest(id: $id) {
      incident {
        id
      }
    }
  }
`;
const INCIDENTS = /* GraphQL */ `
  query ($propertyId: ID!) {
    incidents(filter: { propertyId: $propertyId, category: ELEVATOR }) {
      totalCount
      edges {
        node {
          id
          helpRequests {
            id
          }
        }
      }
    }
  }
`;
const TAKE = /* GraphQL */ `
  mutation ($id: ID!) {
    takeIncident(input: { id: $id }) {
      incident {
        state
        responsible {
          id
        }
      }
    }
  }
`;
const CLOSE = /* GraphQL */ `
  mutation ($input: CloseIncidentInput!) {
    closeIncident(input: $input) {
      incident {
        state
        report {
          cause
          customerExplanation
          remediation
        }
      }
    }
  }
`;
const REPORT = {
  cause: 'The controller of elevator B2 failed',
  customerExplanation: 'Elevator B2 stopped because its controller failed; it was replaced the same day.',
  remediation: 'Porters carried shopping to the upper floors; no charge for the week',
};

interface IncidentView {
  id: string;
  state: string;
  grade: string;
  group: string;
  deadlineAt: string | null;
  escalationLevel: number;
  escalatedTo: { role: string; title: string; responsible: { id: string } | null } | null;
  responsible: { id: string } | null;
  helpRequests: Array<{ id: string }>;
  [field: string]: unknown;
}

const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);
const ofIncident = (id: string, type: string) => (e: TappedEvent) => e.type === type && e.subject === id;
const raisedAt = (propertyId: string) => (e: TappedEvent) =>
  e.type === 'incident.raised.v1' && e.propertyid === propertyId;

/** A property, its front desk and supervisor, and VIP residents work-orders already knows as VIPs. */
async function propertyWithVips(count: number) {
  const propertyId = (await createProperty()).id;
  const desk = await registerStaff(propertyId, 'FRONT_DESK');
  const supervisor = await registerStaff(propertyId, 'SERVICE_SUPERVISOR');
  const vips: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const { registerResident } = await gqlOk<{ registerResident: { resident: { id: string } } }>(
      REGISTER_RESIDENT,
      {
        input: {
          propertyId,
          name: `VIP ${i}`,
          kind: 'OWNER',
          phone: `1390000${String(i).padStart(4, '0')}`,
          vip: true,
        },
      },
    );
    vips.push(registerResident.resident.id);
  }
  // The residents projection learns of them from residents.events (a bounded wait, no sleep).
  await eventually(
    () =>
      withDatabase(
        'work_orders',
        async (db) =>
          (await db.collection('residents').countDocuments({ _id: { $in: vips } as never, vip: true })) ===
          count,
      ),
    30_000,
  );
  return { propertyId, desk, supervisor, vips };
}

const elevatorComplaint = (propertyId: string, requesterId: string) => ({
  propertyId,
  type: 'COMPLAINT',
  category: 'ELEVATOR',
  complaintSeverity: 'GENERAL',
  channel: 'PHONE',
  description: 'Elevator B2 has been stuck for an hour',
  contactName: 'Zhang Min',
  contactPhone: '13912345678',
  requesterId,
});

const incidentOf = async (helpRequestId: string, token: string) =>
  (
    await gqlOk<{ helpRequest: { incident: { id: string } | null } }>(
      INCIDENT_OF,
      { id: helpRequestId },
      { token },
    )
  ).helpRequest.incident;

describe('work-orders: burst incidents (seed 001-G) through the gateway, real Kafka and MongoDB, injected clock', () => {
  let tap: EventTap;
  beforeAll(async () => {
    tap = await EventTap.start(TOPICS.workOrders);
  });
  afterAll(() => tap.stop());

  it('three VIP complaints about a key service raise one incident; a fourth links to it; untaken, it escalates at its deadline once; it closes only with a report', async () => {
    const { propertyId, desk, supervisor, vips } = await propertyWithVips(4);
    const before = new Date();
    const first = await recordHelpRequest(elevatorComplaint(propertyId, vips[0]!), desk.token);
    const second = await recordHelpRequest(elevatorComplaint(propertyId, vips[1]!), desk.token);
    expect(await incidentOf(second, desk.token)).toBeNull();
    const third = await recordHelpRequest(elevatorComplaint(propertyId, vips[2]!), desk.token);

    const [raised] = await tap.waitFor(raisedAt(propertyId));
    const id = raised!.subject;
    expect(raised!.data).toMatchObject({
      category: 'ELEVATOR',
      group: 'KEY_SERVICE',
      grade: 'MAJOR',
      complaints: 3,
      vipComplaints: 3,
      helpRequestIds: [first, second, third],
      actorId: desk.id,
    });
    const deadline = new Date((raised!.data as { deadlineAt: string }).deadlineAt);
    expect(deadline.getTime() - before.getTime()).toBeGreaterThanOrEqual(3 * 3_600_000);

    const fourth = await recordHelpRequest(elevatorComplaint(propertyId, vips[3]!), desk.token);
    expect(await incidentOf(fourth, desk.token)).toEqual({ id });
    expect(await incidentOf(first, desk.token)).toEqual({ id });

    // Nobody takes it: the scheduler escalates it at its deadline, once, whoever scans.
    const [a, b] = await Promise.all([startTestIncidentScheduler(), startTestIncidentScheduler()]);
    try {
      await a.tick(minutes(deadline, -1));
      await Promise.all([a.tick(minutes(deadline, 1)), b.tick(minutes(deadline, 1))]);
      await a.tick(minutes(deadline, 2));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
    const [escalated] = await tap.waitFor(ofIncident(id, 'incident.escalated.v1'));
    expect(escalated!.data).toMatchObject({
      escalatedTo: 'SERVICE_SUPERVISOR',
      title: CHAIN_TITLES[1],
      responsibleStaffId: supervisor.id,
      level: 1,
      actorId: 'work-orders',
    });
    const { incidentsEscalatedToMe } = await gqlOk<{ incidentsEscalatedToMe: Array<{ id: string }> }>(
      `{ incidentsEscalatedToMe { id } }`,
      {},
      { token: supervisor.token },
    );
    expect(incidentsEscalatedToMe).toContainEqual({ id });
    const { incident } = await gqlOk<{ incident: IncidentView }>(
      INCIDENT,
      { id },
      { token: supervisor.token },
    );
    expect(incident).toMatchObject({
      state: 'ESCALATED',
      escalationLevel: 1,
      escalatedTo: { role: 'SERVICE_SUPERVISOR', title: CHAIN_TITLES[1], responsible: { id: supervisor.id } },
      helpRequests: [{ id: first }, { id: second }, { id: third }, { id: fourth }],
    });

    // The supervisor takes it; that event comes after anything the scans could have published.
    expect(
      (await gqlOk<{ takeIncident: unknown }>(TAKE, { id }, { token: supervisor.token })).takeIncident,
    ).toEqual({
      incident: { state: 'TAKEN', responsible: { id: supervisor.id } },
    });
    await tap.waitFor(ofIncident(id, 'incident.taken.v1'));
    expect(tap.matching(raisedAt(propertyId))).toHaveLength(1);
    expect(tap.matching(ofIncident(id, 'incident.escalated.v1'))).toHaveLength(1);

    const refused = await gql(CLOSE, { input: { id } }, { token: supervisor.token });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INCIDENT_REPORT_REQUIRED',
    });
    const partial = await gql(
      CLOSE,
      { input: { id, report: { ...REPORT, remediation: ' ' } } },
      { token: supervisor.token },
    );
    expect(partial.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INCIDENT_REPORT_REQUIRED',
    });
    const { closeIncident } = await gqlOk<{ closeIncident: unknown }>(
      CLOSE,
      { input: { id, report: REPORT } },
      { token: supervisor.token },
    );
    expect(closeIncident).toEqual({ incident: { state: 'CLOSED', report: REPORT } });
    const [closed] = await tap.waitFor(ofIncident(id, 'incident.closed.v1'));
    expect(closed!.data).toMatchObject({ ...REPORT, helpRequestIds: [first, second, third, fourth] });
  });

  it('complaints recorded at the same moment that cross the threshold together raise exactly one incident', async () => {
    const { propertyId, desk, vips } = await propertyWithVips(5);
    await recordHelpRequest(elevatorComplaint(propertyId, vips[0]!), desk.token);
    await recordHelpRequest(elevatorComplaint(propertyId, vips[1]!), desk.token);
    const together = await Promise.all(
      vips.slice(2).map((vip) => recordHelpRequest(elevatorComplaint(propertyId, vip), desk.token)),
    );
    const { incidents } = await gqlOk<{
      incidents: {
        totalCount: number;
        edges: Array<{ node: { id: string; helpRequests: Array<{ id: string }> } }>;
      };
    }>(INCIDENTS, { propertyId }, { token: desk.token });
    expect(incidents.totalCount).toBe(1);
    expect(incidents.edges[0]!.node.helpRequests).toHaveLength(5);
    for (const id of together)
      expect(await incidentOf(id, desk.token)).toEqual({ id: incidents.edges[0]!.node.id });
    await tap.waitFor(raisedAt(propertyId));
    // The marker: a later event of the same property, published after anything the intakes wrote.
    await gqlOk(TAKE, { id: incidents.edges[0]!.node.id }, { token: desk.token });
    await tap.waitFor(ofIncident(incidents.edges[0]!.node.id, 'incident.taken.v1'));
    expect(tap.matching(raisedAt(propertyId))).toHaveLength(1);
  });

  it('one regular complaint about a key service raises none (its threshold is 5)', async () => {
    const propertyId = (await createProperty()).id;
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    // A resident of the property who is not a VIP (intake refuses a requester it does not know).
    const regular = (await registerResident(propertyId, 'Regular Resident', '13700009999')).id;
    const id = await recordHelpRequest(elevatorComplaint(propertyId, regular), desk.token);
    expect(await incidentOf(id, desk.token)).toBeNull();
    const { incidents } = await gqlOk<{ incidents: { totalCount: number } }>(
      INCIDENTS,
      { propertyId },
      { token: desk.token },
    );
    expect(incidents.totalCount).toBe(0);
  });

  it('thresholds are configuration per property: a director makes one VIP complaint about the lifts an incident', async () => {
    const { propertyId, desk, vips } = await propertyWithVips(1);
    const director = await registerStaff(propertyId, 'OFFICE_DIRECTOR');
    const rules = [
      { group: 'LIFTS', categories: ['ELEVATOR'], regularThreshold: 2, vipThreshold: 1, grade: 'CRITICAL' },
      { group: 'ROUTINE', categories: [], regularThreshold: 10, vipThreshold: 5, grade: 'MINOR' },
    ];
    const SET = `mutation ($input: SetIncidentRulesInput!) {
      setIncidentRules(input: $input) { rules { group categories regularThreshold vipThreshold grade } }
    }`;
    const refused = await gql(SET, { input: { propertyId, rules } }, { token: desk.token });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const { setIncidentRules } = await gqlOk<{ setIncidentRules: { rules: unknown[] } }>(
      SET,
      { input: { propertyId, rules } },
      { token: director.token },
    );
    expect(setIncidentRules.rules).toEqual(rules);
    const id = await recordHelpRequest(elevatorComplaint(propertyId, vips[0]!), desk.token);
    const [raised] = await tap.waitFor(raisedAt(propertyId));
    expect(raised!.data).toMatchObject({ group: 'LIFTS', grade: 'CRITICAL', helpRequestIds: [id] });
    const { incident } = await gqlOk<{ incident: IncidentView }>(
      INCIDENT,
      { id: raised!.subject },
      { token: desk.token },
    );
    // Critical: to be taken within 2 hours of raising.
    expect(new Date(incident.deadlineAt!).getTime() - new Date(raised!.time).getTime()).toBe(2 * 3_600_000);
  });

  it('one security complaint raises a critical incident; with no supervisor on duty it escalates to the supervisors’ queue', async () => {
    const propertyId = (await createProperty()).id;
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    const regular = (await registerResident(propertyId, 'Regular Resident', '13700009998')).id;
    const id = await recordHelpRequest(
      { ...elevatorComplaint(propertyId, regular), category: 'SECURITY' },
      desk.token,
    );
    const [raised] = await tap.waitFor(raisedAt(propertyId));
    expect(raised!.data).toMatchObject({
      group: 'SECURITY_SENSITIVE',
      grade: 'CRITICAL',
      helpRequestIds: [id],
    });
    const deadline = new Date((raised!.data as { deadlineAt: string }).deadlineAt);
    const scheduler = await startTestIncidentScheduler();
    try {
      await scheduler.tick(minutes(deadline, 1));
    } finally {
      await scheduler.close();
    }
    const [escalated] = await tap.waitFor(ofIncident(raised!.subject, 'incident.escalated.v1'));
    expect(escalated!.data).toMatchObject({ escalatedTo: 'SERVICE_SUPERVISOR', responsibleStaffId: null });
    // A supervisor of the property (none was on duty then) finds it in the role's queue.
    const supervisor = await registerStaff(propertyId, 'SERVICE_SUPERVISOR');
    const { incidentsEscalatedToMe } = await gqlOk<{ incidentsEscalatedToMe: Array<{ id: string }> }>(
      `{ incidentsEscalatedToMe { id } }`,
      {},
      { token: supervisor.token },
    );
    expect(incidentsEscalatedToMe).toEqual([{ id: raised!.subject }]);
  });
});
