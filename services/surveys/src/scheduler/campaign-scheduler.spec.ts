import { describe, expect, it } from '@jest/globals';
import type { Decision } from '@courtyard/kernel';
import { sequentialIds } from '@courtyard/kernel/domain';
import { createCampaign, type HouseholdCandidate } from '../domain/campaigns.js';
import type { CampaignRecord, SurveyRecord, SurveyTemplateRecord } from '../domain/records.js';
import { campaignScheduler, type CampaignStores } from './campaign-scheduler.js';

const template: SurveyTemplateRecord = {
  _id: 't1',
  version: 1,
  createdAt: new Date('2026-06-01T00:00:00Z'),
  propertyId: 'p1',
  name: 'Half-yearly',
  purpose: 'GENERAL',
  anonymous: false,
  currentVersion: 1,
  versions: [
    {
      version: 1,
      publishedAt: new Date('2026-06-01T00:00:00Z'),
      publishedById: 'sup-1',
      questions: [{ id: 'overall', kind: 'SCORE', text: 'Overall?', required: true, options: [] }],
    },
  ],
};
const households: HouseholdCandidate[] = ['a', 'b', 'c'].map((id) => ({
  householdId: id,
  propertyId: 'p1',
  respondentId: `r-${id}`,
  buildingId: 'b1',
}));

/** The stores in memory, version-checked like the writer; `failOpeningAfter` simulates a crash. */
function memory(campaign: CampaignRecord) {
  let stored = campaign;
  const surveys = new Map<string, SurveyRecord>();
  const published: string[] = [];
  let openings = 0;
  const state = { failOpeningAfter: Infinity };
  const stores: CampaignStores = {
    campaigns: {
      due: async (now) => (stored.wakeAt && stored.wakeAt <= now ? [stored] : []),
      template: async () => template,
      campaign: async () => stored,
      save: async (previous, { record, events }: Decision<CampaignRecord>) => {
        if (previous.version !== stored.version) return null;
        stored = { ...record, version: previous.version + 1 };
        published.push(...events.map((e) => e.type));
        return stored;
      },
      openSurvey: async ({ record, events }) => {
        if (openings >= state.failOpeningAfter) throw new Error('crash');
        openings += 1;
        if (surveys.has(record._id)) return 'already';
        surveys.set(record._id, record);
        published.push(...events.map((e) => e.type));
        return 'opened';
      },
      surveysOf: async () => [...surveys.values()],
      openSurveysOf: async () => [...surveys.values()].filter((s) => s.state === 'OPEN'),
    },
    households: { occupied: async () => households },
    expiry: {
      expire: async (previous, { record, events }) => {
        if (surveys.get(previous._id)?.state !== 'OPEN') return 'already';
        surveys.set(record._id, record);
        published.push(...events.map((e) => e.type));
        return 'expired';
      },
    },
  };
  return { stores, surveys, published, state, current: () => stored };
}

const campaign = createCampaign(
  {
    propertyId: 'p1',
    kind: 'SATISFACTION',
    name: 'Spring',
    templateId: 't1',
    opensAt: '2027-01-05T00:00:00Z',
    closesAt: '2027-01-26T00:00:00Z',
    remindAt: ['2027-01-12T00:00:00Z'],
  },
  template,
  {
    actor: { subject: 'sup-1', role: 'SERVICE_SUPERVISOR', propertyIds: ['p1'] },
    now: new Date('2026-12-20T00:00:00Z'),
    newId: sequentialIds(),
  },
).record;

describe('the campaign scheduler', () => {
  it('after a crash half-way through opening, the next tick opens only the missing surveys', async () => {
    const { stores, surveys, published, state, current } = memory(campaign);
    state.failOpeningAfter = 1;
    await expect(campaignScheduler(stores).tick(new Date('2027-01-05T00:00:00Z'))).rejects.toThrow('crash');
    expect(current()).toMatchObject({ state: 'STARTED', surveysOpened: false });
    expect(surveys.size).toBe(1);
    state.failOpeningAfter = Infinity;
    await campaignScheduler(stores).tick(new Date('2027-01-05T00:01:00Z'));
    expect(surveys.size).toBe(3);
    expect(current().surveysOpened).toBe(true);
    expect(published.filter((t) => t === 'survey.opened.v1')).toHaveLength(3);
    expect(published.filter((t) => t === 'campaign.started.v1')).toHaveLength(1);
  });

  it('reminds, then closes at the window end, expiring the unanswered, each once however often it ticks', async () => {
    const { stores, surveys, published, current } = memory(campaign);
    const scheduler = campaignScheduler(stores);
    await scheduler.tick(new Date('2027-01-05T00:00:00Z'));
    const first = [...surveys.values()][0]!;
    surveys.set(first._id, { ...first, state: 'COMPLETED' });
    await scheduler.tick(new Date('2027-01-12T00:00:00Z'));
    await scheduler.tick(new Date('2027-01-13T00:00:00Z'));
    expect(published.filter((t) => t === 'campaign.reminder_sent.v1')).toHaveLength(2);
    const done = await scheduler.tick(new Date('2027-01-26T00:00:00Z'));
    await scheduler.tick(new Date('2027-01-27T00:00:00Z'));
    expect(done.closed).toBe(1);
    expect(published.filter((t) => t === 'survey.expired.v1')).toHaveLength(2);
    expect(published.filter((t) => t === 'campaign.closed.v1')).toHaveLength(1);
    expect(current().result).toMatchObject({ invited: 3, answered: 1 });
  });

  it('a campaign whose window passed before it started closes with nobody asked', async () => {
    const { stores, published, current } = memory(campaign);
    await campaignScheduler(stores).tick(new Date('2027-02-01T00:00:00Z'));
    expect(current()).toMatchObject({ state: 'CLOSED', result: { invited: 0, rate: null } });
    expect(published).toEqual(['campaign.closed.v1']);
  });
});
