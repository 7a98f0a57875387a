import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { TOPICS } from '@courtyard/kernel';
import { EventTap } from '../support/events.js';
import { gql, gqlOk, tokenFor, type GraphQLResponse } from '../support/graphql.js';
import {
  createBuilding,
  createProperty,
  createUnit,
  moveIn,
  registerResident,
} from '../support/residents.js';
import {
  act,
  RECORD,
  recordHelpRequest,
  registerStaff,
  repairInput,
  shiftsStartedAnHourAgo,
} from '../support/work-orders.js';

const FIELDS = /* GraphQL */ `
  id
  number
  state
  channel
  awaitingOwner
  owner { id }
  unit { id }
  attachments
  preferredVisitAt
  comments { byRole text attachments }
  withdrawal { reason }
  progress { state message }
`;
const SUBMIT = `mutation ($input: SubmitHelpRequestInput!) { submitHelpRequest(input: $input) { helpRequest { ${FIELDS} } } }`;
const COMMENT = `mutation ($input: AddHelpRequestCommentInput!) { addHelpRequestComment(input: $input) { helpRequest { ${FIELDS} } } }`;
const WITHDRAW = `mutation ($input: WithdrawHelpRequestInput!) { withdrawHelpRequest(input: $input) { helpRequest { ${FIELDS} } } }`;
const READ = `query ($id: ID!) { helpRequest(id: $id) { ${FIELDS} } }`;
const BY_NUMBER = `query ($p: ID!, $n: String!) { helpRequestByNumber(propertyId: $p, number: $n) { id } }`;
const BOARD = `query ($p: ID!) { frontDeskBoard(propertyId: $p) { awaitingOwner { id firstReplyDueAt } } }`;
const TODAYS_WORK = `query { todaysWork { onShift assignments { id contactName unit { id } } } }`;

interface View {
  id: string;
  number: string;
  state: string;
  awaitingOwner: boolean;
  owner: { id: string } | null;
  unit: { id: string } | null;
  comments: Array<{ byRole: string; text: string | null; attachments: string[] }>;
  withdrawal: { reason: string | null } | null;
  progress: Array<{ state: string; message: string }>;
}

const reasonOf = (result: GraphQLResponse<unknown>) => ({
  code: result.errors?.[0]?.extensions?.code,
  reason: result.errors?.[0]?.extensions?.reason,
});

const leak = (extra: Record<string, unknown> = {}) => ({
  type: 'REPAIR',
  category: 'WATER_LEAK',
  channel: 'APP',
  description: 'The bathroom tap drips all night',
  contactName: 'Zhou Min',
  contactPhone: '13700001111',
  attachments: ['https://photos.example/tap.jpg'],
  preferredVisitAt: '2026-12-24T02:00:00.000Z',
  ...extra,
});

