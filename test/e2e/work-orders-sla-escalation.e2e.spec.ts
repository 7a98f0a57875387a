import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TOPICS } from '@courtyard/kernel';
import { EventTap } from '../support/events.js';
import { gqlOk } from '../support/graphql.js';
import { createProperty } from '../support/residents.js';
import { CHAIN_TITLES, startTestScheduler } from '../support/sla-scheduler.js';
import { act, recordHelpRequest, registerStaff, repairInput } from '../support/work-orders.js';

const QUEUE = /* GraphQL */ `
  query {
    escalatedToMe {
      id
      state
      escalationLevel
      escalatedTo {
        role
        title
        responsible {
          id
        }
        clock
        deadlineAt
      }
      clocks {
        kind
        status
      }
    }
  }
`;
interface QueueView {
  escalatedToMe: Array<{
    id: string;
    state: string;
    escalatedTo: {
      role: string;
      title: string;
      responsible: { id: string } | null;
      clock: string;
      deadlineAt: string;
    };
    clocks: Array<{ kind: string; status: string }>;
  }>;
}
const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);
const ofRequest = (id: string, type: string) => (e: { type: string; subject: string }) =>
  e.type === type && e.subject === id;

/** An urgent repair, replied to and assigned, that nobody reaches on site; and who is on duty. */
async function urgentRepairNobodyReaches() {
  const propertyId = (await createProperty()).id;
  const desk = await registerStaff(propertyId, 'FRONT_DESK');
  const tech = await registerStaff(propertyId, 'TECHNICIAN');
  const supervisor = await registerStaff(propertyId, 'SERVICE_SUPERVISOR');
  const receivedAt = new Date();
  const id = await recordHelpRequest(repairInput(propertyId, { urgent: true }), desk.token);
  await act('acknowledgeHelpRequest', { id }, desk.token);
  await act('assignHelpRequest', { id, assigneeIds: [tech.id] }, desk.token);
  return { id, receivedAt, tech, supervisor };
}

describe('work-orders: the service finds SLA breaches and escalates them itself (injected clock, real servers)', () => {
  let tap: EventTap;
  beforeAll(async () => {
    tap = await EventTap.start(TOPICS.workOrders);
  });
  afterAll(() => tap.stop());

  /** Waits for a later event of the request, then counts: nothing of the earlier kinds can still be on its way. */
  async function countAfterMarker(id: string, techToken: string) {
    await act('startHelpRequestWork', { id }, techToken);
    await tap.waitFor(ofRequest(id, 'workorder.started.v1'));
    return {
      breached: tap.matching(ofRequest(id, 'workorder.sla_breached.v1')).length,
      escalated: tap.matching(ofRequest(id, 'workorder.escalated.v1')).length,
    };
  }

  it('an urgent repair with nobody on site breaches at 30 min: one breach, one escalation, in the supervisor’s queue', async () => {
    const { id, receivedAt, tech, supervisor } = await urgentRepairNobodyReaches();
    const scheduler = await startTestScheduler();
    try {
      await scheduler.tick(minutes(receivedAt, 29));
      expect(tap.matching(ofRequest(id, 'workorder.sla_breached.v1'))).toEqual([]);
      await scheduler.tick(minutes(receivedAt, 31));
      await scheduler.tick(minutes(receivedAt, 32));

      const [breach] = await tap.waitFor(ofRequest(id, 'workorder.sla_breached.v1'));
      expect(breach!.data).toMatchObject({ clock: 'ON_SITE', level: 0, actorId: 'work-orders' });
      expect((breach!.data as { secondsLate: number }).secondsLate).toBeGreaterThanOrEqual(60);
      const [escalation] = await tap.waitFor(ofRequest(id, 'workorder.escalated.v1'));
      expect(escalation!.data).toMatchObject({
        escalatedTo: 'SERVICE_SUPERVISOR',
        title: CHAIN_TITLES[1],
        responsibleStaffId: supervisor.id,
        clock: 'ON_SITE',
      });

      const { escalatedToMe } = await gqlOk<QueueView>(QUEUE, {}, { token: supervisor.token });
      const mine = escalatedToMe.find((request) => request.id === id);
      expect(mine).toMatchObject({
        state: 'ESCALATED',
        escalatedTo: {
          role: 'SERVICE_SUPERVISOR',
          title: '服务处主管',
          responsible: { id: supervisor.id },
          clock: 'ON_SITE',
        },
      });
      expect(mine!.clocks).toContainEqual({ kind: 'ON_SITE', status: 'BREACHED' });
      expect(await countAfterMarker(id, tech.token)).toEqual({ breached: 1, escalated: 1 });
    } finally {
      await scheduler.close();
    }
  });

  it('a restart between the due time and the scan still escalates, exactly once; two schedulers at once escalate once', async () => {
    const restarted = await urgentRepairNobodyReaches();
    const concurrent = await urgentRepairNobodyReaches();
    // A replica that looked before the due time, then went away (its memory with it).
    const before = await startTestScheduler();
    await before.tick(minutes(restarted.receivedAt, 10));
    await before.close();

    const [a, b] = await Promise.all([startTestScheduler(), startTestScheduler()]);
    try {
      const late = minutes(
        new Date(Math.max(restarted.receivedAt.getTime(), concurrent.receivedAt.getTime())),
        35,
      );
      await Promise.all([a.tick(late), b.tick(late)]);
      await Promise.all([a.tick(minutes(late, 1)), b.tick(minutes(late, 1))]);
      for (const { id, tech } of [restarted, concurrent]) {
        await tap.waitFor(ofRequest(id, 'workorder.escalated.v1'));
        expect(await countAfterMarker(id, tech.token)).toEqual({ breached: 1, escalated: 1 });
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('records the resident’s silence itself once the confirmation wait is over, as the system', async () => {
    const propertyId = (await createProperty()).id;
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    const tech = await registerStaff(propertyId, 'TECHNICIAN');
    const id = await recordHelpRequest(repairInput(propertyId), desk.token);
    await act('acknowledgeHelpRequest', { id }, desk.token);
    await act('assignHelpRequest', { id, assigneeIds: [tech.id] }, desk.token);
    await act('startHelpRequestWork', { id }, tech.token);
    await act('resolveHelpRequest', { id, outcome: 'Joint replaced' }, tech.token);
    const resolvedAt = new Date();
    const scheduler = await startTestScheduler();
    try {
      await scheduler.tick(minutes(resolvedAt, 47 * 60));
      expect(tap.matching(ofRequest(id, 'workorder.confirmed.v1'))).toEqual([]);
      await scheduler.tick(minutes(resolvedAt, 48 * 60 + 1));
      const [confirmed] = await tap.waitFor(ofRequest(id, 'workorder.confirmed.v1'));
      expect(confirmed!.data).toMatchObject({ confirmation: 'NO_RESPONSE', actorId: 'work-orders' });
      const { helpRequest } = await gqlOk<{
        helpRequest: { state: string; timeline: Array<{ actorRole: string; note: string | null }> };
      }>(
        `query ($id: ID!) { helpRequest(id: $id) { state timeline { actorRole note } } }`,
        { id },
        { token: desk.token },
      );
      expect(helpRequest.state).toBe('CONFIRMED');
      expect(helpRequest.timeline.at(-1)).toEqual({
        actorRole: 'SYSTEM',
        note: 'no response from the resident: recorded by the service after 48 h',
      });
    } finally {
      await scheduler.close();
    }
  });
});
