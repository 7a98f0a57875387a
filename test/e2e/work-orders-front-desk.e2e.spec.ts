import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TOPICS } from '@courtyard/kernel';
import { EventTap } from '../support/events.js';
import { gql, gqlOk, type GraphQLResponse } from '../support/graphql.js';
import { createProperty } from '../support/residents.js';
import { startTestScheduler } from '../support/sla-scheduler.js';
import { act, RECORD, recordHelpRequest, registerStaff, repairInput } from '../support/work-orders.js';

/**
 * The front desk and office's everyday work (issue 19), through the gateway with real Kafka and
 * the real MongoDB-wire server: a correction whose clocks follow it (and the scheduler with
 * them), a complaint's tiers, handovers under 首问制, repeat calls of callers with no resident
 * record, and the search with totals per state.
 */
const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);
const ofRequest = (id: string, type: string) => (e: { type: string; subject: string }) =>
  e.type === type && e.subject === id;
const reasonOf = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions?.reason;

const SLA = /* GraphQL */ `
  query ($id: ID!) {
    helpRequest(id: $id) {
      type
      category
      urgent
      receivedAt
      onSiteDueAt
      dueAt
      slaRule
      clocks {
        kind
        status
        dueAt
        limit {
          amount
          unit
        }
      }
      corrections {
        byId
        reason
        changes {
          field
          from
          to
        }
      }
      timeline {
        note
      }
    }
  }
`;
interface SlaView {
  type: string;
  category: string;
  urgent: boolean;
  receivedAt: string;
  onSiteDueAt: string | null;
  dueAt: string;
  slaRule: string;
  clocks: Array<{ kind: string; status: string; dueAt: string; limit: { amount: number; unit: string } }>;
  corrections: Array<{
    byId: string;
    reason: string;
    changes: Array<{ field: string; from: string; to: string }>;
  }>;
  timeline: Array<{ note: string | null }>;
}
const CORRECT = /* GraphQL */ `
  mutation ($input: CorrectHelpRequestInput!) {
    correctHelpRequest(input: $input) {
      helpRequest {
        id
        version
      }
    }
  }
`;
const RAISE = /* GraphQL */ `
  mutation ($input: RaiseHelpRequestComplaintTierInput!) {
    raiseHelpRequestComplaintTier(input: $input) {
      helpRequest {
        complaintTier
        complaintTierChanges {
          from
          to
          decidedById
          decidedByRole
          reason
        }
      }
    }
  }
`;
const HAND_OVER = /* GraphQL */ `
  mutation ($input: HandOverHelpRequestInput!) {
    handOverHelpRequest(input: $input) {
      helpRequest {
        owner {
          id
        }
        currentOwner {
          id
        }
        handovers {
          from {
            id
          }
          to {
            id
          }
          byId
          basis
          reason
        }
        timeline {
          note
        }
      }
    }
  }
`;
const SEARCH = /* GraphQL */ `
  query ($propertyId: ID!, $search: HelpRequestSearch, $first: Int, $after: String) {
    searchHelpRequests(propertyId: $propertyId, search: $search, first: $first, after: $after) {
      requests {
        totalCount
        edges {
          node {
            id
            state
            contactPhone
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
      totalsByState {
        state
        count
      }
    }
  }
`;
interface SearchView {
  searchHelpRequests: {
    requests: {
      totalCount: number;
      edges: Array<{ node: { id: string; state: string } }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    totalsByState: Array<{ state: string; count: number }>;
  };
}

describe('work-orders: the front desk and office (issue 19), through the gateway', () => {
  let tap: EventTap;
  beforeAll(async () => {
    tap = await EventTap.start(TOPICS.workOrders);
  });
  afterAll(() => tap.stop());

  it('a correction of category and urgency recomputes the clocks from the received time; the scheduler sees the new due', async () => {
    const propertyId = (await createProperty()).id;
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    const id = await recordHelpRequest(repairInput(propertyId, { category: 'DRAINAGE' }), desk.token);
    // The first reply is met before the correction, and stays met after it.
    await act('acknowledgeHelpRequest', { id }, desk.token);
    const before = (await gqlOk<{ helpRequest: SlaView }>(SLA, { id }, { token: desk.token })).helpRequest;
    const receivedAt = new Date(before.receivedAt);
    expect(before.onSiteDueAt).toBeNull();
    expect(new Date(before.dueAt)).toEqual(minutes(receivedAt, 4 * 60));

    // Recorded as a blocked drain; the caller said water pours from the ceiling: an urgent leak.
    await gqlOk(
      CORRECT,
      { input: { id, category: 'WATER_LEAK', urgent: true, reason: 'Water pours from the ceiling' } },
      { token: desk.token },
    );
    const after = (await gqlOk<{ helpRequest: SlaView }>(SLA, { id }, { token: desk.token })).helpRequest;
    expect(after).toMatchObject({ category: 'WATER_LEAK', urgent: true });
    expect(new Date(after.onSiteDueAt!)).toEqual(minutes(receivedAt, 30));
    expect(after.clocks.find((c) => c.kind === 'FIRST_REPLY')).toEqual(
      before.clocks.find((c) => c.kind === 'FIRST_REPLY'),
    );
    expect(after.clocks.find((c) => c.kind === 'ON_SITE')).toMatchObject({
      status: 'RUNNING',
      limit: { amount: 30, unit: 'MINUTES' },
    });
    expect(after.corrections).toEqual([
      {
        byId: desk.id,
        reason: 'Water pours from the ceiling',
        changes: [
          { field: 'category', from: 'DRAINAGE', to: 'WATER_LEAK' },
          { field: 'urgent', from: 'false', to: 'true' },
        ],
      },
    ]);
    expect(after.timeline.at(-1)?.note).toContain('reason: Water pours from the ceiling');
    const [corrected] = await tap.waitFor(ofRequest(id, 'workorder.corrected.v1'));
    expect(corrected!.data).toMatchObject({ category: 'WATER_LEAK', reason: 'Water pours from the ceiling' });

    // The scheduler's stored wake-up time followed: the new 30-minute on-site limit breaches.
    const scheduler = await startTestScheduler();
    try {
      await scheduler.tick(minutes(receivedAt, 31));
    } finally {
      await scheduler.close();
    }
    const breaches = await tap.waitFor(ofRequest(id, 'workorder.sla_breached.v1'));
    expect(breaches.map((e) => (e.data as { clock: string }).clock)).toEqual(['ON_SITE']);

    const nothing = await gql(
      CORRECT,
      { input: { id, urgent: true, reason: 'again' } },
      { token: desk.token },
    );
    expect(reasonOf(nothing)).toBe('NOTHING_TO_CORRECT');
    const tech = await registerStaff(propertyId, 'TECHNICIAN');
    const refused = await gql(CORRECT, { input: { id, urgent: false, reason: 'x' } }, { token: tech.token });
    expect(reasonOf(refused)).toBe('ROLE_NOT_ALLOWED');
  });

  it('a complaint moves complaint → escalated → appeal with who decided and why, never backwards', async () => {
    const propertyId = (await createProperty()).id;
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    const supervisor = await registerStaff(propertyId, 'SERVICE_SUPERVISOR');
    const id = await recordHelpRequest(
      repairInput(propertyId, {
        type: 'COMPLAINT',
        category: 'SERVICE_QUALITY',
        complaintSeverity: 'GENERAL',
      }),
      desk.token,
    );
    const skip = await gql(
      RAISE,
      { input: { id, tier: 'APPEAL', reason: 'x' } },
      { token: supervisor.token },
    );
    expect(reasonOf(skip)).toBe('COMPLAINT_TIER_NOT_NEXT');

    await gqlOk(
      RAISE,
      { input: { id, tier: 'ESCALATED', reason: 'Not satisfied with the answer' } },
      { token: desk.token },
    );
    const deskAppeal = await gql(
      RAISE,
      { input: { id, tier: 'APPEAL', reason: 'x' } },
      { token: desk.token },
    );
    expect(reasonOf(deskAppeal)).toBe('ROLE_NOT_ALLOWED');
    const { raiseHelpRequestComplaintTier } = await gqlOk<{
      raiseHelpRequestComplaintTier: {
        helpRequest: { complaintTier: string; complaintTierChanges: unknown[] };
      };
    }>(
      RAISE,
      { input: { id, tier: 'APPEAL', reason: 'Disputes how it was handled' } },
      { token: supervisor.token },
    );
    expect(raiseHelpRequestComplaintTier.helpRequest).toEqual({
      complaintTier: 'APPEAL',
      complaintTierChanges: [
        {
          from: 'COMPLAINT',
          to: 'ESCALATED',
          decidedById: desk.id,
          decidedByRole: 'FRONT_DESK',
          reason: 'Not satisfied with the answer',
        },
        {
          from: 'ESCALATED',
          to: 'APPEAL',
          decidedById: supervisor.id,
          decidedByRole: 'SERVICE_SUPERVISOR',
          reason: 'Disputes how it was handled',
        },
      ],
    });
    const events = await tap.waitFor(ofRequest(id, 'workorder.complaint_tier_raised.v1'), 2);
    expect(events.map((e) => (e.data as { toTier: string }).toTier)).toEqual(['ESCALATED', 'APPEAL']);
  });

  it('a handover to a colleague while the leader is on duty is refused; to the leader it is allowed, the first owner stays', async () => {
    const propertyId = (await createProperty()).id;
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    const tech = await registerStaff(propertyId, 'TECHNICIAN');
    const supervisor = await registerStaff(propertyId, 'SERVICE_SUPERVISOR');
    const id = await recordHelpRequest(repairInput(propertyId), desk.token);

    const refused = await gql(
      HAND_OVER,
      { input: { id, toStaffId: tech.id, reason: 'Not my remit' } },
      { token: desk.token },
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'HANDOVER_LEADER_PRESENT',
    });

    const { handOverHelpRequest } = await gqlOk<{
      handOverHelpRequest: {
        helpRequest: {
          owner: { id: string };
          currentOwner: { id: string };
          handovers: unknown[];
          timeline: Array<{ note: string | null }>;
        };
      };
    }>(HAND_OVER, { input: { id, toStaffId: supervisor.id, reason: 'Not my remit' } }, { token: desk.token });
    expect(handOverHelpRequest.helpRequest).toMatchObject({
      owner: { id: desk.id },
      currentOwner: { id: supervisor.id },
      handovers: [
        {
          from: { id: desk.id },
          to: { id: supervisor.id },
          byId: desk.id,
          basis: 'LEADER',
          reason: 'Not my remit',
        },
      ],
    });
    expect(handOverHelpRequest.helpRequest.timeline.at(-1)?.note).toMatch(
      /^handed over to the leader .*: Not my remit$/,
    );
    const [event] = await tap.waitFor(ofRequest(id, 'workorder.handed_over.v1'));
    expect(event!.data).toMatchObject({
      ownerId: desk.id,
      fromOwnerId: desk.id,
      toOwnerId: supervisor.id,
      basis: 'LEADER',
    });

    // The desk no longer holds it: it cannot hand it on again; the request still lists it as owner.
    const again = await gql(
      HAND_OVER,
      { input: { id, toStaffId: tech.id, reason: 'x' } },
      { token: desk.token },
    );
    expect(reasonOf(again)).toBe('ROLE_NOT_ALLOWED');
  });

  it('the colleague a request was handed to refers or closes it; the first owner no longer may on its own say', async () => {
    // No leader registered, so none on duty: the desk hands its requests to a plumber in charge.
    const propertyId = (await createProperty()).id;
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    const delegate = await registerStaff(propertyId, 'TECHNICIAN');
    const otherTech = await registerStaff(propertyId, 'TECHNICIAN');
    const handTo = async (id: string) =>
      gqlOk(
        HAND_OVER,
        { input: { id, toStaffId: delegate.id, reason: 'Leader away' } },
        { token: desk.token },
      );
    const referral = { department: 'City water bureau', residentToldAt: new Date().toISOString() };

    const toRefer = await recordHelpRequest(repairInput(propertyId), desk.token);
    await handTo(toRefer);
    const byFirstOwner = await gql(
      `mutation ($input: ReferHelpRequestInput!) { referHelpRequest(input: $input) { helpRequest { id } } }`,
      { input: { id: toRefer, ...referral } },
      { token: desk.token },
    );
    expect(byFirstOwner.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ROLE_NOT_ALLOWED',
    });
    const referred = await act('referHelpRequest', { id: toRefer, ...referral }, delegate.token);
    expect(referred.state).toBe('REFERRED');
    const [event] = await tap.waitFor(ofRequest(toRefer, 'workorder.referred.v1'));
    expect(event!.data).toMatchObject({ ownerId: desk.id, department: 'City water bureau' });

    const toClose = await recordHelpRequest(repairInput(propertyId), desk.token);
    await act('acknowledgeHelpRequest', { id: toClose }, desk.token);
    await handTo(toClose);
    await act('assignHelpRequest', { id: toClose, assigneeIds: [delegate.id] }, desk.token);
    await act('startHelpRequestWork', { id: toClose }, delegate.token);
    await act('resolveHelpRequest', { id: toClose, outcome: 'Replaced the joint' }, delegate.token);
    await act('confirmHelpRequestResolution', { id: toClose }, desk.token);
    await act('recordHelpRequestFollowUp', { id: toClose, result: 'SATISFIED' }, desk.token);
    const byOther = await gql(
      `mutation ($input: TransitionInput!) { closeHelpRequest(input: $input) { helpRequest { id } } }`,
      { input: { id: toClose } },
      { token: otherTech.token },
    );
    expect(reasonOf(byOther)).toBe('ROLE_NOT_ALLOWED');
    const closed = await act('closeHelpRequest', { id: toClose, note: 'Done' }, delegate.token);
    expect(closed.state).toBe('CLOSED');
  });

