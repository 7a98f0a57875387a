import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createKafka, createLogger, TOPICS, type CloudEvent } from '@courtyard/kernel';
import { readFileSync } from 'node:fs';
import type { Producer } from 'kafkajs';
import type { PersistedQueryManifest } from '../../gateway/src/persisted/manifest.js';
import { ROOT } from '../../scripts/lib/subgraphs.js';
import { EventTap, type TappedEvent } from '../support/events.js';
import { facility, registerFacility, REPORT_FAULT, type FacilityView } from '../support/facilities.js';
import { errorCodes, gql, gqlOk, tokenFor } from '../support/graphql.js';
import { readCounter } from '../support/metrics.js';
import { withDatabase } from '../support/mongo.js';
import { createProperty } from '../support/residents.js';
import { eventually } from '../support/subgraph.js';
import { act, registerStaff } from '../support/work-orders.js';

interface Repair {
  id: string;
  number: string;
  state: string;
  type: string;
  category: string;
  channel: string;
  urgent: boolean;
  faultComplexity: string | null;
  contactName: string;
  description: string;
  owner: { id: string } | null;
  resolvedAt: string | null;
  facility: { id: string; status: string; name: string } | null;
}
const REPAIRS = /* GraphQL */ `
  query ($propertyId: ID!) {
    helpRequests(filter: { propertyId: $propertyId }) {
      totalCount
      edges {
        node {
          id
          number
          state
          type
          category
          channel
          urgent
          faultComplexity
          contactName
          description
          resolvedAt
          owner {
            id
          }
          facility {
            id
            status
            name
          }
        }
      }
    }
  }
`;
const repairsOf = async (propertyId: string) =>
  (
    await gqlOk<{ helpRequests: { totalCount: number; edges: Array<{ node: Repair }> } }>(REPAIRS, {
      propertyId,
    })
  ).helpRequests;

