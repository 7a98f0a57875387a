import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { createEvent, createKafka, createLogger, TOPICS } from '@courtyard/kernel';
import { startNodeService, type NodeService } from '../../scripts/lib/processes.js';
import { ROOT } from '../../scripts/lib/subgraphs.js';
import { gqlOk } from '../../test/support/graphql.js';
import { createProperty, registerResident } from '../../test/support/residents.js';
import { eventually } from '../../test/support/subgraph.js';
import { RECORD_BY_PHONE, untilSurveyOpened } from '../../test/support/surveys.js';
import { TEST_LOG_DIR, testPort } from '../../test/support/test-env.js';
import { POISON_HEADER } from '../../test/support/test-poison.js';
import { act, recordHelpRequest, registerStaff, repairInput } from '../../test/support/work-orders.js';
import type { KpiSnapshot, PropertyKpis } from '../src/domain/snapshot.js';

type Staff = Awaited<ReturnType<typeof registerStaff>>;

const run = randomUUID().slice(0, 8);
const database = `analytics_test_${run}`;
const groupId = `analytics-test-${run}`;
const kafka = createKafka(
  'analytics-test',
  process.env.KAFKA_BROKERS!.split(','),
  createLogger('t', 'silent'),
);
const domainTopics = Object.values(TOPICS).filter((topic) => topic !== TOPICS.deadLetter);
/** Readers that validate every message on the domain topics pass over what tests break on purpose. */
const POISON_HEADERS = { [POISON_HEADER.name]: POISON_HEADER.value };
const poisonKey = `poison-${run}`;
const notJson = `not json ${run}`;

/** The analytics consumer as operators run it: its own process, database and consumer group. */
const startAnalytics = (label: string, slot: number, env: Record<string, string> = {}) =>
  startNodeService({
    name: `analytics-${label}`,
    entry: `${ROOT}analytics/src/index.ts`,
    port: testPort(slot),
    logFile: `${TEST_LOG_DIR}/analytics-${label}.log`,
    env: {
      ...process.env,
      PORT: String(testPort(slot)),
      MONGO_DATABASE: database,
      ANALYTICS_GROUP_ID: groupId,
      LOG_LEVEL: 'info',
      ...env,
    },
  });

const kpis = async (service: NodeService, query = ''): Promise<KpiSnapshot> =>
  (await fetch(`${service.baseUrl}/kpis${query}`)).json() as Promise<KpiSnapshot>;

const totalsOf = async (
  service: NodeService,
  propertyId: string,
): Promise<PropertyKpis['totals'] | undefined> =>
  (await kpis(service, `?propertyId=${propertyId}`)).properties[0]?.totals;

/** The end of every non-empty partition of the domain topics right now. */
async function topicEnds(): Promise<Array<{ topic: string; partition: number; nextOffset: string }>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await Promise.all(
      domainTopics.map(async (topic) =>
        (await admin.fetchTopicOffsets(topic))
          .filter(({ high }) => high !== '0')
          .map(({ partition, high }) => ({ topic, partition, nextOffset: high })),
      ),
    );
    return ends
      .flat()
      .sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
  } finally {
    await admin.disconnect();
  }
}

/** A snapshot taken once the consumer has folded everything on the topics. */
const caughtUp = (service: NodeService) =>
  eventually(async () => {
    const [snapshot, ends] = await Promise.all([kpis(service), topicEnds()]);
    return JSON.stringify(snapshot.consumption.positions) === JSON.stringify(ends) && snapshot;
  }, 60_000);

