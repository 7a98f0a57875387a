import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { PROCESSED_EVENTS_COLLECTION, TOPICS } from '@courtyard/kernel';
import { draftFeeSchedule, feeAdministrator, publishFeeSchedule } from '../support/billing.js';
import { EventTap } from '../support/events.js';
import { gqlOk } from '../support/graphql.js';
import { readCounter } from '../support/metrics.js';
import { withDatabase } from '../support/mongo.js';
import { createProperty } from '../support/residents.js';
import { eventually } from '../support/subgraph.js';
import { act, recordHelpRequest, registerStaff, repairInput } from '../support/work-orders.js';

const BILLING = () => process.env.TEST_SUBGRAPH_BILLING!;
const GROUP = 'billing.paid-services';
const today = () => new Date().toISOString().slice(0, 10);

/** Walks a paid request through work-orders to CLOSED, as the staff would; its id. */
async function closedPaidRequest(propertyId: string, category: string): Promise<string> {
  const desk = await registerStaff(propertyId, 'FRONT_DESK');
  const tech = await registerStaff(propertyId, 'TECHNICIAN', { skills: ['PLUMBING', 'ELECTRICAL'] });
  const id = await recordHelpRequest(repairInput(propertyId, { paid: true, category }), desk.token);
  await act('acknowledgeHelpRequest', { id }, desk.token);
  await act('assignHelpRequest', { id, assigneeIds: [tech.id] }, desk.token);
  await act('startHelpRequestWork', { id }, tech.token);
  await act('resolveHelpRequest', { id, outcome: 'Fixed' }, tech.token);
  await act('confirmHelpRequestResolution', { id }, desk.token);
  await act('recordHelpRequestFollowUp', { id, result: 'SATISFIED' }, desk.token);
  await act('closeHelpRequest', { id }, desk.token);
  return id;
}

interface ChargeView {
  helpRequest: {
    number: string;
    charge: {
      status: string;
      reviewReason: string | null;
      itemCode: string | null;
      amount: { amount: number; formatted: string } | null;
    } | null;
  };
}

describe('paid services: a paid repair closed in work-orders is charged once, at the published price', () => {
  let workOrders: EventTap;
  let billing: EventTap;
  let producer: Producer;
  let propertyId: string;

  beforeAll(async () => {
    [workOrders, billing] = await Promise.all([
      EventTap.start(TOPICS.workOrders),
      EventTap.start(TOPICS.billing),
    ]);
    const kafka = new Kafka({
      clientId: 'billing-replay',
      brokers: process.env.KAFKA_BROKERS!.split(','),
      logLevel: logLevel.NOTHING,
    });
    producer = kafka.producer();
    await producer.connect();
    propertyId = (await createProperty()).id;
    const schedule = await draftFeeSchedule(
      propertyId,
      [
        {
          code: 'REPAIR_WATER_LEAK',
          kind: 'PAID_SERVICE',
          name: 'Leak repair',
          pricing: 'FIXED',
          price: 8000,
          workOrderCategories: ['WATER_LEAK'],
        },
      ],
      { effectiveFrom: today(), billingCycle: 'MONTHLY' },
    );
    await publishFeeSchedule(propertyId, schedule);
    await billing.waitFor(
      (event) => event.type === 'fee_schedule.published.v1' && event.subject === schedule,
    );
  });
  afterAll(async () => {
    await producer.disconnect();
    await Promise.all([workOrders.stop(), billing.stop()]);
  });

  const chargeOf = async (id: string) =>
    (
      await gqlOk<ChargeView>(
        `query ($id: ID!) { helpRequest(id: $id) { number charge { status reviewReason itemCode amount { amount formatted } } } }`,
        { id },
        { token: await feeAdministrator(propertyId) },
      )
    ).helpRequest;

  it('charges ¥80.00 once, even when the closing event is delivered again after its processed mark is lost', async () => {
    const id = await closedPaidRequest(propertyId, 'WATER_LEAK');
    const charged = await eventually(async () => (await chargeOf(id)).charge ?? undefined);
    expect(charged).toEqual({
      status: 'CHARGED',
      reviewReason: null,
      itemCode: 'REPAIR_WATER_LEAK',
      amount: { amount: 8000, formatted: '¥80.00' },
    });
    const [created] = await billing.waitFor(
      (event) => event.type === 'service_charge.created.v1' && event.subject === id,
    );
    expect(created?.data).toMatchObject({ helpRequestId: id, amount: 8000, currency: 'CNY' });

    // Deliver the same closing again, as a broker would after a crash before the offset commit;
    // with the consumer's processed mark gone, only the charge's own _id and causation stop it.
    const [closed] = await workOrders.waitFor(
      (event) => event.type === 'workorder.closed.v1' && event.subject === id,
    );
    const { kafka: _coordinates, ...event } = closed!;
    await withDatabase('billing', (db) =>
      db.collection(PROCESSED_EVENTS_COLLECTION).deleteMany({ eventId: event.id }),
    );
    const duplicatesBefore = await readCounter(BILLING(), 'courtyard_events_consumed_total', {
      group: GROUP,
      outcome: 'duplicate',
    });
    await producer.send({ topic: TOPICS.workOrders, messages: [{ key: id, value: JSON.stringify(event) }] });
    await eventually(
      async () =>
        (await readCounter(BILLING(), 'courtyard_events_consumed_total', {
          group: GROUP,
          outcome: 'duplicate',
        })) > duplicatesBefore,
    );

    expect((await chargeOf(id)).charge).toEqual(charged);
    expect(
      await withDatabase('billing', (db) =>
        db.collection('service_charges').countDocuments({ helpRequestId: id }),
      ),
    ).toBe(1);
    // Once the duplicate was settled, the charge's outbox is empty: the event was published once.
    await eventually(() =>
      withDatabase(
        'billing',
        async (db) =>
          (await db
            .collection('service_charges')
            .countDocuments({ _id: id as never, 'outbox.0': { $exists: true } })) === 0,
      ),
    );
    expect(
      billing.events.filter((e) => e.type === 'service_charge.created.v1' && e.subject === id),
    ).toHaveLength(1);
  });

  it('puts a paid request without a published price on the review list instead of charging it', async () => {
    const id = await closedPaidRequest(propertyId, 'ELECTRICAL');
    const review = await eventually(async () => (await chargeOf(id)).charge ?? undefined);
    expect(review).toEqual({
      status: 'NEEDS_REVIEW',
      reviewReason: 'NO_PUBLISHED_PRICE',
      itemCode: null,
      amount: null,
    });
    const list = await gqlOk<{
      serviceChargesForReview: { edges: Array<{ node: { helpRequest: { id: string } } }> };
    }>(
      `query ($p: ID!) { serviceChargesForReview(propertyId: $p) { edges { node { helpRequest { id } } } } }`,
      { p: propertyId },
      { token: await feeAdministrator(propertyId) },
    );
    expect(list.serviceChargesForReview.edges.map((edge) => edge.node.helpRequest.id)).toEqual([id]);
    expect(
      billing.events.filter((e) => e.type === 'service_charge.created.v1' && e.subject === id),
    ).toHaveLength(0);
  });
});
