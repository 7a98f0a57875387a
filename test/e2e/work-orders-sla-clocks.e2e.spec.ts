import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TOPICS } from '@courtyard/kernel';
import { EventTap } from '../support/events.js';
import { errorCodes, gql, gqlOk } from '../support/graphql.js';
import { createBuilding, createProperty, createUnit } from '../support/residents.js';
import { act, recordHelpRequest, registerStaff, repairInput } from '../support/work-orders.js';

const CLOCKS = /* GraphQL */ `
  query ($id: ID!) {
    helpRequest(id: $id) {
      slaPolicyVersion
      timeline {
        note
      }
      clocks {
        kind
        status
        rule
        limit {
          amount
          unit
        }
        startedAt
        dueAt
        secondsUsed
        secondsPaused
        stoppedAt
        stoppedById
        channel
      }
    }
  }
`;
interface ClockView {
  kind: string;
  status: string;
  limit: { amount: number; unit: string };
  startedAt: string;
  dueAt: string;
  stoppedAt: string | null;
  stoppedById: string | null;
  channel: string | null;
  secondsPaused: number;
}
const readClocks = async (id: string, token: string) =>
  (
    await gqlOk<{
      helpRequest: {
        slaPolicyVersion: string;
        clocks: ClockView[];
        timeline: Array<{ note: string | null }>;
      };
    }>(CLOCKS, { id }, { token })
  ).helpRequest;
const moment = (mutation: string, inputType: string, input: Record<string, unknown>, token: string) =>
  gql(
    `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { helpRequest { id } } }`,
    { input },
    { token },
  );

describe('work-orders: SLA clocks stopped by the moments people record, through the gateway', () => {
  let tap: EventTap;
  beforeAll(async () => {
    tap = await EventTap.start(TOPICS.workOrders);
  });
  afterAll(() => tap.stop());

  it('an urgent repair: first reply by WeChat, arrival on site, paused while waiting for parts', async () => {
    const propertyId = (await createProperty()).id;
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    const tech = await registerStaff(propertyId, 'TECHNICIAN');
    const id = await recordHelpRequest(repairInput(propertyId, { urgent: true }), desk.token);

    const fresh = await readClocks(id, desk.token);
    expect(fresh.slaPolicyVersion).toBe('1.0');
    expect(fresh.clocks.map((c) => [c.kind, c.status, c.limit])).toEqual([
      ['FIRST_REPLY', 'RUNNING', { amount: 5, unit: 'MINUTES' }],
      ['ON_SITE', 'RUNNING', { amount: 30, unit: 'MINUTES' }],
      ['FEEDBACK', 'RUNNING', { amount: 4, unit: 'HOURS' }],
      ['RESOLUTION', 'RUNNING', { amount: 4, unit: 'HOURS' }],
    ]);

    expect(
      errorCodes(
        await moment(
          'recordHelpRequestFirstReply',
          'RecordReplyInput',
          { id, channel: 'WECHAT' },
          desk.token,
        ),
      ),
    ).toEqual([]);
    await act('acknowledgeHelpRequest', { id }, desk.token);
    await act('assignHelpRequest', { id, assigneeIds: [tech.id] }, desk.token);
    expect(
      errorCodes(
        await moment('recordHelpRequestArrival', 'TransitionInput', { id, note: 'at the door' }, tech.token),
      ),
    ).toEqual([]);
    // Arriving twice is refused: the clock keeps its first stop.
    const again = await moment('recordHelpRequestArrival', 'TransitionInput', { id }, tech.token);
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    await act('startHelpRequestWork', { id }, tech.token);
    await act(
      'holdHelpRequestForParts',
      // The units told must be units of the property work-orders knows.
      {
        id,
        message: 'Valve ordered',
        notifiedUnitIds: [(await createUnit((await createBuilding(propertyId)).id, '2-201')).id],
      },
      tech.token,
    );

    const held = await readClocks(id, desk.token);
    const byKind = Object.fromEntries(held.clocks.map((c) => [c.kind, c]));
    expect(byKind.FIRST_REPLY).toMatchObject({ status: 'MET', stoppedById: desk.id, channel: 'WECHAT' });
    expect(byKind.ON_SITE).toMatchObject({ status: 'MET', stoppedById: tech.id });
    expect(byKind.RESOLUTION).toMatchObject({ status: 'PAUSED', stoppedAt: null });
    expect(held.timeline.map((entry) => entry.note)).toEqual(
      expect.arrayContaining(['first reply by WECHAT', 'arrived on site: at the door']),
    );

    await act('resumeHelpRequestWork', { id }, tech.token);
    const resumed = Object.fromEntries((await readClocks(id, desk.token)).clocks.map((c) => [c.kind, c]));
    expect(resumed.RESOLUTION!.status).toBe('RUNNING');
    // The due time moved on by the pause (a moment, here), never back.
    expect(Date.parse(resumed.RESOLUTION!.dueAt)).toBeGreaterThanOrEqual(
      Date.parse(byKind.RESOLUTION!.dueAt),
    );

    const stopped = await tap.waitFor((e) => e.type === 'workorder.clock_stopped.v1' && e.subject === id, 2);
    expect(stopped.map((e) => (e.data as { clock: string; met: boolean }).clock)).toEqual([
      'FIRST_REPLY',
      'ON_SITE',
    ]);
    expect(stopped.every((e) => (e.data as { met: boolean }).met)).toBe(true);
  });

  it('a major medical emergency notifies the supervisor on duty at intake, on its timeline', async () => {
    const propertyId = (await createProperty()).id;
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    const supervisor = await registerStaff(propertyId, 'SERVICE_SUPERVISOR', { name: 'Zhang Supervisor' });
    const id = await recordHelpRequest(
      repairInput(propertyId, {
        type: 'MEDICAL_EMERGENCY',
        category: 'GENERAL',
        description: 'Resident collapsed',
      }),
      desk.token,
    );
    const { timeline } = await readClocks(id, desk.token);
    expect(timeline.map((entry) => entry.note)).toContain(
      'major medical emergency: supervisor on duty Zhang Supervisor notified',
    );
    const [received] = await tap.waitFor((e) => e.type === 'workorder.received.v1' && e.subject === id);
    expect(received!.data).toMatchObject({ supervisorNotified: { staffId: supervisor.id } });
  });
});
