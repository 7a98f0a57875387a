import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TOPICS } from '@courtyard/kernel';
import { EventTap } from '../support/events.js';
import { errorCodes, gql } from '../support/graphql.js';
import { createProperty } from '../support/residents.js';
import { act, inputTypeOf, recordHelpRequest, registerStaff, repairInput } from '../support/work-orders.js';

describe('work-orders: escalation climbs the chain one level at a time, through the gateway', () => {
  let tap: EventTap;
  beforeAll(async () => {
    tap = await EventTap.start(TOPICS.workOrders);
  });
  afterAll(() => tap.stop());

  it('publishes workorder.escalated.v1 per level with the reason, and refuses past the general manager', async () => {
    const propertyId = (await createProperty()).id;
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    const id = await recordHelpRequest(repairInput(propertyId), desk.token);

    const reasons = ['No plumber free tonight', 'Leak reaches the flat below', 'Resident threatens to sue'];
    for (const reason of reasons) {
      expect(await act('escalateHelpRequest', { id, reason }, desk.token)).toMatchObject({
        state: 'ESCALATED',
      });
    }
    const refused = await gql(
      `mutation ($input: ${inputTypeOf.escalateHelpRequest}!) { escalateHelpRequest(input: $input) { helpRequest { id } } }`,
      { input: { id, reason: 'Once more' } },
      { token: desk.token },
    );
    expect(errorCodes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors![0]!.extensions).toMatchObject({ reason: 'ALREADY_AT_TOP' });

    const isEscalation = (event: { type: string; subject: string }) =>
      event.type === 'workorder.escalated.v1' && event.subject === id;
    const escalations = await tap.waitFor(isEscalation, reasons.length);
    expect(
      escalations.map((event) => ({ key: event.kafka.key, ...(event.data as Record<string, unknown>) })),
    ).toEqual([
      expect.objectContaining({
        key: id,
        previousState: 'RECEIVED',
        escalatedTo: 'SERVICE_SUPERVISOR',
        reason: reasons[0],
      }),
      expect.objectContaining({
        key: id,
        previousState: 'ESCALATED',
        escalatedTo: 'OFFICE_DIRECTOR',
        reason: reasons[1],
      }),
      expect.objectContaining({
        key: id,
        previousState: 'ESCALATED',
        escalatedTo: 'GENERAL_MANAGER',
        reason: reasons[2],
      }),
    ]);
  });
});
