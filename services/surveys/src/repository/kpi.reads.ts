import {
  actsForProperty,
  DomainError,
  MATCHES_NOTHING,
  propertyScopeFilter,
  type Caller,
  type Filter,
} from '@courtyard/kernel';
import type { PipelineStage } from 'mongoose';
import {
  EMPTY_TALLY,
  figuresOf,
  kpiFilter,
  kpiView,
  type KpiOptions,
  type KpiScope,
  type KpiTally,
  type SatisfactionKpiView,
} from '../domain/kpi.js';
import { periodOf, previousPeriod, type KpiPeriod, type PeriodArgs } from '../domain/kpi-periods.js';
import type { ResultsToPublish } from '../domain/published-results.js';
import type { ServiceTeam } from '../domain/teams.js';
import { canReadFigures, canReadTechnicianFigures } from '../domain/visibility.js';
import type { SurveysModels } from './models.js';

/** What a figure is asked for: its scope keys and its period (named, or from and to). */
export interface KpiArgs extends PeriodArgs {
  propertyId?: string | null;
  category?: string | null;
  team?: ServiceTeam | null;
  technicianId?: string | null;
}

/**
 * The scopes a `{ measures: 1, …keys, response.score: 1, openedAt: 1 }` index serves (models.ts
 * declares one each; kpi.reads.spec.ts keeps the two in step): a count of one score in a period
 * is then bounded by the index alone. Every figure's filter has `measures` (`kpiFilter`).
 */
export const COUNTED_SCOPES: ReadonlyArray<readonly string[]> = [
  ['measures', 'propertyId'],
  ['measures', 'propertyId', 'team'],
  ['measures', 'propertyId', 'category'],
  ['measures', 'propertyId', 'technicianIds'],
  ['measures', 'propertyId', 'team', 'technicianIds'],
  ['measures', 'technicianIds'],
];

const countedKeys = COUNTED_SCOPES.map((keys) => [...keys].sort().join(','));

export const countedInIndex = (filter: Filter): boolean =>
  countedKeys.includes(
    Object.keys(filter)
      .filter((key) => key !== 'openedAt')
      .sort()
      .join(','),
  );

type ScoreRow = { _id: number | null; n: number };
type GroupRow = { _id: { key: string | null; score: number | null }; n: number };

/** A tally from rows of (score, count): a null score is a survey without a response. */
function tallyOfRows(rows: ReadonlyArray<{ score: number | null; n: number }>): KpiTally {
  let surveys = 0;
  const scores: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const { score, n } of rows) {
    surveys += n;
    if (score != null && score >= 1 && score <= 5) scores[score - 1]! += n;
  }
  return { surveys, scores };
}

/**
 * The satisfaction figures (of satisfaction surveys only: needs surveys are left out by
 * `measures`), counted by the store, never by reading the surveys here: the common scopes (a
 * property; a property's team, category, technician or team and technician; a technician) by index counts,
 * any other by one `$match` and `$group` by score. The pure `satisfactionKpi` over the surveys
 * themselves is the reference these counts are checked against (e2e and `bench:surveys`).
 */
export class KpiReads {
  constructor(
    private readonly models: SurveysModels,
    private readonly options: KpiOptions & { timeZone: string },
  ) {}

  periodOf(args: PeriodArgs): KpiPeriod {
    return periodOf(args, this.options.timeZone);
  }

  /**
   * The scope within the caller's properties, as one flat filter (the store plans an index from
   * a filter's top-level keys): a named property the caller does not act for matches nothing.
   */
  private match(caller: Caller, scope: KpiScope): Filter {
    if (scope.propertyId != null)
      return actsForProperty(caller, scope.propertyId) ? kpiFilter(scope) : MATCHES_NOTHING;
    return { ...kpiFilter(scope), ...propertyScopeFilter(caller) };
  }

  async tally(caller: Caller, scope: KpiScope): Promise<KpiTally> {
    const filter = this.match(caller, scope);
    return countedInIndex(filter) ? this.countedTally(filter) : this.aggregatedTally(filter);
  }

  /**
   * Six counts, each answered from a `{ …scope, response.score, openedAt }` index alone (the
   * store reads no survey: MongoDB's COUNT_SCAN, the launcher's index count): the unanswered
   * surveys and the responses of each score.
   */
  private async countedTally(filter: Filter): Promise<KpiTally> {
    const [unanswered, ...scores] = await Promise.all(
      [null, 1, 2, 3, 4, 5].map((score) =>
        this.models.Survey.countDocuments({ ...filter, 'response.score': score }),
      ),
    );
    return {
      surveys: unanswered! + scores.reduce((a, b) => a + b, 0),
      scores: scores as unknown as KpiTally['scores'],
    };
  }

