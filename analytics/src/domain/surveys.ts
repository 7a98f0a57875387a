import type { CloudEvent, EventDataByType } from '@courtyard/kernel';
import { recordSatisfaction } from './figures.js';
import type { KpiFold } from './kpi-fold.js';

type SurveyCompleted = EventDataByType['survey.completed.v1'];

/**
 * Satisfaction comes from surveys (issue 22, "one follow-up, not two"): every completed survey
 * with a score counts once, answered by the resident or recorded by staff on a phone follow-up
 * (回访), satisfied at 4 or 5. The work-order follow-up event a phone survey causes is the same
 * visit, so it no longer counts here (see help-requests.ts). A December needs survey's answers
 * (`measures: NEEDS`) are not satisfaction and are left out, as the surveys subgraph's own
 * figures leave them out. The cast is safe: an event reaches a fold only after its published
 * JSON Schema accepted it.
 */
export const surveyFolds: Readonly<Record<string, KpiFold>> = {
  'survey.completed.v1': (event: CloudEvent) => {
    const { propertyId, satisfied, measures } = event.data as SurveyCompleted;
    if (satisfied === null || measures === 'NEEDS') return null;
    return { propertyId, change: recordSatisfaction(satisfied) };
  },
};
