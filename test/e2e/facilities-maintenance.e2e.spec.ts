import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createKafka, createLogger, TOPICS, type CloudEvent } from '@courtyard/kernel';
import type { Producer } from 'kafkajs';
import { EventTap, type TappedEvent } from '../support/events.js';
import { registerFacility } from '../support/facilities.js';
import { gql, gqlOk, tokenFor } from '../support/graphql.js';
import { startMaintenanceScheduler } from '../support/maintenance-scheduler.js';
import { withDatabase } from '../support/mongo.js';
import { createProperty } from '../support/residents.js';
import { eventually } from '../support/subgraph.js';

interface Task {
  id: string;
  name: string;
  status: string;
  overdue: boolean;
  periodStart: string;
  dueAt: string;
  evidence: string[];
  checklist: string[];
  facility: { id: string };
  plan: { id: string; defaultKey: string | null };
  assignee: { kind: string; id: string } | null;
  completion: { testReportRef: string | null } | null;
}
const TASK = `id name status overdue periodStart dueAt evidence checklist facility { id }
  plan { id defaultKey } assignee { kind id } completion { testReportRef }`;
const TASKS = /* GraphQL */ `
  query ($propertyId: ID!, $filter: MaintenanceTaskFilter) {
    maintenanceTasks(propertyId: $propertyId, filter: $filter, first: 100) {
      totalCount
      edges { node { ${TASK} } }
    }
  }
`;
const PLANS = /* GraphQL */ `
  query ($propertyId: ID!) {
    maintenancePlans(propertyId: $propertyId, first: 100) {
      totalCount
      edges {
        node {
          id
          defaultKey
          facilityType
          recurrence {
            kind
            rrule
          }
          evidence
          checklist
        }
      }
    }
  }
`;
const COMPLETE = /* GraphQL */ `
  mutation ($input: CompleteMaintenanceTaskInput!) {
    completeMaintenanceTask(input: $input) { task { ${TASK} } nextTask { ${TASK} } }
  }
`;

/** Puts a message back on a topic exactly as it was published: a replay. */
async function replay(producer: Producer, topic: string, event: TappedEvent): Promise<void> {
  const { kafka, ...published } = event;
  await producer.send({
    topic,
    messages: [{ key: kafka.key, value: JSON.stringify(published as CloudEvent) }],
  });
}
const processedMark = (id: string) =>
  withDatabase('facilities', (db) => db.collection<{ _id: string }>('processed_events').findOne({ _id: id }));
const forgetMark = (id: string) =>
  withDatabase('facilities', (db) =>
    db.collection<{ _id: string }>('processed_events').deleteOne({ _id: id }),
  );

/** Six calendar months later in Shanghai (no daylight saving there: the same instant of day). */
const sixMonthsAfter = (iso: string) => {
  const local = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  local.setUTCMonth(local.getUTCMonth() + 6);
  return new Date(local.getTime() - 8 * 3_600_000).toISOString();
};