  it('a caller without a resident record calling twice about the same thing is linked to the first call', async () => {
    const propertyId = (await createProperty()).id;
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    const other = (await createProperty()).id;
    const otherDesk = await registerStaff(other, 'FRONT_DESK');
    const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const walkIn = { contactName: 'A passer-by', contactPhone: phone, category: 'PUBLIC_LIGHTING' };
    const first = await recordHelpRequest(repairInput(propertyId, walkIn), desk.token);
    // The same number at another property is another caller's business.
    const elsewhere = await gqlOk<{ recordHelpRequest: { helpRequest: { repeatCall: boolean } } }>(
      RECORD,
      { input: repairInput(other, walkIn) },
      { token: otherDesk.token },
    );
    expect(elsewhere.recordHelpRequest.helpRequest.repeatCall).toBe(false);

    const second = await gqlOk<{
      recordHelpRequest: {
        helpRequest: { id: string; repeatCall: boolean; repeatOf: { id: string } | null };
      };
    }>(
      RECORD,
      { input: repairInput(propertyId, { ...walkIn, contactPhone: `+86${phone}` }) },
      { token: desk.token },
    );
    expect(second.recordHelpRequest.helpRequest).toMatchObject({ repeatCall: true, repeatOf: { id: first } });
    const [received] = await tap.waitFor(
      ofRequest(second.recordHelpRequest.helpRequest.id, 'workorder.received.v1'),
    );
    expect(received!.data).toMatchObject({ repeatOfId: first, repeatOfOwnerId: desk.id });

    const otherMatter = await gqlOk<{ recordHelpRequest: { helpRequest: { repeatCall: boolean } } }>(
      RECORD,
      { input: repairInput(propertyId, { ...walkIn, category: 'GREENERY' }) },
      { token: desk.token },
    );
    expect(otherMatter.recordHelpRequest.helpRequest.repeatCall).toBe(false);
  });

