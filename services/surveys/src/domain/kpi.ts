import type { Filter } from '@courtyard/kernel/domain';
import type { KpiPeriod } from './kpi-periods.js';
import { isSatisfied } from './responses.js';
import type { CampaignKind, SatisfactionFigures, SurveyMeasure, SurveyRecord } from './records.js';
import type { ServiceTeam } from './teams.js';

/** The company's own target (seed 000): at least 90 % of responses satisfied (a 4 or a 5). */
export const SATISFACTION_TARGET = 0.9;
/**
 * The default minimum sample (`KPI_MINIMUM_SAMPLE`): below it a rate is shown but marked not
 * significant. At 30 responses one answer moves the rate by 3.3 points (at 5, by 20), and near
 * the 90 % target the 95 % interval is still about ±11 points; fewer than 30 cannot tell 80 %
 * from the target, while a larger floor would mark most technicians' months not significant
 * (a technician's month is a few dozen resolved requests).
 */
export const MINIMUM_SAMPLE = 30;

export interface KpiOptions {
  target: number;
  minimumSample: number;
}
export const DEFAULT_KPI_OPTIONS: KpiOptions = { target: SATISFACTION_TARGET, minimumSample: MINIMUM_SAMPLE };

/** What a survey opened after service (campaign kind null) or by a campaign of `kind` measures. */
export const measuresOf = (kind: CampaignKind | null | undefined): SurveyMeasure =>
  kind === 'NEEDS' ? 'NEEDS' : 'SATISFACTION';

/** The only surveys a satisfaction figure counts (a needs survey is not asked how satisfied anyone is). */
export const COUNTED_MEASURE: SurveyMeasure = 'SATISFACTION';

/**
 * Which surveys a figure counts: satisfaction surveys (`measures: SATISFACTION`) opened in
 * [from, to) that match every given key.
 */
export interface KpiScope {
  propertyId?: string | null;
  category?: string | null;
  team?: ServiceTeam | null;
  technicianId?: string | null;
  from: Date;
  to: Date;
}

export type KpiSample = Pick<
  SurveyRecord,
  'measures' | 'propertyId' | 'category' | 'team' | 'technicianIds' | 'openedAt' | 'response'
>;

/**
 * What every figure is computed from: how many surveys were opened, and how many responses gave
 * each score (`scores[0]` counts the 1s, `scores[4]` the 5s). Tallies add up, so a scope's tally
 * can come from the surveys themselves or from counters kept per bucket.
 */
export interface KpiTally {
  surveys: number;
  scores: readonly [number, number, number, number, number];
}

export const EMPTY_TALLY: KpiTally = { surveys: 0, scores: [0, 0, 0, 0, 0] };

export type { SatisfactionFigures } from './records.js';

/** The predicate: does a survey count towards a figure of `scope`? */
export function inKpiScope(survey: KpiSample, scope: KpiScope): boolean {
  const t = survey.openedAt.getTime();
  return (
    survey.measures === COUNTED_MEASURE &&
    t >= scope.from.getTime() &&
    t < scope.to.getTime() &&
    (scope.propertyId == null || survey.propertyId === scope.propertyId) &&
    (scope.category == null || survey.category === scope.category) &&
    (scope.team == null || survey.team === scope.team) &&
    (scope.technicianId == null || survey.technicianIds.includes(scope.technicianId))
  );
}

/** Its MongoDB twin (`kpi.spec.ts` proves they agree); `measures` leads every figure's index. */
export function kpiFilter(scope: KpiScope): Filter {
  return {
    measures: COUNTED_MEASURE,
    openedAt: { $gte: scope.from, $lt: scope.to },
    ...(scope.propertyId != null ? { propertyId: scope.propertyId } : {}),
    ...(scope.category != null ? { category: scope.category } : {}),
    ...(scope.team != null ? { team: scope.team } : {}),
    ...(scope.technicianId != null ? { technicianIds: scope.technicianId } : {}),
  };
}

