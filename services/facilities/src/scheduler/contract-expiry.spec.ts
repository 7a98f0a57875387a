import { describe, expect, it } from '@jest/globals';
import { sequentialIds, type Decision } from '@courtyard/kernel/domain';
import { addServiceContract, registerServicePartner } from '../domain/partner.js';
import type { ServicePartnerRecord } from '../domain/records.js';
import { contractExpiry } from './contract-expiry.js';

const desk = {
  actor: { subject: 'desk-1', role: 'FRONT_DESK' as const, propertyIds: ['p1'] },
  now: new Date('2026-11-01T02:00:00Z'),
  newId: sequentialIds(),
};

/** A store as the version-checked writes behave: a write on an old version is 'already'. */
function memoryStore(partners: ServicePartnerRecord[]) {
  const stored = new Map(partners.map((p) => [p._id, p]));
  const published: Decision<ServicePartnerRecord>['events'] = [];
  return {
    published,
    due: async (today: string) =>
      [...stored.values()].filter((p) => p.nextWarningOn !== null && p.nextWarningOn <= today),
    warn: async (before: ServicePartnerRecord, decision: Decision<ServicePartnerRecord>) => {
      if (stored.get(before._id)?.version !== before.version) return 'already' as const;
      stored.set(before._id, { ...decision.record, version: before.version + 1 });
      published.push(...decision.events);
      return 'warned' as const;
    },
  };
}

describe('contract expiry scheduler', () => {
  const partner = addServiceContract(
    registerServicePartner({ propertyId: 'p1', name: 'Anxin Fire' }, desk).record,
    {
      number: 'XF-1',
      scope: 'fire',
      facilityTypes: ['FIRE_PROTECTION'],
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    },
    [30],
    '2026-11-01',
    desk,
  ).record;
  const settings = { leads: [30], timeZone: 'Asia/Shanghai' };

  it('sends nothing before the lead, one warning on its day, none on a second tick or a restart', async () => {
    const store = memoryStore([partner]);
    expect(await contractExpiry(store, settings).tick(new Date('2026-11-30T12:00:00Z'))).toEqual({
      warnings: 0,
      already: 0,
    });
    // 2026-12-01 in Shanghai starts at 16:00 UTC the day before.
    const due = new Date('2026-11-30T16:30:00Z');
    expect(await contractExpiry(store, settings).tick(due)).toEqual({ warnings: 1, already: 0 });
    expect(await contractExpiry(store, settings).tick(due)).toEqual({ warnings: 0, already: 0 });
    expect(await contractExpiry(store, settings).tick(new Date('2026-12-20T00:00:00Z'))).toEqual({
      warnings: 0,
      already: 0,
    });
    expect(store.published.map((e) => e.type)).toEqual(['service_partner.contract_expiring.v1']);
  });

  it('two instances ticking at once send it once', async () => {
    const store = memoryStore([partner]);
    const now = new Date('2026-12-05T00:00:00Z');
    const ticks = await Promise.all([
      contractExpiry(store, settings).tick(now),
      contractExpiry(store, settings).tick(now),
    ]);
    expect(ticks.reduce((sum, t) => sum + t.warnings, 0)).toBe(1);
    expect(store.published).toHaveLength(1);
  });
});