describe('analytics: live KPIs folded from every domain topic by a real consumer process', () => {
  const running: NodeService[] = [];
  const deadLetters: Array<{ value: string; headers: Record<string, string> }> = [];
  const producer = kafka.producer();
  const dlq = kafka.consumer({ groupId: `analytics-dlq-reader-${run}` });
  /** What this run sent that the consumer cannot read, in the order sent. */
  const poison: string[] = [];
  let propertyId: string;
  let desk: Staff;
  let tech: Staff;
  let residentId: string;

  const record = () => recordHelpRequest(repairInput(propertyId, { requesterId: residentId }), desk.token);
  const resolveAndFollowUp = async (id: string, result: 'SATISFIED' | 'UNSATISFIED') => {
    await act('acknowledgeHelpRequest', { id }, desk.token);
    await act('assignHelpRequest', { id, assigneeIds: [tech.id] }, desk.token);
    await act('startHelpRequestWork', { id }, tech.token);
    await act('resolveHelpRequest', { id, outcome: 'Fixed the leaking joint' }, tech.token);
    await act('confirmHelpRequestResolution', { id }, desk.token);
    // The phone follow-up (回访) is the request's satisfaction survey; work-orders records it from there.
    const survey = await untilSurveyOpened(id, desk.token);
    await gqlOk(
      RECORD_BY_PHONE,
      {
        input: {
          surveyId: survey.id,
          answers: [{ questionId: 'overall', score: result === 'SATISFIED' ? 5 : 2 }],
        },
      },
      { token: desk.token },
    );
    await eventually(async () => {
      const { helpRequest } = await gqlOk<{ helpRequest: { followUp: { result: string } | null } }>(
        `query ($id: ID!) { helpRequest(id: $id) { followUp { result } } }`,
        { id },
        { token: desk.token },
      );
      return helpRequest.followUp?.result === result;
    }, 30_000);
  };

  beforeAll(async () => {
    propertyId = (await createProperty()).id;
    residentId = (await registerResident(propertyId, 'Sun Mei', '13522223333')).id;
    desk = await registerStaff(propertyId, 'FRONT_DESK');
    tech = await registerStaff(propertyId, 'TECHNICIAN');
    await producer.connect();
    await dlq.connect();
    await dlq.subscribe({ topic: TOPICS.deadLetter, fromBeginning: true });
    await dlq.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
        );
        // Earlier runs' poison stays on the broker and is dead-lettered again under this group.
        if (headers['x-consumer-group'] === groupId && message.key?.toString('utf8') === poisonKey) {
          deadLetters.push({ value: message.value?.toString('utf8') ?? '', headers });
        }
      },
    });
  });

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
    await Promise.all([producer.disconnect(), dlq.disconnect()]);
    const client = await mongoose.mongo.MongoClient.connect(process.env.MONGO_URL!);
    await client.db(database).dropDatabase();
    await client.close();
  });

  it('shows help requests opened and closed, SLA compliance and satisfaction for a property', async () => {
    const closedOne = await record();
    await resolveAndFollowUp(closedOne, 'SATISFIED');
    await act('closeHelpRequest', { id: closedOne }, desk.token);
    // An unsatisfied follow-up reopens the request: resolved on time, not closed.
    await resolveAndFollowUp(await record(), 'UNSATISFIED');
    await record();

    // Started after the events were published: it reads every topic from the beginning.
    running.push(await startAnalytics('first', 10));
    const totals = await eventually(async () => {
      const current = await totalsOf(running[0]!, propertyId);
      return current?.helpRequests.opened === 3 && current.satisfaction.followUps === 2 && current;
    });
    expect(totals).toEqual({
      helpRequests: { opened: 3, closed: 1 },
      sla: { resolved: 2, withinSla: 2, complianceRate: 1 },
      satisfaction: { followUps: 2, satisfied: 1, rate: 0.5 },
      collections: { payments: 0, collected: [] },
    });
    const { timeZone, properties } = await kpis(running[0]!, `?propertyId=${propertyId}`);
    expect(timeZone).toBe('Asia/Shanghai');
    expect(properties[0]?.days.reduce((sum, day) => sum + day.helpRequests.opened, 0)).toBe(3);
  });

  it('dead-letters what it cannot read, with where it came from and why, and goes on folding', async () => {
    const breaksSchema = createEvent('work-orders', {
      type: 'workorder.received.v1',
      subject: poisonKey,
      propertyId,
      time: new Date(),
      data: { helpRequestId: poisonKey, propertyId },
    });
    await producer.send({
      topic: TOPICS.workOrders,
      messages: [
        { key: poisonKey, value: notJson, headers: POISON_HEADERS },
        { key: poisonKey, value: JSON.stringify(breaksSchema), headers: POISON_HEADERS },
      ],
    });
    await record();

    await eventually(async () => (await totalsOf(running[0]!, propertyId))?.helpRequests.opened === 4);
    await eventually(async () => deadLetters.length >= 2);
    poison.push(notJson, JSON.stringify(breaksSchema));
    expect(deadLetters.map(({ value }) => value)).toEqual(poison);
    for (const { headers } of deadLetters) {
      expect(headers).toMatchObject({ 'x-original-topic': TOPICS.workOrders, 'x-consumer-group': groupId });
      expect(headers['x-original-offset']).toMatch(/^\d+$/);
    }
    expect(deadLetters[0]!.headers['x-error']).toBe('not a CloudEvents 1.0 JSON message');
    expect(deadLetters[1]!.headers['x-error']).toMatch(
      /^workorder\.received\.v1 does not match its schema: /,
    );
    expect((await kpis(running[0]!)).consumption.deadLettered).toBeGreaterThanOrEqual(2);
  });

  it('resumes from its stored figures after a restart, and a replay from offset zero gives the same snapshot', async () => {
    const before = await caughtUp(running[0]!);
    await running.shift()!.stop();

    running.unshift(await startAnalytics('restarted', 11));
    expect(await caughtUp(running[0]!)).toEqual(before);
    await running.shift()!.stop();

    running.unshift(await startAnalytics('replay', 12, { ANALYTICS_REPLAY: 'true' }));
    const replayed = await eventually(async () => {
      const snapshot = await kpis(running[0]!);
      const at = new Map(
        snapshot.consumption.positions.map((p) => [`${p.topic}/${p.partition}`, BigInt(p.nextOffset)]),
      );
      const reached = before.consumption.positions.every(
        (p) => (at.get(`${p.topic}/${p.partition}`) ?? -1n) >= BigInt(p.nextOffset),
      );
      return reached && snapshot;
    }, 60_000);
    expect(replayed).toEqual(before);
    expect(replayed.properties.length).toBeGreaterThan(0);

    // Only a fold from offset zero meets the poison again. Dead letters keep the poison's key, so
    // one partition holds them in order: a last poison, dead-lettered by the replay after
    // everything before it, shows whether the restart had re-read (two more copies) or not.
    const last = `last poison ${run}`;
    await producer.send({
      topic: TOPICS.workOrders,
      messages: [{ key: poisonKey, value: last, headers: POISON_HEADERS }],
    });
    await eventually(async () => deadLetters.some(({ value }) => value === last));
    expect(deadLetters.map(({ value }) => value)).toEqual([...poison, ...poison, last]);
  });
});