describe('work-orders: a resident’s own requests from the app, through the gateway', () => {
  let tap: EventTap;
  let propertyId: string;
  let homeUnit: string;
  let neighbourUnit: string;
  let resident: string;
  let neighbour: string;
  let elsewhere: string;
  let desk: { id: string; token: string };
  let tech: { id: string; token: string };

  beforeAll(async () => {
    tap = await EventTap.start(TOPICS.workOrders);
    propertyId = (await createProperty()).id;
    const buildingId = (await createBuilding(propertyId)).id;
    homeUnit = (await createUnit(buildingId, '7-701')).id;
    neighbourUnit = (await createUnit(buildingId, '7-702')).id;
    const zhou = (await registerResident(propertyId, 'Zhou Min', '13700001111')).id;
    const qian = (await registerResident(propertyId, 'Qian Lei', '13700002222')).id;
    await moveIn(homeUnit, zhou);
    await moveIn(neighbourUnit, qian);
    resident = await tokenFor('RESIDENT', { residentId: zhou, sub: `resident-${zhou}` });
    neighbour = await tokenFor('RESIDENT', { residentId: qian, sub: `resident-${qian}` });
    const otherProperty = (await createProperty()).id;
    elsewhere = (await registerResident(otherProperty, 'Sun Yu', '13700003333')).id;
    desk = await registerStaff(propertyId, 'FRONT_DESK');
    tech = await registerStaff(propertyId, 'TECHNICIAN', { roster: shiftsStartedAnHourAgo('Asia/Shanghai') });
  });
  afterAll(() => tap.stop());

  const submit = async (input: Record<string, unknown>, token = resident) =>
    (await gqlOk<{ submitHelpRequest: { helpRequest: View } }>(SUBMIT, { input }, { token }))
      .submitHelpRequest.helpRequest;
  const read = async (id: string, token = resident) =>
    (await gqlOk<{ helpRequest: View }>(READ, { id }, { token })).helpRequest;

  it('submitted from the app it waits unowned on the board; the desk that accepts it owns it; the resident comments and confirms', async () => {
    const submitted = await submit(leak());
    expect(submitted).toMatchObject({
      state: 'RECEIVED',
      channel: 'APP',
      awaitingOwner: true,
      owner: null,
      unit: { id: homeUnit },
      attachments: ['https://photos.example/tap.jpg'],
      preferredVisitAt: '2026-12-24T02:00:00.000Z',
    });
    const { id } = submitted;

    // On the front-desk board with its own clock: the first reply.
    const board = async () =>
      (
        await gqlOk<{ frontDeskBoard: { awaitingOwner: Array<{ id: string; firstReplyDueAt: string }> } }>(
          BOARD,
          { p: propertyId },
          { token: desk.token },
        )
      ).frontDeskBoard.awaitingOwner;
    const waiting = (await board()).find((request) => request.id === id);
    expect(new Date(waiting!.firstReplyDueAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

    await act('acknowledgeHelpRequest', { id, note: 'Asked supervisor Zhang about the riser' }, desk.token);
    expect(await read(id, desk.token)).toMatchObject({ owner: { id: desk.id }, awaitingOwner: false });
    expect((await board()).map((request) => request.id)).not.toContain(id);

    const commented = await gqlOk<{ addHelpRequestComment: { helpRequest: View } }>(
      COMMENT,
      { input: { id, text: 'It drips on the floor now', attachments: ['https://photos.example/floor.jpg'] } },
      { token: resident },
    );
    expect(commented.addHelpRequestComment.helpRequest.comments).toEqual([
      {
        byRole: 'RESIDENT',
        text: 'It drips on the floor now',
        attachments: ['https://photos.example/floor.jpg'],
      },
    ]);

    await act('assignHelpRequest', { id, assigneeIds: [tech.id] }, desk.token);
    // The technician finds it in today's work (the roster has them on duty), with the unit and contact.
    const { todaysWork } = await gqlOk<{
      todaysWork: {
        onShift: boolean;
        assignments: Array<{ id: string; contactName: string; unit: { id: string } }>;
      };
    }>(TODAYS_WORK, {}, { token: tech.token });
    expect(todaysWork.onShift).toBe(true);
    expect(todaysWork.assignments).toContainEqual({ id, contactName: 'Zhou Min', unit: { id: homeUnit } });
    await act('recordHelpRequestArrival', { id, note: 'At the door' }, tech.token);
    await act('startHelpRequestWork', { id }, tech.token);
    await act('resolveHelpRequest', { id, outcome: 'Replaced the tap washer.' }, tech.token);
    await act('confirmHelpRequestResolution', { id }, resident);

    const seen = await read(id);
    expect(seen.state).toBe('CONFIRMED');
    expect(seen.owner).toEqual({ id: desk.id });
    expect(seen.progress.map((note) => note.state)).toEqual([
      'RECEIVED',
      'ACKNOWLEDGED',
      'ASSIGNED',
      'IN_PROGRESS',
      'RESOLVED',
      'CONFIRMED',
    ]);
    expect(seen.progress[4]!.message).toContain('Replaced the tap washer.');
    const { helpRequest: onSite } = await gqlOk<{ helpRequest: { fieldWork: { arrivedAt: string | null } } }>(
      `query ($id: ID!) { helpRequest(id: $id) { fieldWork { arrivedAt } } }`,
      { id },
      { token: desk.token },
    );
    expect(onSite.fieldWork.arrivedAt).not.toBeNull();
    expect(JSON.stringify(seen.progress)).not.toContain('Zhang');

    const events = await tap.waitFor((event) => event.subject === id, 8);
    // The arrival stops an on-site clock where the policy has one, and is recorded either way.
    const arrival = /^workorder\.(arrived|clock_stopped)\.v1$/;
    expect(events.map((event) => event.type).filter((type) => arrival.test(type))).toHaveLength(1);
    expect(events.map((event) => event.type).filter((type) => !arrival.test(type))).toEqual([
      'workorder.received.v1',
      'workorder.acknowledged.v1',
      'workorder.comment_added.v1',
      'workorder.assigned.v1',
      'workorder.started.v1',
      'workorder.resolved.v1',
      'workorder.confirmed.v1',
    ]);
    expect(events[0]!.data).toMatchObject({ unowned: true, channel: 'APP' });
    expect(events[1]!.data).toMatchObject({ ownerId: desk.id });
    expect(events[2]!.data).toMatchObject({ hasText: true, attachmentCount: 1 });
  });

  it('a resident cannot submit for another unit, nor read or touch another household’s request', async () => {
    expect(
      reasonOf(await gql(SUBMIT, { input: leak({ unitId: neighbourUnit }) }, { token: resident })),
    ).toEqual({
      code: 'FORBIDDEN',
      reason: 'NOT_YOUR_UNIT',
    });
    expect(
      reasonOf(
        await gql(SUBMIT, { input: leak({ attachments: ['javascript:alert(1)'] }) }, { token: resident }),
      ).code,
    ).toBe('BAD_USER_INPUT');

    const mine = await submit(leak({ category: 'DRAINAGE', description: 'The floor drain smells' }));
    expect(reasonOf(await gql(READ, { id: mine.id }, { token: neighbour }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    const byNumber = await gql<{ helpRequestByNumber: unknown }>(
      BY_NUMBER,
      { p: propertyId, n: mine.number },
      { token: neighbour },
    );
    expect(byNumber.errors).toBeUndefined();
    expect(byNumber.data?.helpRequestByNumber).toBeNull();
    expect(
      (
        await gqlOk<{ helpRequestByNumber: { id: string } }>(
          BY_NUMBER,
          { p: propertyId, n: mine.number },
          { token: resident },
        )
      ).helpRequestByNumber,
    ).toEqual({ id: mine.id });
    expect(
      reasonOf(await gql(COMMENT, { input: { id: mine.id, text: 'Not mine' } }, { token: neighbour })).code,
    ).toBe('NOT_FOUND');
    expect(reasonOf(await gql(WITHDRAW, { input: { id: mine.id } }, { token: neighbour })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('staff intake with an unknown unit or a requester of another property is refused and burns no number', async () => {
    const before = await recordHelpRequest(repairInput(propertyId, { unitId: homeUnit }), desk.token);
    const refused = [
      await gql(RECORD, { input: repairInput(propertyId, { unitId: randomUUID() }) }, { token: desk.token }),
      await gql(
        RECORD,
        { input: repairInput(propertyId, { requesterId: elsewhere }) },
        { token: desk.token },
      ),
      await gql(
        RECORD,
        { input: repairInput(propertyId, { requesterId: randomUUID() }) },
        { token: desk.token },
      ),
    ];
    expect(refused.map(reasonOf)).toEqual([
      { code: 'CONFLICT', reason: 'UNIT_NOT_YET_KNOWN' },
      { code: 'BAD_USER_INPUT', reason: 'REQUESTER_OF_ANOTHER_PROPERTY' },
      { code: 'CONFLICT', reason: 'RESIDENT_NOT_YET_KNOWN' },
    ]);
    const after = await recordHelpRequest(repairInput(propertyId, { unitId: homeUnit }), desk.token);
    const numberOf = async (id: string) => Number((await read(id, desk.token)).number.slice(-6));
    expect((await numberOf(after)) - (await numberOf(before))).toBe(1);

    // The units told of a wait for parts are checked the same way.
    await act('acknowledgeHelpRequest', { id: after }, desk.token);
    await act('assignHelpRequest', { id: after, assigneeIds: [tech.id] }, desk.token);
    await act('startHelpRequestWork', { id: after }, tech.token);
    const hold = await gql(
      `mutation ($input: WaitForPartsInput!) { holdHelpRequestForParts(input: $input) { helpRequest { id } } }`,
      { input: { id: after, message: 'Valve ordered', notifiedUnitIds: [homeUnit, randomUUID()] } },
      { token: tech.token },
    );
    expect(reasonOf(hold)).toEqual({ code: 'CONFLICT', reason: 'UNIT_NOT_YET_KNOWN' });
    expect((await read(after, desk.token)).state).toBe('IN_PROGRESS');
  });

  it('withdrawing before the work starts closes it and keeps it; after the start it is refused', async () => {
    const early = await submit(leak({ category: 'WATER_SUPPLY', description: 'No hot water since morning' }));
    await act('acknowledgeHelpRequest', { id: early.id }, desk.token);
    await act('assignHelpRequest', { id: early.id, assigneeIds: [tech.id] }, desk.token);
    const withdrawn = await gqlOk<{ withdrawHelpRequest: { helpRequest: View } }>(
      WITHDRAW,
      { input: { id: early.id, reason: 'It works again' } },
      { token: resident },
    );
    expect(withdrawn.withdrawHelpRequest.helpRequest).toMatchObject({
      state: 'CLOSED',
      withdrawal: { reason: 'It works again' },
    });
    expect(withdrawn.withdrawHelpRequest.helpRequest.progress.at(-1)).toEqual({
      state: 'CLOSED',
      message: 'You withdrew this request.',
    });
    // Kept, not deleted: the desk still reads it.
    expect((await read(early.id, desk.token)).withdrawal).toEqual({ reason: 'It works again' });
    await tap.waitFor((event) => event.subject === early.id && event.type === 'workorder.withdrawn.v1');

    const started = await submit(
      leak({ category: 'WATER_SUPPLY', description: 'The water pressure is low' }),
    );
    await act('acknowledgeHelpRequest', { id: started.id }, desk.token);
    await act('assignHelpRequest', { id: started.id, assigneeIds: [tech.id] }, desk.token);
    await act('startHelpRequestWork', { id: started.id }, tech.token);
    expect(reasonOf(await gql(WITHDRAW, { input: { id: started.id } }, { token: resident }))).toEqual({
      code: 'CONFLICT',
      reason: 'WORK_ALREADY_STARTED',
    });
  });
});
