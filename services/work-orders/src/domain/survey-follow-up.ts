import type { CommandContext, Decision, EventDataByType } from '@courtyard/kernel/domain';
import { recordFollowUp } from './lifecycle.js';
import type { HelpRequestRecord } from './records.js';

type SurveyCompleted = EventDataByType['survey.completed.v1'];

/**
 * One follow-up, not two: a phone follow-up visit (回访) is recorded by staff as the request's
 * satisfaction survey in the surveys subgraph, and `survey.completed.v1` brings it here as the
 * follow-up of rule 7 (4 or 5: SATISFIED, the request may close; 1 to 3: UNSATISFIED, it reopens,
 * exactly as `recordHelpRequestFollowUp` does). `null` when it is not the follow-up of this request
 * now: a resident's own answer (satisfaction, not a visit), a survey without a score, or a request
 * not waiting for its follow-up (not CONFIRMED: already followed up, closed, or not confirmed yet).
 */
export function followUpFromSurvey(
  request: HelpRequestRecord,
  survey: SurveyCompleted,
  context: CommandContext,
): Decision<HelpRequestRecord> | null {
  if (survey.purpose !== 'POST_SERVICE' || survey.helpRequestId !== request._id) return null;
  if (survey.channel !== 'PHONE' || survey.satisfied === null || survey.score === null) return null;
  if (request.state !== 'CONFIRMED') return null;
  const by = survey.recordedById ? ` by ${survey.recordedById}` : '';
  return recordFollowUp(
    request,
    survey.satisfied ? 'SATISFIED' : 'UNSATISFIED',
    `phone follow-up${by}: score ${survey.score} (survey ${survey.surveyId})`,
    context,
  );
}
