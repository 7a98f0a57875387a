import { describe, expect, it } from '@jest/globals';
import { loadEventSchemas } from '@courtyard/kernel';
import { sequentialIds, type CommandContext } from '@courtyard/kernel/domain';
import {
  addDays,
  addServiceContract,
  complianceWarnings,
  contractsCovering,
  dayIn,
  nextWarningOn,
  registerServicePartner,
  warnExpiringContracts,
} from './partner.js';

type Warning = { leadDays: number; daysLeft: number };
const warningOf = (e: { data: unknown }) => e.data as Warning;
const schemas = loadEventSchemas(new URL('../../../../schema/events', import.meta.url).pathname, {
  closed: true,
});
const now = new Date('2026-11-23T02:00:00Z');
const desk: CommandContext = {
  actor: { subject: 'desk-1', role: 'FRONT_DESK', propertyIds: ['p1'] },
  now,
  newId: sequentialIds(),
};
const system = (today: string): CommandContext => ({
  actor: { subject: 'facilities', role: 'SYSTEM', propertyIds: ['*'] },
  now: new Date(`${today}T01:00:00Z`),
  newId: sequentialIds(),
});
const fireContract = { number: 'XF-1', scope: 'patrol and yearly test', facilityTypes: ['FIRE_PROTECTION'] };
const partnerWith = (contract: Record<string, unknown>, leads = [30, 7], today = '2026-11-23') =>
  addServiceContract(
    registerServicePartner({ propertyId: 'p1', name: 'Anxin Fire' }, desk).record,
    { ...fireContract, ...contract },
    leads,
    today,
    desk,
  );

describe('service partners and contracts', () => {
  it('counts days in the service time zone', () => {
    expect(dayIn(new Date('2026-11-23T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-24');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('a fire facility without a contract in force is flagged; one with it is not', () => {
    const { record } = partnerWith({ startsOn: '2026-01-01', endsOn: '2026-12-31' });
    expect(
      complianceWarnings('FIRE_PROTECTION', contractsCovering([record], 'FIRE_PROTECTION', '2026-11-23')),
    ).toEqual([]);
    expect(
      complianceWarnings('FIRE_PROTECTION', contractsCovering([record], 'FIRE_PROTECTION', '2027-01-01')),
    ).toEqual(['MAINTENANCE_CONTRACT_MISSING']);
    expect(complianceWarnings('ELEVATOR', [])).toEqual([]);
  });

  it('refuses a contract ending before it starts, an empty type list, a duplicate number', () => {
    expect(() => partnerWith({ startsOn: '2026-02-01', endsOn: '2026-01-01' })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
    expect(() => partnerWith({ facilityTypes: [], startsOn: '2026-01-01', endsOn: '2026-12-31' })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
    const { record } = partnerWith({ startsOn: '2026-01-01', endsOn: '2026-12-31' });
    expect(() =>
      addServiceContract(
        record,
        { ...fireContract, startsOn: '2027-01-01', endsOn: '2027-12-31' },
        [30],
        '2026-11-23',
        desk,
      ),
    ).toThrow(expect.objectContaining({ code: 'CONFLICT', reason: 'DUPLICATE_CONTRACT_NUMBER' }));
  });

  it('schedules the first warning at endsOn minus the longest lead', () => {
    expect(partnerWith({ startsOn: '2026-01-01', endsOn: '2026-12-31' }).record.nextWarningOn).toBe(
      '2026-12-01',
    );
    // Already inside the lead: due today.
    expect(partnerWith({ startsOn: '2026-01-01', endsOn: '2026-12-10' }).record.nextWarningOn).toBe(
      '2026-11-23',
    );
    // Over already: nothing to warn.
    expect(partnerWith({ startsOn: '2026-01-01', endsOn: '2026-11-01' }).record.nextWarningOn).toBeNull();
  });

  it('warns once per contract and lead, each on its day, with schema-valid events', () => {
    let partner = partnerWith({ startsOn: '2026-01-01', endsOn: '2026-12-31' }).record;
    expect(warnExpiringContracts(partner, [30, 7], '2026-11-30', system('2026-11-30')).events).toEqual([]);
    const first = warnExpiringContracts(partner, [30, 7], '2026-12-01', system('2026-12-01'));
    expect(first.events.map((e) => [e.type, e.data, schemas.validate(e)])).toEqual([
      [
        'service_partner.contract_expiring.v1',
        expect.objectContaining({ contractNumber: 'XF-1', leadDays: 30, daysLeft: 30, endsOn: '2026-12-31' }),
        [],
      ],
    ]);
    partner = first.record;
    expect(partner.nextWarningOn).toBe('2026-12-24');
    expect(warnExpiringContracts(partner, [30, 7], '2026-12-02', system('2026-12-02')).events).toEqual([]);
    const second = warnExpiringContracts(partner, [30, 7], '2026-12-24', system('2026-12-24'));
    expect(second.events.map((e) => warningOf(e).leadDays)).toEqual([7]);
    expect(second.record.nextWarningOn).toBeNull();
    expect(warnExpiringContracts(second.record, [30, 7], '2026-12-25', system('2026-12-25')).events).toEqual(
      [],
    );
  });

  it('after a pause past several leads, each missed lead is warned once, together', () => {
    const partner = partnerWith({ startsOn: '2026-01-01', endsOn: '2026-12-31' }).record;
    const late = warnExpiringContracts(partner, [30, 7], '2026-12-28', system('2026-12-28'));
    expect(late.events.map((e) => [warningOf(e).leadDays, warningOf(e).daysLeft])).toEqual([
      [30, 3],
      [7, 3],
    ]);
    expect(nextWarningOn(late.record.contracts, [30, 7], '2026-12-29')).toBeNull();
  });
});
