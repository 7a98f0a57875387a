import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TOPICS } from '@courtyard/kernel';
import type { PersistedQueryManifest } from '../../gateway/src/persisted/manifest.js';
import { ROOT } from '../../scripts/lib/subgraphs.js';
import { EventTap } from '../support/events.js';
import { gql, gqlOk, tokenFor, type GraphQLResponse } from '../support/graphql.js';
import { createProperty } from '../support/residents.js';
import { act, registerStaff, repairInput } from '../support/work-orders.js';

const manifest = JSON.parse(
  readFileSync(`${ROOT}schema/persisted-queries.json`, 'utf8'),
) as PersistedQueryManifest;
const idOf = (name: string) => manifest.operations.find((operation) => operation.name === name)!.id;

/** A partner's call: its persisted operation by id, as the hotline's client sends it. */
async function asPartner<T>(operation: string, variables: Record<string, unknown>, token: string) {
  const response = await fetch(process.env.GATEWAY_URL!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ documentId: idOf(operation), variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

const OWNERSHIP = `query ($id: ID!) { helpRequest(id: $id) { state owner { id name } source { partner } acceptedAt
  timeline { actorId from to note } } }`;
const BOARD = `query ($p: ID!) { frontDeskBoard(propertyId: $p) { awaitingOwner { id number channel } } }`;
const ACCEPT = `mutation ($input: AcceptHelpRequestInput!) { acceptHelpRequest(input: $input) {
  helpRequest { id owner { id } source { partner } acceptedAt } } }`;
const refusal = (result: GraphQLResponse<unknown>) =>
  result.errors?.map((error) => [error.extensions?.code, error.extensions?.reason]);

describe('a request the city hotline records is owned by the front desk that accepts it (首问制)', () => {
  let tap: EventTap;
  let propertyId: string;
  let desk: { id: string; token: string };
  let hotline: string;
  beforeAll(async () => {
    tap = await EventTap.start(TOPICS.workOrders);
    propertyId = (await createProperty()).id;
    desk = await registerStaff(propertyId, 'FRONT_DESK', { name: 'Zhou Desk' });
    hotline = await tokenFor('PARTNER', { partnerId: 'city-hotline', properties: [propertyId] });
  });
  afterAll(() => tap.stop());

  it('waits unowned on the front-desk board, then belongs to the Staff record that accepted it, the partner kept as source', async () => {
    const recorded = await asPartner<{ recordHelpRequest: { helpRequest: { id: string; state: string } } }>(
      'HotlineRecordHelpRequest',
      { input: repairInput(propertyId, { channel: 'SUPERVISION_HOTLINE' }) },
      hotline,
    );
    expect(recorded.errors).toBeUndefined();
    const { id, state } = recorded.data!.recordHelpRequest.helpRequest;
    expect(state).toBe('RECEIVED');

    // Unowned: nobody owns it, the hotline is its source, and it is on the front desk's board.
    const waiting = await gqlOk<{ helpRequest: Record<string, unknown> }>(
      OWNERSHIP,
      { id },
      { token: desk.token },
    );
    expect(waiting.helpRequest).toMatchObject({
      owner: null,
      source: { partner: 'city-hotline' },
      acceptedAt: null,
    });
    const board = await gqlOk<{ frontDeskBoard: { awaitingOwner: Array<{ id: string; channel: string }> } }>(
      BOARD,
      { p: propertyId },
      { token: desk.token },
    );
    expect(board.frontDeskBoard.awaitingOwner).toEqual([
      expect.objectContaining({ id, channel: 'SUPERVISION_HOTLINE' }),
    ]);

    // A token without a Staff record of the property cannot own it.
    const stranger = await gql(
      ACCEPT,
      { input: { id } },
      { token: await tokenFor('FRONT_DESK', { properties: [propertyId] }) },
    );
    expect(refusal(stranger)).toEqual([['FORBIDDEN', 'STAFF_RECORD_REQUIRED']]);
    // Nor by being the first to move it on.
    const strangerMoves = await gql(
      `mutation ($input: TransitionInput!) { acknowledgeHelpRequest(input: $input) { helpRequest { id } } }`,
      { input: { id } },
      { token: await tokenFor('FRONT_DESK', { properties: [propertyId] }) },
    );
    expect(refusal(strangerMoves)).toEqual([['FORBIDDEN', 'STAFF_RECORD_REQUIRED']]);

    const accepted = await gqlOk<{ acceptHelpRequest: { helpRequest: Record<string, unknown> } }>(
      ACCEPT,
      { input: { id, note: 'called the citizen back' } },
      { token: desk.token },
    );
    expect(accepted.acceptHelpRequest.helpRequest).toMatchObject({
      owner: { id: desk.id },
      source: { partner: 'city-hotline' },
      acceptedAt: expect.any(String),
    });
    const owned = await gqlOk<{ helpRequest: { timeline: Array<Record<string, unknown>> } }>(
      OWNERSHIP,
      { id },
      { token: desk.token },
    );
    expect(owned.helpRequest).toMatchObject({ owner: { id: desk.id, name: 'Zhou Desk' }, state: 'RECEIVED' });
    expect(owned.helpRequest.timeline.at(-1)).toEqual({
      actorId: desk.id,
      from: 'RECEIVED',
      to: 'RECEIVED',
      note: 'accepted by Zhou Desk: called the citizen back',
    });
    // Once, and only once: the board no longer lists it and a second acceptance is refused.
    const after = await gqlOk<{ frontDeskBoard: { awaitingOwner: unknown[] } }>(
      BOARD,
      { p: propertyId },
      { token: desk.token },
    );
    expect(after.frontDeskBoard.awaitingOwner).toEqual([]);
    expect(refusal(await gql(ACCEPT, { input: { id } }, { token: desk.token }))).toEqual([
      ['CONFLICT', 'HELP_REQUEST_ALREADY_OWNED'],
    ]);
    // The owner now runs it like any other; the hotline still follows it up through its operation.
    expect(await act('acknowledgeHelpRequest', { id }, desk.token)).toMatchObject({ state: 'ACKNOWLEDGED' });
    const followed = await asPartner<{ helpRequest: { id: string; state: string } }>(
      'HotlineHelpRequest',
      { id },
      hotline,
    );
    expect(followed.data?.helpRequest).toMatchObject({ id, state: 'ACKNOWLEDGED' });

    // The events say who owned it when: unowned at intake (the hotline its source), then the desk.
    const events = await tap.waitFor((event) => event.subject === id, 3);
    expect(events.map((event) => [event.type, event.data])).toEqual([
      [
        'workorder.received.v1',
        expect.objectContaining({ unowned: true, source: { partnerId: 'city-hotline' } }),
      ],
      [
        'workorder.accepted.v1',
        expect.objectContaining({
          ownerId: desk.id,
          actorId: desk.id,
          source: { partnerId: 'city-hotline' },
        }),
      ],
      ['workorder.acknowledged.v1', expect.objectContaining({ ownerId: desk.id })],
    ]);
    expect(events[1]!.data).not.toHaveProperty('unowned');
  });

  it('assigns only Staff records of the property', async () => {
    const other = (await createProperty()).id;
    const elsewhere = await registerStaff(other, 'TECHNICIAN');
    const id = (
      await gqlOk<{ recordHelpRequest: { helpRequest: { id: string } } }>(
        `mutation ($input: RecordHelpRequestInput!) { recordHelpRequest(input: $input) { helpRequest { id } } }`,
        { input: repairInput(propertyId) },
        { token: desk.token },
      )
    ).recordHelpRequest.helpRequest.id;
    await act('acknowledgeHelpRequest', { id }, desk.token);
    const assign = (assigneeIds: string[]) =>
      gql(
        `mutation ($input: AssignHelpRequestInput!) { assignHelpRequest(input: $input) { helpRequest { id } } }`,
        { input: { id, assigneeIds } },
        { token: desk.token },
      );
    expect(refusal(await assign(['not-a-staff-record']))).toEqual([['NOT_FOUND', 'STAFF_NOT_FOUND']]);
    expect(refusal(await assign([elsewhere.id]))).toEqual([['BAD_USER_INPUT', 'ASSIGNEE_NOT_AT_PROPERTY']]);
  });
});