  it('searches by phone suffix and state with totals per state, paginated, within what the caller may read', async () => {
    const propertyId = (await createProperty()).id;
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    const suffix = String(Math.floor(Math.random() * 1e4)).padStart(4, '0');
    const phone = `1370000${suffix}`;
    const ids = [];
    for (const category of ['WATER_LEAK', 'DRAINAGE', 'ELECTRICAL'])
      ids.push(
        await recordHelpRequest(repairInput(propertyId, { contactPhone: phone, category }), desk.token),
      );
    await gqlOk(
      `mutation ($input: TransitionInput!) { acknowledgeHelpRequest(input: $input) { helpRequest { id } } }`,
      { input: { id: ids[0] } },
      { token: desk.token },
    );
    // Another caller's number and a confidential request the desk may not read.
    await recordHelpRequest(repairInput(propertyId, { contactPhone: `1360000${suffix}9` }), desk.token);
    await recordHelpRequest(
      repairInput(propertyId, { contactPhone: phone, category: 'GREENERY', confidential: true }),
      (await registerStaff(propertyId, 'SERVICE_SUPERVISOR')).token,
    );

    const page = await gqlOk<SearchView>(
      SEARCH,
      { propertyId, search: { phoneSuffix: suffix, states: ['RECEIVED'] }, first: 1 },
      { token: desk.token },
    );
    const { requests, totalsByState } = page.searchHelpRequests;
    expect(requests.totalCount).toBe(2);
    expect(requests.edges.map((e) => e.node.state)).toEqual(['RECEIVED']);
    expect(requests.pageInfo.hasNextPage).toBe(true);
    const counts = Object.fromEntries(
      totalsByState.filter((t) => t.count > 0).map((t) => [t.state, t.count]),
    );
    expect(counts).toEqual({ RECEIVED: 2, ACKNOWLEDGED: 1 });

    const next = await gqlOk<SearchView>(
      SEARCH,
      {
        propertyId,
        search: { phoneSuffix: suffix, states: ['RECEIVED'] },
        first: 1,
        after: requests.pageInfo.endCursor,
      },
      { token: desk.token },
    );
    expect(next.searchHelpRequests.requests.edges).toHaveLength(1);
    expect(next.searchHelpRequests.requests.edges[0]!.node.id).not.toBe(requests.edges[0]!.node.id);

    const byOwnerAndCategory = await gqlOk<SearchView>(
      SEARCH,
      { propertyId, search: { currentOwnerId: desk.id, category: 'DRAINAGE' } },
      { token: desk.token },
    );
    expect(byOwnerAndCategory.searchHelpRequests.requests.edges.map((e) => e.node.id)).toEqual([ids[1]]);

    const outside = await gql(
      SEARCH,
      { propertyId, search: { phoneSuffix: suffix } },
      {
        token: (await registerStaff((await createProperty()).id, 'FRONT_DESK')).token,
      },
    );
    expect(reasonOf(outside)).toBe('OUTSIDE_PROPERTY_SCOPE');
    const bad = await gql(SEARCH, { propertyId, search: { phoneSuffix: '12' } }, { token: desk.token });
    expect(reasonOf(bad)).toBe('INVALID_PHONE_SUFFIX');
  });
});
