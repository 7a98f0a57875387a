import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseTraceparent, TOPICS, type TraceContext } from '@courtyard/kernel';
import { EventTap } from '../support/events.js';
import { gqlOk } from '../support/graphql.js';
import { CREATE_PROPERTY, uniqueCode } from '../support/residents.js';
import { RECORD, registerStaff, repairInput, untilWorkOrdersKnows } from '../support/work-orders.js';

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** A client's own trace, as a browser or partner with tracing would send it. */
const clientTrace = (flags = '01') => {
  const traceId = hex(16);
  const parentId = hex(8);
  return { traceId, parentId, flags, header: `00-${traceId}-${parentId}-${flags}` };
};

/** Creates a property through the gateway with the given headers; its id. */
const createPropertyWith = async (headers: Record<string, string>) => {
  const data = await gqlOk<{ createProperty: { property: { id: string } } }>(
    CREATE_PROPERTY,
    {
      input: {
        code: uniqueCode('TRACE'),
        name: 'Trace Court',
        address: '1 Trace Road',
        timeZone: 'Asia/Shanghai',
      },
    },
    { headers },
  );
  return data.createProperty.property.id;
};

describe('trace context from the client to the Kafka message', () => {
  let residentsTap: EventTap;
  let workOrdersTap: EventTap;
  beforeAll(async () => {
    [residentsTap, workOrdersTap] = await Promise.all([
      EventTap.start(TOPICS.residents),
      EventTap.start(TOPICS.workOrders),
    ]);
  });
  afterAll(() => Promise.all([residentsTap.stop(), workOrdersTap.stop()]));

  /** The trace context on the envelope of the one event of `type` about `subject`. */
  const traceOf = async (tap: EventTap, type: string, subject: string): Promise<TraceContext> => {
    const [event] = await tap.waitFor((e) => e.type === type && e.subject === subject);
    expect(event!.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/);
    return parseTraceparent(event!.traceparent)!;
  };

  it('keeps the client’s trace id on a residents event, under the gateway’s own span', async () => {
    const client = clientTrace('00');
    const propertyId = await createPropertyWith({ traceparent: client.header });

    const trace = await traceOf(residentsTap, 'property.created.v1', propertyId);
    expect(trace.traceId).toBe(client.traceId);
    expect(trace.flags).toBe('00');
    expect(trace.parentId).not.toBe(client.parentId);
  });

  it('keeps the client’s trace id on work-order events, help requests and staff alike', async () => {
    const propertyId = await createPropertyWith({});
    // Intake refuses a property work-orders has not heard of yet (its event is on its way).
    await untilWorkOrdersKnows(propertyId);
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    const client = clientTrace();
    const { recordHelpRequest } = await gqlOk<{ recordHelpRequest: { helpRequest: { id: string } } }>(
      RECORD,
      { input: repairInput(propertyId) },
      { token: desk.token, headers: { traceparent: client.header } },
    );
    expect(
      (await traceOf(workOrdersTap, 'workorder.received.v1', recordHelpRequest.helpRequest.id)).traceId,
    ).toBe(client.traceId);

    const staffClient = clientTrace();
    const staff = await gqlOk<{ registerStaff: { staff: { id: string } } }>(
      `mutation ($input: RegisterStaffInput!) { registerStaff(input: $input) { staff { id } } }`,
      {
        input: {
          name: 'Traced Technician',
          propertyIds: [propertyId],
          roles: ['TECHNICIAN'],
          skills: ['PLUMBING'],
          grade: 'INTERMEDIATE',
          timeZone: 'Asia/Shanghai',
          roster: [{ weekday: 1, start: '08:00', end: '17:00' }],
        },
      },
      { headers: { traceparent: staffClient.header } },
    );
    expect((await traceOf(workOrdersTap, 'staff.registered.v1', staff.registerStaff.staff.id)).traceId).toBe(
      staffClient.traceId,
    );
  });

  it('starts a fresh trace for a request that sent none, a different one per request', async () => {
    const first = await createPropertyWith({});
    const second = await createPropertyWith({});
    const [a, b] = await Promise.all([
      traceOf(residentsTap, 'property.created.v1', first),
      traceOf(residentsTap, 'property.created.v1', second),
    ]);
    expect(a.traceId).not.toBe(b.traceId);
  });

  it.each([
    ['an all-zero parent id', (traceId: string) => `00-${traceId}-${'0'.repeat(16)}-01`],
    ['upper-case hex', (traceId: string) => `00-${traceId.toUpperCase()}-${hex(8).toUpperCase()}-01`],
    ['a version 00 with extra fields', (traceId: string) => `00-${traceId}-${hex(8)}-01-extra`],
  ])('does not propagate an invalid header (%s): the event gets a new trace', async (_case, invalid) => {
    const traceId = hex(16);
    const propertyId = await createPropertyWith({ traceparent: invalid(traceId) });

    const trace = await traceOf(residentsTap, 'property.created.v1', propertyId);
    expect(trace.traceId).not.toBe(traceId);
  });
});