const AVAILABILITY = /* GraphQL */ `
  query ($facilityId: ID, $propertyId: ID, $type: FacilityType, $from: DateTime!, $to: DateTime!) {
    facilityAvailability(
      facilityId: $facilityId
      propertyId: $propertyId
      type: $type
      from: $from
      to: $to
    ) {
      facilityCount
      measuredSeconds
      downtimeSeconds
      availability
      target
      meetsTarget
      intervals {
        facility {
          id
        }
        from
        to
        faultId
      }
    }
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

const processedMark = (database: string, id: string) =>
  withDatabase(database, (db) => db.collection<{ _id: string }>('processed_events').findOne({ _id: id }));
const forgetMark = (database: string, id: string) =>
  withDatabase(database, (db) => db.collection<{ _id: string }>('processed_events').deleteOne({ _id: id }));
const duplicates = (service: 'WORK_ORDERS' | 'FACILITIES', group: string) =>
  readCounter(process.env[`TEST_SUBGRAPH_${service}`]!, 'courtyard_events_consumed_total', {
    group,
    outcome: 'duplicate',
  });

describe('facilities: a fault opens one repair in work-orders; its resolution brings the facility back', () => {
  let facilitiesTap: EventTap;
  let workOrdersTap: EventTap;
  const producer = createKafka(
    'facilities-e2e',
    process.env.KAFKA_BROKERS!.split(','),
    createLogger('t', 'silent'),
  ).producer();
  beforeAll(async () => {
    [facilitiesTap, workOrdersTap] = await Promise.all([
      EventTap.start(TOPICS.facilities),
      EventTap.start(TOPICS.workOrders),
    ]);
    await producer.connect();
  });
  afterAll(async () => {
    await Promise.all([facilitiesTap.stop(), workOrdersTap.stop(), producer.disconnect()]);
  });

  it('elevator: DOWN with one repair, linked second report, OPERATING after resolution, exact downtime, replays change nothing', async () => {
    const propertyId = (await createProperty()).id;
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    const tech = await registerStaff(propertyId, 'TECHNICIAN', { skills: ['ELEVATOR'] });
    const elevator = await registerFacility(
      propertyId,
      { name: 'Elevator A', model: 'GeN2', maker: 'Otis' },
      desk.token,
    );
    expect(elevator).toMatchObject({
      status: 'OPERATING',
      statusHistory: [{ status: 'OPERATING', reason: 'registered' }],
    });

    // The fault: the elevator is DOWN at once, and work-orders opens a repair through Kafka.
    const { reportFacilityFault: reported } = await gqlOk<{
      reportFacilityFault: {
        linked: boolean;
        fault: { id: string; reportedAt: string };
        facility: FacilityView;
      };
    }>(
      REPORT_FAULT,
      {
        input: {
          facilityId: elevator.id,
          description: 'Stuck between floors 3 and 4',
          complexity: 'GENERAL',
          source: 'STAFF',
          reportedBy: 'Zhang Min',
          contactPhone: '13900001111',
        },
      },
      { token: desk.token },
    );
    expect(reported).toMatchObject({
      linked: false,
      facility: { status: 'DOWN', openFault: { status: 'DOWN' } },
    });
    const faultId = reported.fault.id;

    const opened = await eventually(async () => {
      const { edges } = await repairsOf(propertyId);
      return edges.length > 0 && edges;
    }, 30_000);
    const [repair] = opened.map((e) => e.node);
    expect(repair).toMatchObject({
      state: 'RECEIVED',
      number: expect.stringMatching(/^WO-\d{4}-\d{6}$/),
      type: 'REPAIR',
      category: 'ELEVATOR',
      channel: 'FRONT_DESK',
      urgent: true,
      faultComplexity: 'GENERAL',
      contactName: 'Zhang Min',
      description: expect.stringContaining('Stuck between floors 3 and 4'),
      // 首问制: the system recorded it and owns it; no staff member is its owner.
      owner: null,
      facility: { id: elevator.id, status: 'DOWN', name: 'Elevator A' },
    });

    // A second report while the fault is open is linked to it: no second repair.
    const second = await gqlOk<{ reportFacilityFault: { linked: boolean; fault: { id: string } } }>(
      REPORT_FAULT,
      {
        input: {
          facilityId: elevator.id,
          description: 'Lift not working',
          complexity: 'GENERAL',
          source: 'RESIDENT',
          reportedBy: 'Wang Fang',
        },
      },
      { token: desk.token },
    );
    expect(second.reportFacilityFault).toMatchObject({ linked: true, fault: { id: faultId } });
    expect((await facility(elevator.id)).openFault?.reports.map((r) => r.source)).toEqual([
      'STAFF',
      'RESIDENT',
    ]);

    // By hand the elevator cannot be declared fixed while the fault is open.
    const premature = await gql(
      `mutation ($input: ChangeFacilityStatusInput!) { changeFacilityStatus(input: $input) { facility { id } } }`,
      { input: { id: elevator.id, status: 'OPERATING', reason: 'seems fine' } },
      { token: desk.token },
    );
    expect(errorCodes(premature)).toEqual(['CONFLICT']);

    // A replayed fault event (its processed mark lost, as after a crash) opens no second repair.
    const [faultEvent] = await facilitiesTap.waitFor(
      (e) => e.type === 'facility.fault_reported.v1' && e.subject === elevator.id,
    );
    const faultMark = `work-orders.facility-faults:${faultEvent!.id}`;
    await eventually(() => processedMark('work_orders', faultMark));
    const faultDuplicatesBefore = await duplicates('WORK_ORDERS', 'work-orders.facility-faults');
    await forgetMark('work_orders', faultMark);
    await replay(producer, TOPICS.facilities, faultEvent!);
    await eventually(
      async () =>
        (await processedMark('work_orders', faultMark)) &&
        (await duplicates('WORK_ORDERS', 'work-orders.facility-faults')) > faultDuplicatesBefore,
    );
    expect((await repairsOf(propertyId)).totalCount).toBe(1);

    // The repair is worked and resolved: the elevator is OPERATING again, the fault closed.
    await act('acknowledgeHelpRequest', { id: repair!.id }, desk.token);
    await act('assignHelpRequest', { id: repair!.id, assigneeIds: [tech.id] }, desk.token);
    await act('startHelpRequestWork', { id: repair!.id }, tech.token);
    await act('resolveHelpRequest', { id: repair!.id, outcome: 'Reset the door sensor' }, tech.token);
    const back = await eventually(async () => {
      const now = await facility(elevator.id);
      return now.status === 'OPERATING' && now;
    });
    const resolvedAt = (await repairsOf(propertyId)).edges[0]!.node.resolvedAt!;
    expect(back.openFault).toBeNull();
    expect(back.closedFaults).toEqual([
      { id: faultId, closedAt: resolvedAt, closedByHelpRequestId: repair!.id },
    ]);
    expect(back.statusHistory.map((c) => [c.status, c.faultId])).toEqual([
      ['OPERATING', null],
      ['DOWN', faultId],
      ['OPERATING', faultId],
    ]);
    expect(back.statusHistory[2]!.at).toBe(resolvedAt);

    // Availability for the day: exactly the downtime from the report to the resolution.
    const day = new Date(reported.fault.reportedAt);
    day.setUTCHours(0, 0, 0, 0);
    const from = day.toISOString();
    const to = new Date(day.getTime() + 86_400_000).toISOString();
    const clip = (at: string) => Math.min(Math.max(Date.parse(at), Date.parse(from)), Date.parse(to));
    const downtimeSeconds = (clip(resolvedAt) - clip(reported.fault.reportedAt)) / 1000;
    const { facilityAvailability } = await gqlOk<{
      facilityAvailability: {
        facilityCount: number;
        measuredSeconds: number;
        downtimeSeconds: number;
        availability: number;
        target: number | null;
        meetsTarget: boolean | null;
        intervals: Array<{ facility: { id: string }; from: string; to: string | null; faultId: string }>;
      };
    }>(AVAILABILITY, { facilityId: elevator.id, from, to }, { token: desk.token });
    expect(facilityAvailability).toMatchObject({
      facilityCount: 1,
      downtimeSeconds,
      target: null,
      meetsTarget: null,
    });
    expect(facilityAvailability.intervals).toEqual([
      { facility: { id: elevator.id }, from: reported.fault.reportedAt, to: resolvedAt, faultId },
    ]);
    expect(facilityAvailability.availability).toBeCloseTo(
      1 - downtimeSeconds / facilityAvailability.measuredSeconds,
      9,
    );
    // The property's elevators as one (there is one): the same measure.
    const byType = await gqlOk<{ facilityAvailability: { downtimeSeconds: number; facilityCount: number } }>(
      AVAILABILITY,
      { propertyId, type: 'ELEVATOR', from, to },
    );
    expect(byType.facilityAvailability).toMatchObject({ facilityCount: 1, downtimeSeconds });

    // A replayed resolution (its processed mark lost too) closes no second downtime.
    const [resolvedEvent] = await workOrdersTap.waitFor(
      (e) => e.type === 'workorder.resolved.v1' && e.subject === repair!.id,
    );
    expect(resolvedEvent!.data).toMatchObject({ facilityId: elevator.id, faultId });
    const resolvedMark = `facilities.repairs:${resolvedEvent!.id}`;
    await eventually(() => processedMark('facilities', resolvedMark));
    await forgetMark('facilities', resolvedMark);
    await replay(producer, TOPICS.workOrders, resolvedEvent!);
    await eventually(() => processedMark('facilities', resolvedMark));
    const after = await facility(elevator.id);
    expect(after.statusHistory).toEqual(back.statusHistory);
    expect(after.closedFaults).toEqual(back.closedFaults);

    // Every event published on the way was valid against its (closed) schema.
    // (The tap also read the replay this test put back: one entry per event id.)
    const published = new Map(
      facilitiesTap.matching((e) => e.subject === elevator.id).map((e) => [e.id, e.type]),
    );
    const types = [...published.values()];
    expect(types).toEqual([
      'facility.registered.v1',
      'facility.fault_reported.v1',
      'facility.status_changed.v1',
      'facility.status_changed.v1',
    ]);
  });

  it('shows a property its facilities by type and status, and staff of another property nothing', async () => {
    const propertyId = (await createProperty()).id;
    const lamp = await registerFacility(propertyId, {
      name: 'North road lamp 3',
      type: 'ROAD_LIGHTING',
      criticality: 'NORMAL',
    });
    await registerFacility(propertyId, { name: 'Elevator B' });
    const { property } = await gqlOk<{
      property: { code: string; facilities: { totalCount: number; edges: Array<{ node: { id: string } }> } };
    }>(
      `query ($id: ID!) { property(id: $id) { code facilities(filter: { type: ROAD_LIGHTING }) { totalCount edges { node { id } } } } }`,
      { id: propertyId },
    );
    expect(property.facilities).toEqual({ totalCount: 1, edges: [{ node: { id: lamp.id } }] });

    const outsider = await tokenFor('FRONT_DESK', { properties: ['elsewhere'] });
    expect(
      errorCodes(
        await gql(`query ($id: ID!) { facility(id: $id) { id } }`, { id: lamp.id }, { token: outsider }),
      ),
    ).toEqual(['NOT_FOUND']);
    const inspector = await tokenFor('QUALITY_INSPECTOR', { properties: ['elsewhere'] });
    expect(
      (
        await gqlOk<{ facility: { id: string } }>(
          `query ($id: ID!) { facility(id: $id) { id } }`,
          { id: lamp.id },
          { token: inspector },
        )
      ).facility.id,
    ).toBe(lamp.id);

    // A duplicate asset tag within the property is refused.
    const again = await gql(
      `mutation ($input: RegisterFacilityInput!) { registerFacility(input: $input) { facility { id } } }`,
      { input: { propertyId, area: 'x', name: 'x', type: 'OTHER', assetTag: 'DUP-1', criticality: 'LOW' } },
    );
    expect(again.errors).toBeUndefined();
    const duplicate = await gql(
      `mutation ($input: RegisterFacilityInput!) { registerFacility(input: $input) { facility { id } } }`,
      { input: { propertyId, area: 'y', name: 'y', type: 'OTHER', assetTag: 'DUP-1', criticality: 'LOW' } },
    );
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'DUPLICATE_ASSET_TAG',
    });

    // A general fault on a normal-criticality road lamp degrades it; the road lighting target is 99 %.
    const { reportFacilityFault } = await gqlOk<{ reportFacilityFault: { facility: { status: string } } }>(
      REPORT_FAULT,
      {
        input: {
          facilityId: lamp.id,
          description: 'Flickering',
          complexity: 'GENERAL',
          source: 'INSPECTION',
          reportedBy: 'Patrol',
        },
      },
    );
    expect(reportFacilityFault.facility.status).toBe('DEGRADED');
    const now = new Date();
    const { facilityAvailability } = await gqlOk<{ facilityAvailability: Record<string, unknown> }>(
      AVAILABILITY,
      {
        propertyId,
        type: 'ROAD_LIGHTING',
        from: new Date(now.getTime() - 3_600_000).toISOString(),
        to: new Date(now.getTime() + 3_600_000).toISOString(),
      },
    );
    expect(facilityAvailability).toMatchObject({
      downtimeSeconds: 0,
      availability: 1,
      target: 0.99,
      meetsTarget: true,
    });

    // Retiring it while the fault is open is refused; a technician may set status but not retire.
    const tech = await tokenFor('TECHNICIAN', { properties: [propertyId] });
    const retire = await gql(
      `mutation ($input: RetireFacilityInput!) { retireFacility(input: $input) { facility { id } } }`,
      { input: { id: lamp.id, reason: 'replaced' } },
      { token: tech },
    );
    expect(errorCodes(retire)).toEqual(['FORBIDDEN']);
    const down = await gqlOk<{ changeFacilityStatus: { facility: { status: string } } }>(
      `mutation ($input: ChangeFacilityStatusInput!) { changeFacilityStatus(input: $input) { facility { status } } }`,
      { input: { id: lamp.id, status: 'DOWN', reason: 'lamp dark now' } },
      { token: tech },
    );
    expect(down.changeFacilityStatus.facility.status).toBe('DOWN');
  });

  it('the smart-building vendor reports through its persisted operation; its retry is linked, one repair', async () => {
    const propertyId = (await createProperty()).id;
    const pump = await registerFacility(propertyId, {
      name: 'Fire pump',
      type: 'FIRE_PROTECTION',
      criticality: 'CRITICAL',
    });
    const manifest = JSON.parse(
      readFileSync(`${ROOT}schema/persisted-queries.json`, 'utf8'),
    ) as PersistedQueryManifest;
    const documentId = manifest.operations.find((o) => o.name === 'SmartBuildingReportFacilityFault')!.id;
    const vendor = await tokenFor('PARTNER', { partnerId: 'smart-building', properties: [propertyId] });
    const report = async () => {
      const response = await fetch(process.env.GATEWAY_URL!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${vendor}` },
        body: JSON.stringify({
          documentId,
          variables: {
            input: {
              facilityId: pump.id,
              description: 'Pressure below 0.3 MPa',
              complexity: 'COMPLEX',
              source: 'PARTNER',
              reportedBy: 'sensor P-17',
            },
          },
        }),
      });
      return (await response.json()) as {
        data?: {
          reportFacilityFault: { linked: boolean; fault: { id: string; source: string; status: string } };
        };
        errors?: unknown[];
      };
    };
    const first = await report();
    expect(first.errors).toBeUndefined();
    expect(first.data?.reportFacilityFault).toMatchObject({
      linked: false,
      fault: { source: 'PARTNER', status: 'DOWN' },
    });
    const retry = await report();
    expect(retry.data?.reportFacilityFault).toMatchObject({
      linked: true,
      fault: { id: first.data?.reportFacilityFault.fault.id },
    });

    const opened = await eventually(async () => {
      const { edges } = await repairsOf(propertyId);
      return edges.length > 0 && edges;
    }, 30_000);
    expect(opened.map((e) => e.node)).toMatchObject([
      {
        category: 'WATER_SUPPLY',
        channel: 'ONLINE_CHAT',
        urgent: true,
        faultComplexity: 'COMPLEX',
        facility: { id: pump.id, status: 'DOWN' },
      },
    ]);
    // Free-form, the same mutation is refused to a partner.
    expect(
      errorCodes(
        await gql(
          `mutation ($input: ReportFacilityFaultInput!) { reportFacilityFault(input: $input) { linked } }`,
          {
            input: {
              facilityId: pump.id,
              description: 'x',
              complexity: 'GENERAL',
              source: 'PARTNER',
              reportedBy: 'x',
            },
          },
          { token: vendor },
        ),
      ),
    ).toHaveLength(1);
    expect((await repairsOf(propertyId)).totalCount).toBe(1);
  });
});
