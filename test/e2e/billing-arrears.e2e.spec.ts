import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  createUnitWithArea,
  draftFeeSchedule,
  feeAdministrator,
  generateBills,
  propertyFee,
  publishFeeSchedule,
  recordPayment,
  untilBillingKnows,
} from '../support/billing.js';
import { TOPICS } from '@courtyard/kernel';
import { EventTap } from '../support/events.js';
import { errorCodes, gql, gqlOk, tokenFor } from '../support/graphql.js';
import { createBuilding, createProperty, moveIn, registerResident } from '../support/residents.js';
import { eventually } from '../support/subgraph.js';

const QUARTER = 90_000; // 100.00 m² × ¥3.00 × 3 months
const AGEING = `asOf days0To30 { amount } days31To90 { amount } days91To180 { amount } over180Days { amount } total { amount formatted }`;

interface Notice {
  id: string;
  channel: string;
  note: string;
}
interface Ageing {
  asOf: string;
  days0To30: { amount: number };
  days31To90: { amount: number };
  days91To180: { amount: number };
  over180Days: { amount: number };
  total: { amount: number; formatted: string };
}
const figures = (a: Ageing) => [a.days0To30, a.days31To90, a.days91To180, a.over180Days].map((m) => m.amount);

describe('billing through the gateway: arrears ageing per unit and per property, as of a day; dunning notices', () => {
  let tap: EventTap;
  let propertyId: string;
  let owing: string;
  let paying: string;
  const propertyArrears = async (asOf: string) =>
    (
      await gqlOk<{
        arrears: { ageing: Ageing; units: Array<{ unit: { id: string; number: string }; ageing: Ageing }> };
      }>(
        `query ($p: ID!, $asOf: LocalDate) { arrears(propertyId: $p, asOf: $asOf) {
          ageing { ${AGEING} } units { unit { id number } ageing { ${AGEING} } } } }`,
        { p: propertyId, asOf },
        { token: await feeAdministrator(propertyId) },
      )
    ).arrears;

  beforeAll(async () => {
    tap = await EventTap.start(TOPICS.billing);
    propertyId = (await createProperty()).id;
    const buildingId = (await createBuilding(propertyId)).id;
    owing = await createUnitWithArea(buildingId, '5-0101', 100);
    paying = await createUnitWithArea(buildingId, '5-0102', 100);
    await untilBillingKnows(propertyId, owing);
    await untilBillingKnows(propertyId, paying);
    await publishFeeSchedule(propertyId, await draftFeeSchedule(propertyId, [propertyFee(300)]));
    await generateBills(propertyId, '2027-Q1'); // due 2027-01-31
    await generateBills(propertyId, '2027-Q2'); // due 2027-04-30
    const paid = await recordPayment(propertyId, {
      unitId: paying,
      amount: { amount: QUARTER + 30_000, currency: 'CNY' },
      idempotencyKey: `key-${randomUUID()}`,
    });
    expect(paid.errors).toBeUndefined();
  });
  afterAll(() => tap.stop());

  it('ages what each unit owes by days past its due date, and sums the property, for the day asked', async () => {
    const beforeDue = await propertyArrears('2027-01-31');
    expect(beforeDue.ageing.total.amount).toBe(0);
    expect(beforeDue.units).toEqual([]);

    const february = await propertyArrears('2027-02-15'); // Q1 15 days overdue
    expect(figures(february.ageing)).toEqual([QUARTER, 0, 0, 0]);
    expect(february.units.map((u) => u.unit.id)).toEqual([owing]);

    const august = await propertyArrears('2027-08-15'); // Q1 196 days, Q2 107 days
    expect(august.units.map((u) => [u.unit.id, figures(u.ageing)])).toEqual([
      [owing, [0, 0, QUARTER, QUARTER]],
      [paying, [0, 0, QUARTER - 30_000, 0]],
    ]);
    expect(august.ageing).toMatchObject({
      asOf: '2027-08-15',
      over180Days: { amount: QUARTER },
      days91To180: { amount: 2 * QUARTER - 30_000 },
      total: { amount: 3 * QUARTER - 30_000, formatted: '¥2,400.00' },
    });
  });

  it('shows one unit’s ageing on the unit, as of the day asked', async () => {
    const data = await gqlOk<{ unit: { arrears: Ageing } }>(
      `query ($id: ID!) { unit(id: $id) { arrears(asOf: "2027-05-10") { ${AGEING} } } }`,
      { id: owing },
      { token: await feeAdministrator(propertyId) },
    );
    expect(figures(data.unit.arrears)).toEqual([QUARTER, 0, QUARTER, 0]); // Q2 10 days, Q1 99 days overdue
  });

  it('refuses the property’s arrears to staff of another property', async () => {
    const outsider = await tokenFor('FEE_ADMINISTRATOR', { properties: [randomUUID()] });
    const refused = await gql(
      `query ($p: ID!) { arrears(propertyId: $p) { ageing { total { amount } } } }`,
      { p: propertyId },
      { token: outsider },
    );
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
  });

  it('records a dunning notice (催缴) by the office with its channel, publishes it, and the household reads it on the unit', async () => {
    const desk = await tokenFor('FRONT_DESK', { properties: [propertyId], sub: 'desk-1' });
    const send = (unitId: string, channel: string) =>
      gql<{
        sendDunningNotice: { dunningNotice: { id: string; channel: string; owed: { amount: number } } };
      }>(
        `mutation ($input: SendDunningNoticeInput!) { sendDunningNotice(input: $input) {
          dunningNotice { id channel owed { amount } bills { period } sentBy } } }`,
        { input: { unitId, channel, note: 'Second reminder' } },
        { token: desk },
      );
    const sent = await send(owing, 'SMS');
    expect(sent.errors).toBeUndefined();
    expect(sent.data?.sendDunningNotice.dunningNotice).toMatchObject({
      channel: 'SMS',
      owed: { amount: 2 * QUARTER },
      bills: [{ period: '2027-Q1' }, { period: '2027-Q2' }],
      sentBy: 'desk-1',
    });
    const id = sent.data!.sendDunningNotice.dunningNotice.id;
    const [event] = await tap.waitFor((e) => e.type === 'dunning_notice.sent.v1' && e.subject === id);
    expect(event?.data).toMatchObject({ unitId: owing, channel: 'SMS', owed: 2 * QUARTER, currency: 'CNY' });

    // A technician is not the management office.
    const technician = await tokenFor('TECHNICIAN', { properties: [propertyId] });
    const refused = await gql(
      `mutation ($input: SendDunningNoticeInput!) { sendDunningNotice(input: $input) { dunningNotice { id } } }`,
      { input: { unitId: owing, channel: 'PHONE' } },
      { token: technician },
    );
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);

    const resident = await registerResident(propertyId, 'Sun Li', '13900003333');
    await moveIn(owing, resident.id);
    const token = await tokenFor('RESIDENT', { residentId: resident.id, sub: resident.id });
    const notices = await eventually(async () => {
      const data = await gqlOk<{
        resident: { households: Array<{ unit: { id: string; dunningNotices: Notice[] | null } }> };
      }>(
        `query ($id: ID!) { resident(id: $id) { households { unit { id dunningNotices { id channel note } } } } }`,
        { id: resident.id },
        { token },
      );
      const found = data.resident.households.find((h) => h.unit.id === owing)?.unit.dunningNotices;
      return found?.length ? found : undefined;
    });
    expect(notices).toEqual([{ id, channel: 'SMS', note: 'Second reminder' }]);
  });
});
