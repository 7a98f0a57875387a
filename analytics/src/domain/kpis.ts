import type { CloudEvent } from '@courtyard/kernel';
import { dayIn } from './calendar.js';
import { collectionFolds } from './collections.js';
import { NO_FIGURES, own, type DailyFigures } from './figures.js';
import { helpRequestFolds } from './help-requests.js';
import type { KpiFold } from './kpi-fold.js';
import { surveyFolds } from './surveys.js';

/**
 * Figures per property and calendar day. Bounded by properties × days (about 150 bytes each),
 * which is what lets a reference consumer keep its whole state in one MongoDB document:
 * 100 properties over three years stay under 20 % of the 16 MB limit.
 */
export interface KpiState {
  byProperty: Readonly<Record<string, Readonly<Record<string, DailyFigures>>>>;
}

export const NO_KPIS: KpiState = { byProperty: {} };

const FOLDS = new Map<string, KpiFold>(
  Object.entries({ ...helpRequestFolds, ...collectionFolds, ...surveyFolds }),
);

/**
 * Folds one event into the figures, or returns null when it moves none. Pure and keyed only by
 * the event (its property and its own timestamp), so the result does not depend on when or in
 * which interleaving of partitions it is consumed.
 */
export function apply(state: KpiState, event: CloudEvent, timeZone: string): KpiState | null {
  const effect = FOLDS.get(event.type)?.(event);
  if (!effect) return null;
  const day = dayIn(event.time, timeZone);
  const days = own(state.byProperty, effect.propertyId) ?? {};
  const figures = effect.change(own(days, day) ?? NO_FIGURES);
  return {
    byProperty: { ...state.byProperty, [effect.propertyId]: { ...days, [day]: figures } },
  };
}

/** True when the event moves a figure: only those need their id remembered against repeats. */
export const movesFigures = (event: CloudEvent): boolean => (FOLDS.get(event.type)?.(event) ?? null) !== null;
