import { describe, expect, it } from '@jest/globals';
import { sequentialIds, type Caller } from '@courtyard/kernel/domain';
import {
  audienceOf,
  closeCampaign,
  createCampaign,
  dueReminder,
  openCampaignSurvey,
  remindersOf,
  sendReminder,
  startCampaign,
  surveysOpened,
  type HouseholdCandidate,
} from './campaigns.js';
import type { CampaignRecord, SurveyRecord, SurveyTemplateRecord } from './records.js';
import { answerSurvey } from './responses.js';
import { drawSample } from './sampling.js';

const supervisor: Caller = { subject: 'sup-1', role: 'SERVICE_SUPERVISOR', propertyIds: ['p1'] };
const system: Caller = { subject: 'surveys', role: 'SYSTEM', propertyIds: ['*'] };
const at = (iso: string, actor: Caller = system) => ({ actor, now: new Date(iso), newId: sequentialIds() });

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
      questions: [
        { id: 'overall', kind: 'SCORE', text: 'Overall?', required: true, options: [] },
        { id: 'comment', kind: 'TEXT', text: 'Anything else?', required: false, options: [] },
      ],
    },
  ],
};

const households: HouseholdCandidate[] = Array.from({ length: 40 }, (_, i) => ({
  householdId: `hh-${String(i).padStart(2, '0')}`,
  propertyId: 'p1',
  respondentId: `r-${i}`,
  buildingId: i % 2 === 0 ? 'b1' : 'b2',
}));

const input = {
  propertyId: 'p1',
  kind: 'SATISFACTION',
  name: 'Spring 2027',
  templateId: 't1',
  opensAt: '2027-01-05T00:00:00Z',
  closesAt: '2027-01-26T00:00:00Z',
  remindAt: ['2027-01-19T00:00:00Z', '2027-01-12T00:00:00Z'],
};

const created = (extra: Record<string, unknown> = {}) =>
  createCampaign({ ...input, ...extra }, template, at('2026-12-20T00:00:00Z', supervisor)).record;

function started(campaign: CampaignRecord, now = '2027-01-05T00:00:00Z') {
  const decision = startCampaign(campaign, template, households, at(now));
  if (!decision) throw new Error('not started');
  return decision;
}

/** The invitees' surveys, opened as the scheduler opens them. */
const surveysOf = (campaign: CampaignRecord): SurveyRecord[] =>
  campaign.invitees.map(
    (invitee) => openCampaignSurvey(campaign, template, invitee, at('2027-01-05T00:00:00Z')).record,
  );