  /** Any other scope: one `$match` (served by the best index) and one `$group` by score. */
  private async aggregatedTally(filter: Filter): Promise<KpiTally> {
    const rows = await this.models.Survey.aggregate<ScoreRow>([
      { $match: filter },
      { $group: { _id: '$response.score', n: { $sum: 1 } } },
    ] as PipelineStage[]);
    return rows.length === 0 ? EMPTY_TALLY : tallyOfRows(rows.map((row) => ({ score: row._id, n: row.n })));
  }

  /** One tally per value of `field` (request category or team) in one pass; surveys without one are left out. */
  async talliesBy(
    caller: Caller,
    scope: KpiScope,
    field: 'category' | 'team',
  ): Promise<Map<string, KpiTally>> {
    const rows = await this.models.Survey.aggregate<GroupRow>([
      { $match: this.match(caller, scope) },
      { $group: { _id: { key: `$${field}`, score: '$response.score' }, n: { $sum: 1 } } },
    ] as PipelineStage[]);
    const byKey = new Map<string, Array<{ score: number | null; n: number }>>();
    for (const row of rows) {
      if (row._id.key == null) continue;
      byKey.set(row._id.key, [...(byKey.get(row._id.key) ?? []), { score: row._id.score ?? null, n: row.n }]);
    }
    return new Map([...byKey].map(([key, list]) => [key, tallyOfRows(list)]));
  }

  /** The figures of a scope in a period, with the previous period of the same length beside them. */
  async figures(caller: Caller, args: KpiArgs): Promise<SatisfactionKpiView> {
    const period = this.periodOf(args);
    const before = previousPeriod(period, this.options.timeZone);
    const keys = {
      propertyId: args.propertyId ?? null,
      category: args.category ?? null,
      team: args.team ?? null,
      technicianId: args.technicianId ?? null,
    };
    const [now, previous] = await Promise.all([
      this.tally(caller, { ...keys, from: period.from, to: period.to }),
      this.tally(caller, { ...keys, from: before.from, to: before.to }),
    ]);
    return kpiView(period, now, before, previous, this.options);
  }

  /** A property's figures of a period, overall and per request category and team: what publishing needs. */
  async resultsOf(caller: Caller, propertyId: string, args: PeriodArgs): Promise<ResultsToPublish> {
    const period = this.periodOf(args);
    const scope = { propertyId, from: period.from, to: period.to };
    const [overall, byCategory, byTeam] = await Promise.all([
      this.tally(caller, scope),
      this.talliesBy(caller, scope, 'category'),
      this.talliesBy(caller, scope, 'team'),
    ]);
    const groups = (tallies: Map<string, KpiTally>) =>
      [...tallies]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, tally]) => ({ key, ...figuresOf(tally, period, this.options) }));
    return {
      propertyId,
      period,
      overall: figuresOf(overall, period, this.options),
      byCategory: groups(byCategory),
      byTeam: groups(byTeam),
    };
  }

  /** `satisfactionKpi`: staff of the property (the gate checked the scope); a technician's figures to those who may read them. */
  async satisfactionKpi(
    caller: Caller,
    args: KpiArgs & { propertyId: string },
  ): Promise<SatisfactionKpiView> {
    if (args.technicianId != null && !canReadTechnicianFigures(caller, args.technicianId)) {
      throw new DomainError(
        'FORBIDDEN',
        'TECHNICIAN_FIGURES_NOT_ALLOWED',
        "A technician's figures are for supervisors and above, quality inspectors and the technician",
        { technicianId: args.technicianId },
      );
    }
    return this.figures(caller, args);
  }

  /** `Property.satisfaction`: null for anyone but staff of the property. */
  propertyKpi(caller: Caller, propertyId: string, args: KpiArgs): Promise<SatisfactionKpiView | null> {
    return canReadFigures(caller, propertyId)
      ? this.figures(caller, { ...args, propertyId })
      : Promise.resolve(null);
  }

  /** `Staff.satisfaction`: their work, in the caller's properties; null for those who may not read it. */
  staffKpi(caller: Caller, technicianId: string, args: KpiArgs): Promise<SatisfactionKpiView | null> {
    const allowed =
      canReadFigures(caller, args.propertyId ?? null) && canReadTechnicianFigures(caller, technicianId);
    return allowed ? this.figures(caller, { ...args, technicianId }) : Promise.resolve(null);
  }
}
