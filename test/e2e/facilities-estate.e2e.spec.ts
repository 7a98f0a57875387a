import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import { AggregateWriter, TOPICS } from '@courtyard/kernel';
import { addDays, dayIn } from '../../services/facilities/src/domain/partner.js';
import { ContractExpiryStore } from '../../services/facilities/src/repository/contract-expiry.repository.js';
import { createModels } from '../../services/facilities/src/repository/models.js';
import { contractExpiry } from '../../services/facilities/src/scheduler/contract-expiry.js';
import { EventTap } from '../support/events.js';
import { facility, registerFacility } from '../support/facilities.js';
import { errorCodes, gql, gqlOk, tokenFor } from '../support/graphql.js';
import { withDatabase } from '../support/mongo.js';
import {
  createBuilding,
  createProperty,
  createUnit,
  moveIn,
  registerResident,
} from '../support/residents.js';
import { eventually } from '../support/subgraph.js';

const TIME_ZONE = 'Asia/Shanghai';
const DAY_MS = 86_400_000;

const repairsOf = async (propertyId: string) =>
  (
    await gqlOk<{
      helpRequests: {
        totalCount: number;
        edges: Array<{ node: { channel: string; category: string; facility: { id: string } | null } }>;
      };
    }>(
      `query ($propertyId: ID!) { helpRequests(filter: { propertyId: $propertyId }) { totalCount edges { node { channel category facility { id } } } } }`,
      { propertyId },
    )
  ).helpRequests;

const PARTNER_FIELDS = `id name contracts { id number facilityTypes startsOn endsOn inForce daysLeft expiryWarnings { leadDays warnedAt } }`;
const COMPLIANCE = `query ($id: ID!) { facility(id: $id) { complianceWarnings serviceContracts { partner { name } contract { number } } } }`;

const METER_FIELDS = `id serialNumber series lastReading { value consumption kind } readings { series kind value consumption readAt }`;
interface MeterView {
  id: string;
  serialNumber: string;
  series: number;
  lastReading: { value: number; consumption: number | null; kind: string } | null;
  readings: Array<{
    series: number;
    kind: string;
    value: number;
    consumption: number | null;
    readAt: string;
  }>;
}