describe('facilities: preventive maintenance through the gateway, the scheduler on an injected clock', () => {
  let facilitiesTap: EventTap;
  let residentsTap: EventTap;
  const producer = createKafka(
    'maintenance-e2e',
    process.env.KAFKA_BROKERS!.split(','),
    createLogger('t', 'silent'),
  ).producer();
  beforeAll(async () => {
    [facilitiesTap, residentsTap] = await Promise.all([
      EventTap.start(TOPICS.facilities),
      EventTap.start(TOPICS.residents),
    ]);
    await producer.connect();
  });
  afterAll(async () => {
    await Promise.all([facilitiesTap.stop(), residentsTap.stop(), producer.disconnect()]);
  });

  it('default plans once per property; tasks once per period; evidence enforced; next task six months on; overdue once', async () => {
    const propertyId = (await createProperty()).id;
    const desk = await tokenFor('FRONT_DESK', { properties: [propertyId] });
    const tech = await tokenFor('TECHNICIAN', { properties: [propertyId] });
    const plansOf = async () =>
      (
        await gqlOk<{
          maintenancePlans: {
            totalCount: number;
            edges: Array<{
              node: {
                defaultKey: string;
                facilityType: string;
                recurrence: { kind: string };
                evidence: string[];
                checklist: string[];
              };
            }>;
          };
        }>(PLANS, { propertyId }, { token: desk })
      ).maintenancePlans;
    const tasksOf = async (filter: Record<string, unknown> = {}) =>
      (
        await gqlOk<{ maintenanceTasks: { totalCount: number; edges: Array<{ node: Task }> } }>(
          TASKS,
          { propertyId, filter },
          { token: desk },
        )
      ).maintenanceTasks;

    // The new property gets the spec's default plans from property.created.v1.
    const plans = await eventually(async () => {
      const found = await plansOf();
      // The page and its count are two reads: wait until both see the six plans.
      return found.totalCount === 6 && found.edges.length === 6 && found;
    });
    expect(
      plans.edges.map((e) => [e.node.defaultKey, e.node.recurrence.kind, e.node.evidence]).sort(),
    ).toEqual([
      ['drainage-inspection', 'MONTHLY', ['CHECKLIST']],
      ['elevator-safety-test', 'MONTHLY', []],
      ['fire-equipment-patrol', 'MONTHLY', []],
      ['fire-full-test', 'YEARLY', ['CONTRACT_NUMBER']],
      ['secondary-water-tank-cleaning', 'TWICE_A_YEAR', ['TEST_REPORT']],
      ['septic-tank-clean-out', 'YEARLY', []],
    ]);

    const tank = await registerFacility(
      propertyId,
      { type: 'SECONDARY_WATER_TANK', name: 'Roof tank 1', criticality: 'HIGH' },
      desk,
    );
    const drain = await registerFacility(
      propertyId,
      { type: 'DRAINAGE_SEWAGE', name: 'North drain', criticality: 'NORMAL' },
      desk,
    );

    // Generation: one task per facility for its current period; again, after a restart and by
    // two replicas at once, none more.
    const now = new Date();
    const first = await startMaintenanceScheduler();
    await first.tick(now);
    const generated = await tasksOf();
    expect(generated.totalCount).toBe(2);
    await first.tick(now);
    await first.close();
    const [a, b] = await Promise.all([startMaintenanceScheduler(), startMaintenanceScheduler()]);
    await Promise.all([a.tick(now), b.tick(now)]);
    await Promise.all([a.close(), b.close()]);
    expect((await tasksOf()).totalCount).toBe(2);

    const tankTask = generated.edges.map((e) => e.node).find((t) => t.facility.id === tank.id)!;
    const drainTask = generated.edges.map((e) => e.node).find((t) => t.facility.id === drain.id)!;
    expect(tankTask).toMatchObject({
      status: 'OPEN',
      evidence: ['TEST_REPORT'],
      plan: { defaultKey: 'secondary-water-tank-cleaning' },
    });
    expect(drainTask.checklist).toHaveLength(5);

    // Assigned to a service partner by id.
    const assigned = await gqlOk<{ assignMaintenanceTask: { task: Task } }>(
      `mutation ($input: AssignMaintenanceTaskInput!) { assignMaintenanceTask(input: $input) { task { ${TASK} } } }`,
      { input: { id: tankTask.id, servicePartnerId: 'partner-water-01' } },
      { token: desk },
    );
    expect(assigned.assignMaintenanceTask.task.assignee).toEqual({
      kind: 'SERVICE_PARTNER',
      id: 'partner-water-01',
    });

    // Without its test report the cleaning is refused and nothing is recorded.
    const refused = await gql(COMPLETE, { input: { id: tankTask.id, notes: 'cleaned' } }, { token: tech });
    expect(refused.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([
      ['BAD_USER_INPUT', 'EVIDENCE_REQUIRED'],
    ]);
    const unchanged = (await tasksOf()).edges.find((e) => e.node.id === tankTask.id)!.node;
    expect(unchanged).toMatchObject({ status: 'OPEN', completion: null });

    // With it: completed, and the next task is due six months later.
    const done = await gqlOk<{ completeMaintenanceTask: { task: Task; nextTask: Task } }>(
      COMPLETE,
      { input: { id: tankTask.id, testReportRef: 'WQ-2026-1187' } },
      { token: tech },
    );
    expect(done.completeMaintenanceTask.task).toMatchObject({
      status: 'COMPLETED',
      completion: { testReportRef: 'WQ-2026-1187' },
    });
    const next = done.completeMaintenanceTask.nextTask;
    expect(next).toMatchObject({ status: 'OPEN', periodStart: tankTask.dueAt, facility: { id: tank.id } });
    expect(next.dueAt).toBe(sixMonthsAfter(tankTask.dueAt));
    // The scheduler reaching that period later finds the task there.
    const later = await startMaintenanceScheduler();
    await later.tick(new Date(new Date(tankTask.dueAt).getTime() - 3_600_000));
    expect((await tasksOf({ facilityId: tank.id })).totalCount).toBe(2);

    // The drainage inspection passes its due time undone: overdue once, however often it is scanned.
    const pastDue = new Date(new Date(drainTask.dueAt).getTime() + 60_000);
    await later.tick(pastDue);
    await later.tick(pastDue);
    await later.close();
    const overdue = await tasksOf({ overdue: true, facilityId: drain.id });
    expect(overdue.edges.map((e) => [e.node.id, e.node.status, e.node.overdue])).toEqual([
      [drainTask.id, 'OVERDUE', true],
    ]);

    // The events, each valid against its schema (the tap fails on any that is not).
    await facilitiesTap.waitFor(
      (e) => e.type === 'facility.maintenance_overdue.v1' && e.subject === drainTask.id,
    );
    await facilitiesTap.waitFor(
      (e) => e.type === 'facility.maintenance_completed.v1' && e.subject === tankTask.id,
    );
    await facilitiesTap.waitFor((e) => e.type === 'facility.maintenance_due.v1' && e.subject === next.id);
    const ofProperty = facilitiesTap.events.filter(
      (e) => e.type.startsWith('facility.maintenance_') && e.propertyid === propertyId,
    );
    const count = (type: string, subject: string) =>
      ofProperty.filter((e) => e.type === type && e.subject === subject).length;
    expect(count('facility.maintenance_due.v1', tankTask.id)).toBe(1);
    expect(count('facility.maintenance_due.v1', drainTask.id)).toBe(1);
    expect(count('facility.maintenance_overdue.v1', drainTask.id)).toBe(1);
    expect(count('facility.maintenance_completed.v1', tankTask.id)).toBe(1);
    expect(facilitiesTap.invalid).toEqual([]);

    // A replayed property.created.v1 (its processed mark lost, as after a crash) adds no plans.
    const [created] = await residentsTap.waitFor(
      (e) => e.type === 'property.created.v1' && e.subject === propertyId,
    );
    const mark = `facilities.properties:${created!.id}`;
    await eventually(() => processedMark(mark));
    await forgetMark(mark);
    await replay(producer, TOPICS.residents, created!);
    await eventually(() => processedMark(mark));
    expect((await plansOf()).totalCount).toBe(6);
  });
});
