import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createKafka, createLogger, parseTraceparent, TOPICS } from '@courtyard/kernel';
import type { NodeService } from '../../scripts/lib/processes.js';
import { EventTap } from '../support/events.js';
import { startExtraGateway, startExtraSubgraph } from '../support/extra-service.js';
import { gqlOk } from '../support/graphql.js';
import { OtlpReceiver, SPAN_KIND, type ReceivedSpan } from '../support/otlp-receiver.js';
import { uniqueCode } from '../support/residents.js';
import { eventually } from '../support/subgraph.js';
import { testPort } from '../support/test-env.js';
import { POISON_HEADER } from '../support/test-poison.js';

const TRACED_PROPERTY = /* GraphQL */ `
  mutation TracedProperty($input: CreatePropertyInput!) {
    createProperty(input: $input) {
      property {
        id
      }
    }
  }
`;

/** A Prometheus exposition's samples: name, labels and value of each line. */
const samplesOf = async (baseUrl: string) =>
  (await (await fetch(`${baseUrl}/metrics`)).text()).split('\n').flatMap((line) => {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) return [];
    const labels = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/([a-z_]+)="([^"]*)"/g)].map(([, key, value]) => [key!, value!]),
    );
    return [{ name: match[1]!, labels, value: Number(match[3]) }];
  });

/**
 * One request traced from the gateway through residents (and its MongoDB commands) to the event
 * on Kafka and a consuming work-orders, with the exporters pointed at a collector in the test.
 * The traced services are instances of their own beside the suite's (their own databases and
 * consumer groups), so the suite's platform keeps running with tracing off, as by default.
 */
