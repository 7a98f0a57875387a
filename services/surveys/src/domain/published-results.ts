import {
  DomainError,
  domainEvent,
  requireStaffOf,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { RESULTS_PUBLISHERS } from './access.js';
import type { SatisfactionFigures } from './kpi.js';
import { hasEnded, type KpiPeriod } from './kpi-periods.js';
import type { PublishedGroupFigures, PublishedResultsRecord } from './records.js';

/** What is published: counts and rates of the property, of each request category and each team. */
export interface ResultsToPublish {
  propertyId: string;
  period: KpiPeriod;
  overall: SatisfactionFigures;
  byCategory: PublishedGroupFigures[];
  byTeam: PublishedGroupFigures[];
}

export const publishedResultsIdOf = (propertyId: string, period: KpiPeriod): string =>
  `satisfaction-results:${propertyId}:${period.label}`;

/**
 * Publishes a property's satisfaction results of an ended period to its residents (seed 003:
 * 征询意见, then tell the owners), once per property and period, never edited.
 *
 * No personal data: no respondent, no comment (free text may name anyone), and no per-technician
 * figure: a property has a handful of technicians, so a technician's rate names a person, and it
 * belongs to the internal grade assessment (seed 001-A), not to the estate's notice board. Groups
 * without a survey are left out; the rest keep their `significant` flag, so a category with three
 * answers is shown as such.
 */
export function publishResults(
  results: ResultsToPublish,
  context: CommandContext,
): Decision<PublishedResultsRecord> {
  const { propertyId, period } = results;
  requireStaffOf(context.actor, propertyId, RESULTS_PUBLISHERS, 'publish satisfaction results');
  if (!hasEnded(period, context.now)) {
    throw new DomainError('CONFLICT', 'PERIOD_NOT_ENDED', `${period.label} has not ended: publish it after`, {
      period: period.label,
      endsAt: period.to.toISOString(),
    });
  }
  const withSurveys = (groups: PublishedGroupFigures[]) => groups.filter((group) => group.surveys > 0);
  const record: PublishedResultsRecord = {
    _id: publishedResultsIdOf(propertyId, period),
    version: 1,
    createdAt: context.now,
    propertyId,
    periodKind: period.kind,
    periodLabel: period.label,
    overall: results.overall,
    byCategory: withSurveys(results.byCategory),
    byTeam: withSurveys(results.byTeam),
    publishedAt: context.now,
    publishedById: context.actor.subject,
  };
  const published = (figures: SatisfactionFigures) => ({
    surveys: figures.surveys,
    responses: figures.responses,
    satisfied: figures.satisfied,
    satisfactionRate: figures.satisfactionRate,
    averageScore: figures.averageScore,
    responseRate: figures.responseRate,
    significant: figures.significant,
  });
  return {
    record,
    events: [
      domainEvent(
        'satisfaction_results.published.v1',
        { id: record._id, propertyId },
        {
          resultsId: record._id,
          propertyId,
          periodKind: period.kind,
          period: period.label,
          from: period.from.toISOString(),
          to: period.to.toISOString(),
          target: results.overall.target,
          minimumSample: results.overall.minimumSample,
          overall: published(results.overall),
          byCategory: record.byCategory.map((group) => ({ key: group.key, ...published(group) })),
          byTeam: record.byTeam.map((group) => ({ key: group.key, ...published(group) })),
          publishedAt: context.now.toISOString(),
        },
        context,
      ),
    ],
  };
}
