import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TOPICS } from '@courtyard/kernel';
import { EventTap } from '../support/events.js';
import { errorCodes, gql, gqlOk } from '../support/graphql.js';
import {
  createBuilding,
  createProperty,
  createUnit,
  moveIn,
  registerResident,
} from '../support/residents.js';
import { act, RECORD, recordHelpRequest, registerStaff, repairInput } from '../support/work-orders.js';

describe('work-orders: a repair from the resident’s call to CLOSED, through the gateway', () => {
  let tap: EventTap;
  beforeAll(async () => {
    tap = await EventTap.start(TOPICS.workOrders);
  });
  afterAll(() => tap.stop());

  it('passes every state, keeps its owner, publishes each step in order, and resolves the requester across subgraphs', async () => {
    const propertyId = (await createProperty()).id;
    const unitId = (await createUnit((await createBuilding(propertyId)).id, '3-1201')).id;
    const residentId = (await registerResident(propertyId, 'Chen Jing', '13755556666')).id;
    await moveIn(unitId, residentId);
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    const tech = await registerStaff(propertyId, 'TECHNICIAN');

    const { recordHelpRequest } = await gqlOk<{
      recordHelpRequest: { helpRequest: { id: string; number: string; state: string } };
    }>(
      RECORD,
      {
        input: repairInput(propertyId, {
          requesterId: residentId,
          unitId,
          contactName: 'Chen Jing',
          contactPhone: '13755556666',
        }),
      },
      { token: desk.token },
    );
    const id = recordHelpRequest.helpRequest.id;
    expect(recordHelpRequest.helpRequest).toMatchObject({
      state: 'RECEIVED',
      number: expect.stringMatching(/^WO-\d{4}-\d{6}$/),
    });

    await act('acknowledgeHelpRequest', { id, note: 'Told the resident a plumber is coming' }, desk.token);
    await act('assignHelpRequest', { id, assigneeIds: [tech.id] }, desk.token);
    await act('startHelpRequestWork', { id }, tech.token);
    await act(
      'holdHelpRequestForParts',
      { id, message: 'Pipe joint ordered, fitted tomorrow', notifiedUnitIds: [unitId] },
      tech.token,
    );
    await act('resumeHelpRequestWork', { id, note: 'Parts arrived' }, tech.token);
    await act('resolveHelpRequest', { id, outcome: 'Replaced the joint and dried the ceiling' }, tech.token);
    await act('confirmHelpRequestResolution', { id }, desk.token);
    await act(
      'recordHelpRequestFollowUp',
      { id, result: 'SATISFIED', note: 'Called back, all dry' },
      desk.token,
    );
    const closed = await act('closeHelpRequest', { id, note: 'Resident thanked the plumber' }, desk.token);
    expect(closed.state).toBe('CLOSED');

    const { helpRequest } = await gqlOk<{
      helpRequest: Record<string, unknown> & {
        timeline: Array<{ to: string; actorId: string; note: string | null }>;
      };
    }>(
      `query ($id: ID!) {
        helpRequest(id: $id) {
          state outcome overdue
          owner { id name }
          assignees { id }
          requester { id name phone }
          unit { id number building { name } }
          followUp { result }
          partsNotices { notifiedUnitIds }
          timeline { from to actorId note }
        }
      }`,
      { id },
      { token: desk.token },
    );
    expect(helpRequest).toMatchObject({
      state: 'CLOSED',
      outcome: 'Replaced the joint and dried the ceiling',
      overdue: false,
      owner: { id: desk.id },
      assignees: [{ id: tech.id }],
      requester: { id: residentId, name: 'Chen Jing', phone: '137****6666' },
      unit: { id: unitId, number: '3-1201', building: { name: 'Building 1' } },
      followUp: { result: 'SATISFIED' },
      partsNotices: [{ notifiedUnitIds: [unitId] }],
    });
    const expected = [
      'RECEIVED',
      'ACKNOWLEDGED',
      'ASSIGNED',
      'IN_PROGRESS',
      'WAITING_PARTS',
      'IN_PROGRESS',
      'RESOLVED',
      'CONFIRMED',
      'FOLLOWED_UP',
      'CLOSED',
    ];
    expect(helpRequest.timeline.map((entry) => entry.to)).toEqual(expected);
    // A transition's note is kept on the timeline (issue 16: it used to be dropped).
    expect(helpRequest.timeline[5]).toMatchObject({ to: 'IN_PROGRESS', note: 'Parts arrived' });
    expect(helpRequest.timeline.at(-1)).toMatchObject({ to: 'CLOSED', note: 'Resident thanked the plumber' });

    const events = await tap.waitFor((event) => event.subject === id, expected.length);
    expect(events.map((event) => event.type)).toEqual([
      'workorder.received.v1',
      'workorder.acknowledged.v1',
      'workorder.assigned.v1',
      'workorder.started.v1',
      'workorder.waiting_parts.v1',
      'workorder.started.v1',
      'workorder.resolved.v1',
      'workorder.confirmed.v1',
      'workorder.followed_up.v1',
      'workorder.closed.v1',
    ]);
    for (const event of events) {
      expect(event.kafka.key).toBe(id);
      expect(event.data).toMatchObject({
        helpRequestId: id,
        propertyId,
        ownerId: desk.id,
        type: 'REPAIR',
        channel: 'PHONE',
      });
    }
    expect(events.at(-1)!.data).toMatchObject({
      state: 'CLOSED',
      previousState: 'FOLLOWED_UP',
      followUpResult: 'SATISFIED',
    });
    expect(JSON.stringify(events)).not.toContain('13755556666');
  });

  it('still answers the deprecated names of renamed mutations, with the same rules', async () => {
    const propertyId = (await createProperty()).id;
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    const tech = await registerStaff(propertyId, 'TECHNICIAN');
    const id = await recordHelpRequest(repairInput(propertyId), desk.token);
    await act('acknowledgeHelpRequest', { id }, desk.token);
    await act('assignHelpRequest', { id, assigneeIds: [tech.id] }, desk.token);
    const byDesk = await gql(
      `mutation ($input: TransitionInput!) { startWork(input: $input) { helpRequest { id } } }`,
      { input: { id } },
      { token: desk.token },
    );
    expect(errorCodes(byDesk)).toEqual(['FORBIDDEN']); // the desk is not an assignee
    const started = await act('startWork', { id, note: 'On my way' }, tech.token);
    expect(started.state).toBe('IN_PROGRESS');
  });
});
