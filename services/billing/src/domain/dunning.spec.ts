import { describe, expect, it } from '@jest/globals';
import { unitAccount } from './accounts.js';
import { generateBills, planGeneration } from './bills.js';
import { sendDunningNotice } from './dunning.js';
import { as, schedule, unit } from './fixtures.js';

const bills = generateBills(
  planGeneration({ propertyId: 'p1', period: '2027-Q1' }, as()),
  schedule(),
  [unit()],
  new Set(),
  as(),
).bills.map((decision) => decision.record);
const entries = { bills, payments: [], reversals: [], refunds: [] };
const view = { unitId: 'u1', account: unitAccount(entries), bills };

describe('dunning notices (催缴)', () => {
  it('record the channel and what the account showed; overdue as of the day sent', () => {
    const march = as({ subject: 'desk-1', role: 'FRONT_DESK' }, new Date('2027-03-01T02:00:00Z'));
    const { record, events } = sendDunningNotice(
      { unitId: 'u1', channel: 'SMS' },
      unit(),
      view,
      entries,
      march,
    );
    expect(record).toMatchObject({
      channel: 'SMS',
      owed: view.account.balance,
      overdue: view.account.balance,
      billIds: ['bill:u1:2027-Q1'],
      note: null,
      sentBy: 'desk-1',
    });
    expect(events).toMatchObject([
      { type: 'dunning_notice.sent.v1', data: { channel: 'SMS', unitId: 'u1' } },
    ]);
    expect(
      sendDunningNotice({ unitId: 'u1', channel: 'LETTER' }, unit(), view, entries, as()).record.overdue,
    ).toBe(0);
  });

  it('are refused for a unit that owes nothing, and to anyone outside the management office', () => {
    const settled = { ...view, account: { ...view.account, balance: 0 } };
    expect(() =>
      sendDunningNotice({ unitId: 'u1', channel: 'PHONE' }, unit(), settled, entries, as()),
    ).toThrow(expect.objectContaining({ code: 'CONFLICT', reason: 'NOTHING_OWED' }) as unknown as Error);
    expect(() =>
      sendDunningNotice(
        { unitId: 'u1', channel: 'PHONE' },
        unit(),
        view,
        entries,
        as({ role: 'TECHNICIAN' }),
      ),
    ).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }) as unknown as Error);
  });
});
