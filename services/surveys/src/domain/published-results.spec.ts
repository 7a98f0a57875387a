import { describe, expect, it } from '@jest/globals';
import { DomainError, sequentialIds, type CommandContext, type Role } from '@courtyard/kernel/domain';
import { figuresOf } from './kpi.js';
import { namedPeriod } from './kpi-periods.js';
import { publishResults, type ResultsToPublish } from './published-results.js';

const period = namedPeriod('2026-H2', 'Asia/Shanghai');
const as = (role: Role, now = new Date('2027-01-05T02:00:00Z'), propertyIds = ['p1']): CommandContext => ({
  actor: { subject: `${role.toLowerCase()}-1`, role, propertyIds },
  now,
  newId: sequentialIds(),
});
const tally = (surveys: number, scores: [number, number, number, number, number]) =>
  figuresOf({ surveys, scores }, period);
const results: ResultsToPublish = {
  propertyId: 'p1',
  period,
  overall: tally(60, [1, 1, 3, 10, 30]),
  byCategory: [
    { key: 'WATER_LEAK', ...tally(40, [1, 1, 2, 8, 20]) },
    { key: 'DOOR_LOCK', ...tally(0, [0, 0, 0, 0, 0]) },
  ],
  byTeam: [{ key: 'ENGINEERING', ...tally(60, [1, 1, 3, 10, 30]) }],
};

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}/${error.reason}`;
    throw error;
  }
  return 'published';
};

describe('publishing satisfaction results', () => {
  it('publishes an ended period once per property and period, with counts and rates and no person', () => {
    const { record, events } = publishResults(results, as('OFFICE_DIRECTOR'));
    expect(record).toMatchObject({
      _id: 'satisfaction-results:p1:2026-H2',
      propertyId: 'p1',
      periodKind: 'HALF_YEAR',
      periodLabel: '2026-H2',
      overall: { surveys: 60, responses: 45, satisfied: 40, significant: true },
      publishedById: 'office_director-1',
    });
    // A category without surveys is left out rather than shown as an empty row.
    expect(record.byCategory.map((group) => group.key)).toEqual(['WATER_LEAK']);
    const [event] = events;
    expect(event).toMatchObject({
      type: 'satisfaction_results.published.v1',
      subject: record._id,
      data: {
        period: '2026-H2',
        periodKind: 'HALF_YEAR',
        target: 0.9,
        overall: { surveys: 60, responses: 45, satisfied: 40, significant: true },
        byCategory: [{ key: 'WATER_LEAK', responses: 32, satisfied: 28, significant: true }],
        byTeam: [{ key: 'ENGINEERING' }],
      },
    });
    // No field of the event names a person or carries their words.
    expect(JSON.stringify(event?.data)).not.toMatch(
      /respondent|technician|recordedBy|publishedBy|note|comment/i,
    );
  });

  it('refuses a period that has not ended, staff below the office director, and other properties', () => {
    expect(refusal(() => publishResults(results, as('GENERAL_MANAGER', period.to)))).toBe('published');
    expect(
      refusal(() => publishResults(results, as('OFFICE_DIRECTOR', new Date(period.to.getTime() - 1)))),
    ).toBe('CONFLICT/PERIOD_NOT_ENDED');
    expect(refusal(() => publishResults(results, as('FRONT_DESK')))).toBe('FORBIDDEN/ROLE_NOT_ALLOWED');
    expect(refusal(() => publishResults(results, as('SERVICE_SUPERVISOR')))).toBe(
      'FORBIDDEN/ROLE_NOT_ALLOWED',
    );
    expect(refusal(() => publishResults(results, as('OFFICE_DIRECTOR', undefined, ['p2'])))).toBe(
      'FORBIDDEN/OUTSIDE_PROPERTY_SCOPE',
    );
  });
});