/** The tally of surveys already in scope: one pass, the reference every faster path must match. */
export function tallyOf(samples: Iterable<Pick<KpiSample, 'response'>>): KpiTally {
  let surveys = 0;
  const scores: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const sample of samples) {
    surveys += 1;
    const score = sample.response?.score;
    if (score != null && score >= 1 && score <= 5) scores[score - 1]! += 1;
  }
  return { surveys, scores };
}

/** The figures of a tally over a period. */
export function figuresOf(
  tally: KpiTally,
  period: Pick<KpiScope, 'from' | 'to'>,
  { target, minimumSample }: KpiOptions = DEFAULT_KPI_OPTIONS,
): SatisfactionFigures {
  let responses = 0;
  let satisfied = 0;
  let total = 0;
  tally.scores.forEach((count, index) => {
    const score = index + 1;
    responses += count;
    total += count * score;
    if (isSatisfied(score)) satisfied += count;
  });
  const satisfactionRate = responses === 0 ? null : satisfied / responses;
  return {
    from: period.from,
    to: period.to,
    surveys: tally.surveys,
    responses,
    satisfied,
    satisfactionRate,
    averageScore: responses === 0 ? null : total / responses,
    responseRate: tally.surveys === 0 ? null : responses / tally.surveys,
    target,
    meetsTarget: satisfactionRate === null ? null : satisfactionRate >= target,
    gapToTarget: satisfactionRate === null ? null : satisfactionRate - target,
    minimumSample,
    significant: responses >= minimumSample,
  };
}

/** The figures of one scope from the surveys it counts (already filtered by `kpiFilter`). */
export const satisfactionKpi = (
  samples: Iterable<Pick<KpiSample, 'response'>>,
  period: Pick<KpiScope, 'from' | 'to'>,
  options: KpiOptions = DEFAULT_KPI_OPTIONS,
): SatisfactionFigures => figuresOf(tallyOf(samples), period, options);

export const TREND_DIRECTIONS = ['UP', 'DOWN', 'FLAT', 'UNKNOWN'] as const;
export type TrendDirection = (typeof TREND_DIRECTIONS)[number];

/** How a period compares with the one before it. */
export interface SatisfactionTrendView {
  previous: SatisfactionKpiView;
  /** Change of the satisfaction rate (0.05 = five points better); null when either has no responses. */
  satisfactionRateChange: number | null;
  averageScoreChange: number | null;
  responseRateChange: number | null;
  /** Of the satisfaction rate; UNKNOWN when either period has no responses. */
  direction: TrendDirection;
  /** Both periods reach the minimum sample: only then is the change more than noise. */
  significant: boolean;
}

const change = (now: number | null, before: number | null) =>
  now === null || before === null ? null : now - before;

export function trendOf(current: SatisfactionFigures, previous: SatisfactionKpiView): SatisfactionTrendView {
  const rate = change(current.satisfactionRate, previous.satisfactionRate);
  return {
    previous,
    satisfactionRateChange: rate,
    averageScoreChange: change(current.averageScore, previous.averageScore),
    responseRateChange: change(current.responseRate, previous.responseRate),
    direction: rate === null ? 'UNKNOWN' : rate > 0 ? 'UP' : rate < 0 ? 'DOWN' : 'FLAT',
    significant: current.significant && previous.significant,
  };
}

/**
 * What `SatisfactionKpi` shows: the figures of a period, which period, and the trend against the
 * one before (null on that previous period itself).
 */
export interface SatisfactionKpiView extends SatisfactionFigures {
  period: KpiPeriod;
  trend: SatisfactionTrendView | null;
}

/** The figures of a period with its trend, from the tallies of the period and of the one before. */
export function kpiView(
  period: KpiPeriod,
  tally: KpiTally,
  previousPeriod: KpiPeriod,
  previousTally: KpiTally,
  options: KpiOptions = DEFAULT_KPI_OPTIONS,
): SatisfactionKpiView {
  const previous: SatisfactionKpiView = {
    ...figuresOf(previousTally, previousPeriod, options),
    period: previousPeriod,
    trend: null,
  };
  const current = figuresOf(tally, period, options);
  return { ...current, period, trend: trendOf(current, previous) };
}