describe('observability: one trace id from the gateway to the consumer, and the metrics that go with it', () => {
  let receiver: OtlpReceiver;
  let residents: NodeService;
  let workOrders: NodeService;
  let gateway: NodeService;
  let tap: EventTap;
  const run = randomUUID().slice(0, 8);
  const groupPrefix = `traced-${run}`;

  beforeAll(async () => {
    receiver = await OtlpReceiver.start(testPort(80));
    const otel = {
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '200',
    };
    tap = await EventTap.start(TOPICS.residents);
    [residents, workOrders] = await Promise.all([
      startExtraSubgraph('residents', 'traced', testPort(81), {
        ...otel,
        MONGO_DATABASE: `residents_traced_${run}`,
      }),
      startExtraSubgraph('work-orders', 'traced', testPort(82), {
        ...otel,
        MONGO_DATABASE: `work_orders_traced_${run}`,
        CONSUMER_GROUP_PREFIX: groupPrefix,
      }),
    ]);
    gateway = await startExtraGateway('traced', testPort(83), {
      ...otel,
      SUBGRAPH_URL_RESIDENTS: residents.url,
    });
  });
  afterAll(async () => {
    await Promise.all([gateway?.stop(), residents?.stop(), workOrders?.stop(), tap?.stop()]);
    await receiver?.stop();
  });

  const createProperty = async () => {
    const { createProperty } = await gqlOk<{ createProperty: { property: { id: string } } }>(
      TRACED_PROPERTY,
      {
        input: {
          code: uniqueCode('OTEL'),
          name: 'Traced Court',
          address: '1 Span Road',
          timeZone: 'Asia/Shanghai',
        },
      },
      { url: gateway.url },
    );
    return createProperty.property.id;
  };

  const spanWhere = (traceId: string, found: (span: ReceivedSpan) => boolean) =>
    eventually(async () => receiver.trace(traceId).find(found), 60_000);

  it('puts the gateway, residents, its MongoDB commands, the event and the work-orders reaction in one trace', async () => {
    const propertyId = await createProperty();
    const [event] = await tap.waitFor((e) => e.type === 'property.created.v1' && e.subject === propertyId);
    const carried = parseTraceparent(event!.traceparent)!;
    expect(carried).not.toBeNull();
    const { traceId } = carried;

    const gatewaySpan = await spanWhere(
      traceId,
      (s) => s.service === 'gateway' && s.kind === SPAN_KIND.SERVER,
    );
    expect(gatewaySpan.name).toBe('mutation TracedProperty');
    const fetchSpan = await spanWhere(traceId, (s) => s.service === 'gateway' && s.kind === SPAN_KIND.CLIENT);
    expect(fetchSpan.name).toBe('fetch residents');
    // Under the request's span, through @apollo/gateway's own spans (plan, execute, fetch).
    expect(receiver.descendsFrom(fetchSpan, gatewaySpan)).toBe(true);

    const residentsSpan = await spanWhere(
      traceId,
      (s) => s.service === 'residents' && s.kind === SPAN_KIND.SERVER,
    );
    expect(residentsSpan.parentSpanId).toBe(fetchSpan.spanId);
    // The envelope names the span of the request that wrote the event.
    expect(carried.parentId).toBe(residentsSpan.spanId);

    const mongoSpan = await spanWhere(
      traceId,
      (s) => s.service === 'residents' && s.attributes['db.system.name'] === 'mongodb',
    );
    expect(mongoSpan.kind).toBe(SPAN_KIND.CLIENT);
    const publishSpan = await spanWhere(
      traceId,
      (s) => s.service === 'residents' && s.kind === SPAN_KIND.PRODUCER,
    );
    expect(publishSpan).toMatchObject({
      parentSpanId: residentsSpan.spanId,
      attributes: expect.objectContaining({ 'messaging.message.id': event!.id }),
    });

    const consumerSpan = await spanWhere(
      traceId,
      (s) =>
        s.service === 'work-orders' &&
        s.kind === SPAN_KIND.CONSUMER &&
        s.attributes['messaging.message.id'] === event!.id,
    );
    expect(consumerSpan).toMatchObject({
      name: 'process property.created.v1',
      parentSpanId: residentsSpan.spanId,
      attributes: expect.objectContaining({ 'messaging.consumer.group.name': `${groupPrefix}.properties` }),
    });
    // The reaction's own MongoDB writes are in the same trace, under the consumer's span.
    await spanWhere(
      traceId,
      (s) =>
        s.service === 'work-orders' &&
        s.parentSpanId === consumerSpan.spanId &&
        s.attributes['db.system.name'] === 'mongodb',
    );
  });

  it('exposes per-subgraph fetches, per-operation rates, the outbox backlog, consumer lag and dead letters', async () => {
    await createProperty();
    const gatewaySamples = await samplesOf(gateway.baseUrl);
    expect(gatewaySamples).toContainEqual({
      name: 'courtyard_gateway_subgraph_fetch_seconds_count',
      labels: { subgraph: 'residents', operation: 'TracedProperty', outcome: 'ok', service: 'gateway' },
      value: expect.any(Number),
    });
    expect(gatewaySamples).toContainEqual({
      name: 'courtyard_graphql_operation_seconds_count',
      labels: { operation: 'TracedProperty', outcome: 'ok', service: 'gateway' },
      value: 2,
    });

    const residentsSamples = await samplesOf(residents.baseUrl);
    expect(
      residentsSamples.filter(
        (s) =>
          s.name === 'courtyard_graphql_operation_seconds_count' &&
          s.labels.operation?.startsWith('TracedProperty'),
      ),
    ).toEqual([
      expect.objectContaining({
        labels: expect.objectContaining({ outcome: 'ok', service: 'residents' }),
        value: 2,
      }),
    ]);
    // Published by now (the tap saw the events): the backlog is there, and empty.
    await eventually(async () => {
      const samples = await samplesOf(residents.baseUrl);
      const pending = samples.find(
        (s) => s.name === 'courtyard_outbox_pending_events' && s.labels.collection === 'properties',
      );
      const age = samples.find(
        (s) =>
          s.name === 'courtyard_outbox_oldest_pending_age_seconds' && s.labels.collection === 'properties',
      );
      return pending?.value === 0 && age?.value === 0;
    }, 30_000);

    // Caught up on every partition it read: lag 0 for each, reported per group, topic and partition.
    const group = `${groupPrefix}.properties`;
    const lagOf = async () =>
      (await samplesOf(workOrders.baseUrl)).filter(
        (s) => s.name === 'courtyard_consumer_lag_messages' && s.labels.group === group,
      );
    const lag = await eventually(async () => {
      const now = await lagOf();
      return now.length > 0 && now.every((s) => s.value === 0) && now;
    }, 60_000);
    expect(
      lag.every((s) => s.labels.topic === TOPICS.residents && /^\d+$/.test(s.labels.partition ?? '')),
    ).toBe(true);

    // A message no consumer can read, marked as the test's own: the traced group dead-letters it.
    const deadLettered = async () =>
      (await samplesOf(workOrders.baseUrl))
        .filter((s) => s.name === 'courtyard_events_dead_lettered_total' && s.labels.group === group)
        .map((s) => ({ labels: s.labels, value: s.value }));
    const [before] = await deadLettered();
    const producer = createKafka(
      'observability-e2e',
      process.env.KAFKA_BROKERS!.split(','),
      createLogger('t', 'silent'),
    ).producer();
    await producer.connect();
    await producer.send({
      topic: TOPICS.residents,
      messages: [
        {
          key: `poison-${run}`,
          value: 'not a CloudEvent',
          headers: { [POISON_HEADER.name]: POISON_HEADER.value },
        },
      ],
    });
    await producer.disconnect();
    const after = await eventually(async () => {
      const [now] = await deadLettered();
      return now && now.value > (before?.value ?? 0) && now;
    }, 60_000);
    expect(after).toEqual({
      labels: { group, topic: TOPICS.residents, service: 'work-orders' },
      value: (before?.value ?? 0) + 1,
    });
  });
});