describe('campaigns: creating one', () => {
  it('is scheduled with its window, audience and reminders (sorted), woken at opensAt', () => {
    expect(created()).toMatchObject({
      state: 'SCHEDULED',
      audience: { kind: 'ALL' },
      remindAt: [new Date('2027-01-12T00:00:00Z'), new Date('2027-01-19T00:00:00Z')],
      wakeAt: new Date('2027-01-05T00:00:00Z'),
      createdById: 'sup-1',
    });
    expect(created({ audience: { sampleShare: 0.25 } }).audience).toEqual({
      kind: 'SAMPLE_SHARE',
      share: 0.25,
    });
  });

  it('refuses a technician, a reminder outside the window, both sample kinds, a template without a score', () => {
    const tech: Caller = { subject: 't', role: 'TECHNICIAN', propertyIds: ['p1'] };
    expect(() => createCampaign(input, template, at('2026-12-20T00:00:00Z', tech))).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => created({ remindAt: ['2027-02-01T00:00:00Z'] })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
    expect(() => created({ audience: { sampleSize: 3, sampleShare: 0.5 } })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
    const textOnly = {
      ...template,
      versions: [{ ...template.versions[0]!, questions: [template.versions[0]!.questions[1]!] }],
    };
    expect(() => createCampaign(input, textOnly, at('2026-12-20T00:00:00Z', supervisor))).toThrow(
      expect.objectContaining({ reason: 'TEMPLATE_WITHOUT_SCORE' }),
    );
  });

  it('a needs survey opens in December and asks only themed questions', () => {
    const themed = {
      ...template,
      versions: [
        {
          ...template.versions[0]!,
          questions: template.versions[0]!.questions.map((q) => ({ ...q, theme: 'CLEANING' as const })),
        },
      ],
    };
    const needs = {
      ...input,
      kind: 'NEEDS',
      opensAt: '2026-12-21T00:00:00Z',
      closesAt: '2027-01-10T00:00:00Z',
      remindAt: [],
    };
    expect(createCampaign(needs, themed, at('2026-12-20T00:00:00Z', supervisor)).record.kind).toBe('NEEDS');
    expect(() => createCampaign(needs, template, at('2026-12-20T00:00:00Z', supervisor))).toThrow(
      expect.objectContaining({ reason: 'QUESTION_WITHOUT_THEME' }),
    );
    expect(() =>
      createCampaign(
        { ...needs, opensAt: '2027-01-02T00:00:00Z' },
        themed,
        at('2026-12-20T00:00:00Z', supervisor),
      ),
    ).toThrow(expect.objectContaining({ reason: 'NEEDS_SURVEY_OUTSIDE_DECEMBER' }));
  });
});

describe('campaigns: the audience', () => {
  it('a sample is reproducible from the campaign id, within the audience, of the size asked', () => {
    const sample = audienceOf('campaign-a', { kind: 'SAMPLE_SIZE', size: 10 }, households);
    expect(sample).toHaveLength(10);
    expect(audienceOf('campaign-a', { kind: 'SAMPLE_SIZE', size: 10 }, [...households].reverse())).toEqual(
      sample,
    );
    const ids = new Set(households.map((h) => h.householdId));
    expect(sample.every((h) => ids.has(h.householdId))).toBe(true);
    expect(new Set(sample.map((h) => h.householdId)).size).toBe(10);
    // Another campaign draws another sample.
    expect(audienceOf('campaign-b', { kind: 'SAMPLE_SIZE', size: 10 }, households)).not.toEqual(sample);
  });

  it('a share is rounded up; a sample larger than the property asks everyone; ALL asks everyone', () => {
    expect(audienceOf('c', { kind: 'SAMPLE_SHARE', share: 0.1 }, households)).toHaveLength(4);
    expect(audienceOf('c', { kind: 'SAMPLE_SHARE', share: 0.01 }, households)).toHaveLength(1);
    expect(audienceOf('c', { kind: 'SAMPLE_SIZE', size: 500 }, households)).toHaveLength(40);
    expect(audienceOf('c', { kind: 'ALL' }, households)).toHaveLength(40);
    expect(drawSample([], 3, 1)).toEqual([]);
  });
});

describe('campaigns: starting, reminding, closing', () => {
  it('starting draws the invitees, one survey id per household, and publishes campaign.started.v1 once', () => {
    const { record, events } = started(created({ audience: { sampleSize: 12 } }));
    expect(record.state).toBe('STARTED');
    expect(record.invitees).toHaveLength(12);
    expect(new Set(record.invitees.map((i) => i.surveyId)).size).toBe(12);
    expect(events.map((e) => e.type)).toEqual(['campaign.started.v1']);
    expect(events[0]!.data).toMatchObject({ invited: 12, templateVersion: 1 });
    // Starting again decides nothing: no second event, no second draw.
    expect(startCampaign(record, template, households, at('2027-01-06T00:00:00Z'))).toBeNull();
  });

  it("a campaign survey is the household respondent's, open until the window closes, scored like any", () => {
    const { record } = started(created());
    const [survey] = surveysOf(record);
    expect(survey).toMatchObject({
      campaignId: record._id,
      campaignKind: 'SATISFACTION',
      expiresAt: record.closesAt,
      state: 'OPEN',
      respondentId: record.invitees[0]!.respondentId,
    });
    const resident: Caller = {
      subject: 'r',
      role: 'RESIDENT',
      propertyIds: [],
      residentId: survey!.respondentId!,
    };
    const answered = answerSurvey(
      { surveyId: survey!._id, answers: [{ questionId: 'overall', score: 4 }] },
      survey!,
      at('2027-01-07T00:00:00Z', resident),
    );
    expect(answered.record.response?.score).toBe(4);
  });

  it('a reminder goes only to households that have not answered, once per reminder', () => {
    const campaign = surveysOpened(started(created({ audience: { sampleSize: 5 } })).record);
    const surveys = surveysOf(campaign);
    surveys[0] = { ...surveys[0]!, state: 'COMPLETED' };
    expect(dueReminder(campaign, new Date('2027-01-11T00:00:00Z'))).toBeNull();
    const first = sendReminder(campaign, surveys, at('2027-01-12T00:00:00Z'))!;
    expect(first.events.map((e) => (e.data as { surveyId: string }).surveyId)).toEqual(
      surveys.slice(1).map((s) => s._id),
    );
    const reminderOf = (e: { data: unknown }) => (e.data as { reminder: number }).reminder;
    expect(first.events.every((e) => e.type === 'campaign.reminder_sent.v1' && reminderOf(e) === 1)).toBe(
      true,
    );
    expect(first.record).toMatchObject({ remindersSent: 1, wakeAt: new Date('2027-01-19T00:00:00Z') });
    // Each reminded household keeps its reminder (what its resident reads); the one who answered has none.
    const sentAt = new Date('2027-01-12T00:00:00Z');
    expect(remindersOf(first.record, surveys[0]!._id)).toEqual([]);
    for (const survey of surveys.slice(1)) {
      expect(remindersOf(first.record, survey._id)).toEqual([{ number: 1, sentAt }]);
    }
    const second = sendReminder(first.record, surveys, at('2027-01-19T00:00:00Z'))!;
    expect(remindersOf(second.record, surveys[1]!._id)).toEqual([
      { number: 1, sentAt },
      { number: 2, sentAt: new Date('2027-01-19T00:00:00Z') },
    ]);
    expect(remindersOf(null, surveys[1]!._id)).toEqual([]);
    // The same reminder is not due again.
    expect(sendReminder(first.record, surveys, at('2027-01-13T00:00:00Z'))).toBeNull();
    // After an outage past both reminders, only the latest is sent.
    const late = sendReminder(campaign, surveys, at('2027-01-20T00:00:00Z'))!;
    expect(late.record.remindersSent).toBe(2);
    expect(new Set(late.events.map((e) => (e.data as { reminder: number }).reminder))).toEqual(new Set([2]));
  });

  it('closing at the window end computes the response rate, overall and per building', () => {
    const campaign = surveysOpened(started(created({ audience: { sampleSize: 8 } })).record);
    const surveys = surveysOf(campaign).map(
      (s, i) => ({ ...s, state: i < 2 ? 'COMPLETED' : 'EXPIRED' }) as SurveyRecord,
    );
    expect(closeCampaign(campaign, surveys, at('2027-01-25T23:59:59Z'))).toBeNull();
    const { record, events } = closeCampaign(campaign, surveys, at('2027-01-26T00:00:00Z'))!;
    expect(record).toMatchObject({
      state: 'CLOSED',
      wakeAt: null,
      result: { invited: 8, answered: 2, rate: 0.25 },
    });
    const perBuilding = record.result!.byBuilding;
    expect(perBuilding.reduce((n, b) => n + b.invited, 0)).toBe(8);
    expect(perBuilding.reduce((n, b) => n + b.answered, 0)).toBe(2);
    expect(events.map((e) => e.type)).toEqual(['campaign.closed.v1']);
    expect(events[0]!.data).toMatchObject({ invited: 8, answered: 2, responseRate: 0.25 });
    expect(closeCampaign(record, surveys, at('2027-01-27T00:00:00Z'))).toBeNull();
  });

  it('a campaign nobody was asked in closes with no rate', () => {
    const { record } = closeCampaign(created(), [], at('2027-01-26T00:00:00Z'))!;
    expect(record.result).toEqual({ invited: 0, answered: 0, rate: null, byBuilding: [] });
  });
});
