import type { Filter } from '@courtyard/kernel/domain';
import { isSatisfied } from './responses.js';
import type { SurveyRecord } from './records.js';

/** The company's own target (seed 000): at least 90 % of responses satisfied (a 4 or a 5). */
export const SATISFACTION_TARGET = 0.9;
/**
 * Below this many responses a rate is shown but marked not significant: with 30 responses one
 * answer moves the rate by 3.3 points, with 5 by 20.
 */
export const MINIMUM_SAMPLE = 30;

/** Which surveys a figure counts: those opened in [from, to) that match every given key. */
export interface KpiScope {
  propertyId?: string | null;
  category?: string | null;
  technicianId?: string | null;
  from: Date;
  to: Date;
}

export type KpiSample = Pick<
  SurveyRecord,
  'propertyId' | 'category' | 'technicianIds' | 'openedAt' | 'response'
>;

export interface SatisfactionFigures {
  from: Date;
  to: Date;
  /** Surveys opened in the period (each an invitation to answer). */
  surveys: number;
  /** Of those, answered with a score (by the resident or on a phone follow-up). */
  responses: number;
  /** Responses scoring 4 or 5. */
  satisfied: number;
  /** satisfied / responses; null without responses. */
  satisfactionRate: number | null;
  averageScore: number | null;
  /** responses / surveys; null without surveys. */
  responseRate: number | null;
  target: number;
  /** Whether the rate reaches the target; null without responses. */
  meetsTarget: boolean | null;
  minimumSample: number;
  /** responses ≥ minimumSample: below it, the rates are shown but not to be relied on. */
  significant: boolean;
}

/** The predicate: does a survey count towards a figure of `scope`? */
export function inKpiScope(survey: KpiSample, scope: KpiScope): boolean {
  const t = survey.openedAt.getTime();
  return (
    t >= scope.from.getTime() &&
    t < scope.to.getTime() &&
    (scope.propertyId == null || survey.propertyId === scope.propertyId) &&
    (scope.category == null || survey.category === scope.category) &&
    (scope.technicianId == null || survey.technicianIds.includes(scope.technicianId))
  );
}

/** Its MongoDB twin (`kpi.spec.ts` proves they agree). */
export function kpiFilter(scope: KpiScope): Filter {
  return {
    openedAt: { $gte: scope.from, $lt: scope.to },
    ...(scope.propertyId != null ? { propertyId: scope.propertyId } : {}),
    ...(scope.category != null ? { category: scope.category } : {}),
    ...(scope.technicianId != null ? { technicianIds: scope.technicianId } : {}),
  };
}

/** The figures of one scope from the surveys it counts (already filtered by `kpiFilter`). */
export function satisfactionKpi(
  samples: Iterable<Pick<KpiSample, 'response'>>,
  period: Pick<KpiScope, 'from' | 'to'>,
  { target = SATISFACTION_TARGET, minimumSample = MINIMUM_SAMPLE } = {},
): SatisfactionFigures {
  let surveys = 0;
  let responses = 0;
  let satisfied = 0;
  let total = 0;
  for (const sample of samples) {
    surveys += 1;
    const score = sample.response?.score;
    if (score == null) continue;
    responses += 1;
    total += score;
    if (isSatisfied(score)) satisfied += 1;
  }
  const satisfactionRate = responses === 0 ? null : satisfied / responses;
  return {
    from: period.from,
    to: period.to,
    surveys,
    responses,
    satisfied,
    satisfactionRate,
    averageScore: responses === 0 ? null : total / responses,
    responseRate: surveys === 0 ? null : responses / surveys,
    target,
    meetsTarget: satisfactionRate === null ? null : satisfactionRate >= target,
    minimumSample,
    significant: responses >= minimumSample,
  };
}