describe('facilities: service partners, meters, inspections and residents’ reports, through the gateway', () => {
  let facilitiesTap: EventTap;
  let connection: mongoose.Connection;
  beforeAll(async () => {
    facilitiesTap = await EventTap.start(TOPICS.facilities);
    connection = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: 'facilities' })
      .asPromise();
  });
  afterAll(async () => {
    await facilitiesTap.stop();
    await connection.close();
  });

  it('a fire facility without a contract is flagged; its contract’s expiry is warned once, with an injected clock', async () => {
    const propertyId = (await createProperty()).id;
    const pump = await registerFacility(propertyId, {
      name: 'Fire pump 1',
      type: 'FIRE_PROTECTION',
      criticality: 'CRITICAL',
    });
    expect((await gqlOk<{ facility: unknown }>(COMPLIANCE, { id: pump.id })).facility).toEqual({
      complianceWarnings: ['MAINTENANCE_CONTRACT_MISSING'],
      serviceContracts: [],
    });

    const today = dayIn(new Date(), TIME_ZONE);
    // Far enough ahead that the service's own scheduler (real clock) has nothing due.
    const endsOn = addDays(today, 400);
    const { registerServicePartner } = await gqlOk<{ registerServicePartner: { partner: { id: string } } }>(
      `mutation ($input: RegisterServicePartnerInput!) { registerServicePartner(input: $input) { partner { id } } }`,
      { input: { propertyId, name: 'Anxin Fire Services', contactPhone: '02188886666' } },
    );
    const partnerId = registerServicePartner.partner.id;
    const add = (input: Record<string, unknown>) =>
      gql<{
        addServiceContract: {
          partner: { contracts: Array<{ number: string; inForce: boolean; daysLeft: number }> };
        };
      }>(
        `mutation ($input: AddServiceContractInput!) { addServiceContract(input: $input) { partner { ${PARTNER_FIELDS} } } }`,
        {
          input: {
            partnerId,
            number: 'XF-2026-017',
            scope: 'Monthly fire equipment patrol, yearly full test',
            facilityTypes: ['FIRE_PROTECTION'],
            startsOn: today,
            endsOn,
            ...input,
          },
        },
      );
    const added = await add({});
    expect(added.errors).toBeUndefined();
    expect(added.data?.addServiceContract.partner.contracts).toMatchObject([
      { number: 'XF-2026-017', inForce: true, daysLeft: 400 },
    ]);
    expect((await add({})).errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'DUPLICATE_CONTRACT_NUMBER',
    });
    expect((await gqlOk<{ facility: unknown }>(COMPLIANCE, { id: pump.id })).facility).toEqual({
      complianceWarnings: [],
      serviceContracts: [{ partner: { name: 'Anxin Fire Services' }, contract: { number: 'XF-2026-017' } }],
    });

    // Listed among the contracts expiring within 400 days, not within 399.
    const expiring = async (days: number) =>
      (
        await gqlOk<{ servicePartners: { totalCount: number } }>(
          `query ($propertyId: ID!, $days: Int) { servicePartners(propertyId: $propertyId, filter: { contractsExpiringWithinDays: $days, facilityType: FIRE_PROTECTION }) { totalCount } }`,
          { propertyId, days },
        )
      ).servicePartners.totalCount;
    expect([await expiring(400), await expiring(399)]).toEqual([1, 0]);

    // The scheduler, as two instances of the service, with the test's clock (lead 30 days).
    const models = await createModels(connection);
    const store = new ContractExpiryStore(models, new AggregateWriter(() => undefined));
    const instance = () => contractExpiry(store, { leads: [30], timeZone: TIME_ZONE });
    const noon = (day: string) => new Date(`${day}T04:00:00Z`);
    const ours = (e: { type: string; subject?: string }) =>
      e.type === 'service_partner.contract_expiring.v1' && e.subject === partnerId;
    await instance().tick(noon(addDays(endsOn, -31)));
    await Promise.all([
      instance().tick(noon(addDays(endsOn, -30))),
      instance().tick(noon(addDays(endsOn, -30))),
    ]);
    await instance().tick(noon(addDays(endsOn, -29)));
    const [warning] = await facilitiesTap.waitFor(ours);
    expect(warning!.data).toMatchObject({
      partnerId,
      propertyId,
      contractNumber: 'XF-2026-017',
      facilityTypes: ['FIRE_PROTECTION'],
      endsOn,
      leadDays: 30,
      daysLeft: 30,
    });
    // A scheduler started afresh (a restart) on a later day sends none again.
    await instance().tick(noon(addDays(endsOn, -10)));
    const { servicePartner } = await gqlOk<{
      servicePartner: { contracts: Array<{ expiryWarnings: Array<{ leadDays: number }> }> };
    }>(`query ($id: ID!) { servicePartner(id: $id) { ${PARTNER_FIELDS} } }`, { id: partnerId });
    expect(servicePartner.contracts[0]!.expiryWarnings.map((w) => w.leadDays)).toEqual([30]);
    // Published once: the relay has drained the partner's outbox, and the tap read one warning.
    await eventually(() =>
      withDatabase('facilities', async (db) => {
        const stored = await db
          .collection<{ _id: string; outbox: unknown[] }>('service_partners')
          .findOne({ _id: partnerId });
        return stored?.outbox.length === 0;
      }),
    );
    expect(facilitiesTap.matching(ours)).toHaveLength(1);
  });

  it('meters: the opening reading at handover, monotonic readings, a lower one refused and nothing recorded, a replacement', async () => {
    const propertyId = (await createProperty()).id;
    const unit = await createUnit((await createBuilding(propertyId)).id, '101');
    const handover = new Date(Date.now() - 30 * DAY_MS).toISOString();
    const { registerMeter } = await gqlOk<{ registerMeter: { meter: MeterView } }>(
      `mutation ($input: RegisterMeterInput!) { registerMeter(input: $input) { meter { ${METER_FIELDS} } } }`,
      {
        input: {
          propertyId,
          unitId: unit.id,
          type: 'WATER',
          serialNumber: 'W-0001',
          location: 'Building 1 meter room',
          openingReading: 12.5,
          openingReadAt: handover,
        },
      },
    );
    const meterId = registerMeter.meter.id;
    expect(registerMeter.meter).toMatchObject({ series: 1, lastReading: { kind: 'OPENING', value: 12.5 } });
    const fee = await tokenFor('FEE_ADMINISTRATOR', { properties: [propertyId] });
    const read = (value: number, readAt: Date) =>
      gql<{ recordMeterReading: { meter: MeterView } }>(
        `mutation ($input: RecordMeterReadingInput!) { recordMeterReading(input: $input) { meter { ${METER_FIELDS} } } }`,
        { input: { meterId, value, readAt: readAt.toISOString() } },
        { token: fee },
      );
    const first = await read(20.25, new Date(Date.now() - 10 * DAY_MS));
    expect(first.data?.recordMeterReading.meter.lastReading).toEqual({
      value: 20.25,
      consumption: 7.75,
      kind: 'REGULAR',
    });

    const lower = await read(19, new Date(Date.now() - DAY_MS));
    expect(lower.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'READING_DECREASED' });
    const meterQuery = `query ($id: ID!) { meter(id: $id) { ${METER_FIELDS} } }`;
    const unchanged = (await gqlOk<{ meter: MeterView }>(meterQuery, { id: meterId })).meter;
    expect(unchanged.readings.map((r) => r.value)).toEqual([12.5, 20.25]);

    // The meter is replaced: the old series closes, the new one starts lower and is accepted.
    const tech = await tokenFor('TECHNICIAN', { properties: [propertyId] });
    const replacedAt = new Date(Date.now() - 2 * DAY_MS).toISOString();
    const replaced = await gqlOk<{ replaceMeter: { meter: MeterView } }>(
      `mutation ($input: ReplaceMeterInput!) { replaceMeter(input: $input) { meter { ${METER_FIELDS} } } }`,
      { input: { meterId, finalReading: 21, newSerialNumber: 'W-0002', openingReading: 0, replacedAt } },
      { token: tech },
    );
    expect(replaced.replaceMeter.meter).toMatchObject({ serialNumber: 'W-0002', series: 2 });
    const after = await read(3.5, new Date());
    expect(
      after.data?.recordMeterReading.meter.readings.map((r) => [r.series, r.kind, r.value, r.consumption]),
    ).toEqual([
      [1, 'OPENING', 12.5, null],
      [1, 'REGULAR', 20.25, 7.75],
      [1, 'FINAL', 21, 0.75],
      [2, 'OPENING', 0, null],
      [2, 'REGULAR', 3.5, 3.5],
    ]);
    const { meters } = await gqlOk<{ meters: { totalCount: number } }>(
      `query ($propertyId: ID!, $unitId: ID) { meters(propertyId: $propertyId, filter: { type: WATER, unitId: $unitId }) { totalCount } }`,
      { propertyId, unitId: unit.id },
    );
    expect(meters.totalCount).toBe(1);

    // One meter.read.v1 per recorded reading (schema-valid: the tap fails on any other), none for the refusal.
    const readings = await facilitiesTap.waitFor(
      (e) => e.type === 'meter.read.v1' && e.subject === meterId,
      5,
    );
    expect(new Map(readings.map((e) => [e.id, (e.data as { value: number }).value])).size).toBe(5);
    expect(readings.map((e) => (e.data as { value: number }).value)).toEqual([12.5, 20.25, 21, 0, 3.5]);
  });

  it('a failed inspection item raises a fault (source INSPECTION) that opens one repair', async () => {
    const propertyId = (await createProperty()).id;
    const hydrant = await registerFacility(propertyId, {
      name: 'Hydrant B2',
      type: 'FIRE_PROTECTION',
      criticality: 'CRITICAL',
    });
    const inspector = await tokenFor('QUALITY_INSPECTOR', { properties: ['*'] });
    const record = (items: Array<Record<string, unknown>>) =>
      gql<{
        recordFacilityInspection: {
          facilityInspection: {
            id: string;
            items: Array<{ result: string; linked: boolean; fault: { id: string; source: string } | null }>;
          };
        };
      }>(
        `mutation ($input: RecordFacilityInspectionInput!) { recordFacilityInspection(input: $input) { facilityInspection: inspection { id items { result linked fault { id source } } } } }`,
        {
          input: {
            propertyId,
            round: 'Fire equipment monthly patrol',
            inspectedAt: new Date().toISOString(),
            items,
          },
        },
        { token: inspector },
      );
    const round = await record([
      { facilityId: hydrant.id, item: 'Water pressure', result: 'FAIL', note: '0.1 MPa' },
      { facilityId: hydrant.id, item: 'Hose present', result: 'PASS' },
    ]);
    expect(round.errors).toBeUndefined();
    const items = round.data!.recordFacilityInspection.facilityInspection.items;
    expect(items).toEqual([
      { result: 'FAIL', linked: false, fault: { id: expect.any(String), source: 'INSPECTION' } },
      { result: 'PASS', linked: false, fault: null },
    ]);
    expect((await facility(hydrant.id)).status).toBe('DOWN');
    const opened = await eventually(async () => {
      const repairs = await repairsOf(propertyId);
      // The page, not the count: the count can see a new request a moment before the page does.
      return repairs.edges.length > 0 && repairs;
    });
    expect(opened.edges.map((e) => e.node)).toEqual([
      { channel: 'FRONT_DESK', category: 'WATER_SUPPLY', facility: { id: hydrant.id } },
    ]);
    // The next round finds it still failing: linked to the open fault, no second repair.
    const again = await record([{ facilityId: hydrant.id, item: 'Water pressure', result: 'FAIL' }]);
    expect(again.data!.recordFacilityInspection.facilityInspection.items[0]).toMatchObject({
      linked: true,
      fault: { id: items[0]!.fault!.id },
    });
    const { facilityInspections } = await gqlOk<{ facilityInspections: { totalCount: number } }>(
      `query ($propertyId: ID!) { facilityInspections(propertyId: $propertyId) { totalCount } }`,
      { propertyId },
    );
    expect(facilityInspections.totalCount).toBe(2);
    // A facility of another property is not found, and nothing is recorded.
    const elsewhere = await registerFacility((await createProperty()).id, { name: 'Other' });
    expect(errorCodes(await record([{ facilityId: elsewhere.id, item: 'x', result: 'FAIL' }]))).toEqual([
      'NOT_FOUND',
    ]);
    expect((await facility(elsewhere.id)).openFault).toBeNull();
    await facilitiesTap.waitFor((e) => e.type === 'facility.fault_reported.v1' && e.subject === hydrant.id);
    expect((await repairsOf(propertyId)).totalCount).toBe(1);
  });

  it('two residents report the same broken lamp at once: one fault, one repair; a non-resident gets NOT_FOUND', async () => {
    const propertyId = (await createProperty()).id;
    const lamp = await registerFacility(propertyId, {
      name: 'North road lamp 3',
      type: 'ROAD_LIGHTING',
      criticality: 'NORMAL',
    });
    const building = await createBuilding(propertyId);
    const residents = await Promise.all(
      ['201', '202'].map(async (number, n) => {
        const unit = await createUnit(building.id, number, 2);
        const resident = await registerResident(propertyId, `Resident ${n}`, `1390000${1000 + n}`);
        await moveIn(unit.id, resident.id);
        return resident.id;
      }),
    );
    // Facilities learns who lives where from residents.events.
    await eventually(() =>
      withDatabase('facilities', async (db) =>
        (await db.collection('residencies').countDocuments({ propertyId, current: true })) === 2
          ? true
          : false,
      ),
    );
    const report = async (residentId: string, description: string) =>
      gql<{ reportSharedFacilityFault: { faultId: string; linked: boolean; facilityStatus: string } }>(
        `mutation ($input: ReportSharedFacilityFaultInput!) { reportSharedFacilityFault(input: $input) { faultId linked facilityName facilityStatus } }`,
        { input: { facilityId: lamp.id, description } },
        { token: await tokenFor('RESIDENT', { residentId, properties: [] }) },
      );
    const both = await Promise.all([
      report(residents[0]!, 'Lamp is dark'),
      report(residents[1]!, 'No light on the north road'),
    ]);
    expect(both.map((r) => r.errors)).toEqual([undefined, undefined]);
    const answers = both.map((r) => r.data!.reportSharedFacilityFault);
    expect(answers.map((a) => a.linked).sort()).toEqual([false, true]);
    expect(new Set(answers.map((a) => a.faultId)).size).toBe(1);
    expect(answers[0]!.facilityStatus).toBe('DEGRADED');

    const now = await facility(lamp.id);
    expect(now.openFault?.reports.map((r) => r.source)).toEqual(['RESIDENT', 'RESIDENT']);
    const opened = await eventually(async () => {
      const repairs = await repairsOf(propertyId);
      // The page, not the count: the count can see a new request a moment before the page does.
      return repairs.edges.length > 0 && repairs;
    });
    expect(opened.edges.map((e) => e.node)).toEqual([
      { channel: 'APP', category: 'PUBLIC_LIGHTING', facility: { id: lamp.id } },
    ]);
    await facilitiesTap.waitFor((e) => e.type === 'facility.fault_reported.v1' && e.subject === lamp.id);
    expect(
      facilitiesTap.matching((e) => e.type === 'facility.fault_reported.v1' && e.subject === lamp.id),
    ).toHaveLength(1);
    expect((await repairsOf(propertyId)).totalCount).toBe(1);

    // A resident of another property is told the lamp does not exist.
    const stranger = await registerResident((await createProperty()).id, 'Stranger', '13900009999');
    expect(errorCodes(await report(stranger.id, 'x'))).toEqual(['NOT_FOUND']);
  });
});
