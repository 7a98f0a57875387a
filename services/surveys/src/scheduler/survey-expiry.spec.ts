import { describe, expect, it } from '@jest/globals';
import type { CloudEvent, Decision } from '@courtyard/kernel';
import { sequentialIds } from '@courtyard/kernel/domain';
import { openSatisfactionSurvey } from '../domain/after-service.js';
import { RESOLVED_REPAIR } from '../domain/fixtures.js';
import type { SurveyRecord } from '../domain/records.js';
import { DEFAULT_POST_SERVICE_TEMPLATE } from '../domain/templates.js';
import { surveyExpiry } from './survey-expiry.js';

/** The store's contract in memory: reads what is due, version-checked updates. */
function memoryStore(surveys: SurveyRecord[]) {
  const byId = new Map(surveys.map((s) => [s._id, { ...s }]));
  const published: CloudEvent[] = [];
  return {
    byId,
    published,
    due: async (now: Date, limit: number) =>
      [...byId.values()]
        .filter((s) => s.state === 'OPEN' && s.expiresAt <= now)
        .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime())
        .slice(0, limit)
        .map((s) => ({ ...s })),
    expire: async (previous: SurveyRecord, { record, events }: Decision<SurveyRecord>) => {
      // Yield first, so two ticks interleave their reads and writes as two instances would.
      await Promise.resolve();
      const stored = byId.get(previous._id)!;
      if (stored.version !== previous.version) return 'already' as const;
      byId.set(previous._id, { ...record, version: stored.version + 1 });
      published.push(...events);
      return 'expired' as const;
    },
  };
}

const openedAt = new Date('2026-11-24T09:00:00Z');
const DAY = 86_400_000;
const surveyOf = (helpRequestId: string, expiryDays: number): SurveyRecord =>
  openSatisfactionSurvey(
    { ...RESOLVED_REPAIR, helpRequestId },
    { requesterId: 'r1', assigneeIds: ['tech-1'] },
    DEFAULT_POST_SERVICE_TEMPLATE,
    expiryDays,
    {
      actor: { subject: 'surveys', role: 'SYSTEM', propertyIds: ['*'] },
      now: openedAt,
      newId: sequentialIds(),
    },
  ).record;

describe('the survey expiry scheduler (tick with the test clock)', () => {
  const surveys = [surveyOf('h1', 7), surveyOf('h2', 14), surveyOf('h3', 14)];

  it('expires each survey once its due time has passed, and nothing twice however often it ticks', async () => {
    const store = memoryStore([...surveys, { ...surveyOf('h4', 7), state: 'COMPLETED' }]);
    const expiry = surveyExpiry(store, 2);
    expect(await expiry.tick(new Date(openedAt.getTime() + 7 * DAY - 1))).toEqual({ expired: 0, already: 0 });
    expect(await expiry.tick(new Date(openedAt.getTime() + 7 * DAY))).toEqual({ expired: 1, already: 0 });
    expect(await expiry.tick(new Date(openedAt.getTime() + 8 * DAY))).toEqual({ expired: 0, already: 0 });
    // Two due at once, with a batch of two: read, expired, read again, none left.
    expect(await expiry.tick(new Date(openedAt.getTime() + 30 * DAY))).toEqual({ expired: 2, already: 0 });
    expect(await expiry.tick(new Date(openedAt.getTime() + 31 * DAY))).toEqual({ expired: 0, already: 0 });
    expect([...store.byId.values()].map((s) => [s.helpRequestId, s.state])).toEqual([
      ['h1', 'EXPIRED'],
      ['h2', 'EXPIRED'],
      ['h3', 'EXPIRED'],
      ['h4', 'COMPLETED'],
    ]);
    expect(store.published.map((e) => [e.type, e.subject])).toEqual([
      ['survey.expired.v1', 'satisfaction-h1'],
      ['survey.expired.v1', 'satisfaction-h2'],
      ['survey.expired.v1', 'satisfaction-h3'],
    ]);
  });

  it('two instances ticking at once expire each survey once', async () => {
    const store = memoryStore(surveys);
    const now = new Date(openedAt.getTime() + 30 * DAY);
    const [one, two] = await Promise.all([surveyExpiry(store).tick(now), surveyExpiry(store).tick(now)]);
    expect(one.expired + two.expired).toBe(3);
    expect(one.already + two.already).toBe(3);
    expect(store.published).toHaveLength(3);
  });
});
