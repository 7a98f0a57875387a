import { handlerOf, type EventHandler } from '@courtyard/kernel';
import { satisfactionSurveyIdOf } from '../../domain/after-service.js';
import type { AfterServiceSurveys } from '../../repository/after-service.repository.js';

/**
 * A help request was closed: record when on its survey, and nothing more. Closing does not
 * close the survey window: a request closes after a satisfied follow-up, and when that was
 * recorded the old way (recordHelpRequestFollowUp, no survey response) the resident has not
 * been heard yet; cutting the window at closing would drop exactly those answers and bias the
 * response rate. The survey expires on its own clock. Applied once: the update carries the
 * event as its cause; a replay is recognised, and a request without a survey changes nothing.
 */
export const onWorkOrderClosed = (
  surveys: Pick<AfterServiceSurveys, 'survey' | 'recordRequestClosed'>,
): EventHandler =>
  handlerOf('workorder.closed.v1', async (event, command) => {
    const survey = await surveys.survey(satisfactionSurveyIdOf(event.data.helpRequestId));
    if (!survey || survey.requestClosedAt) return;
    await surveys.recordRequestClosed(survey, new Date(event.data.occurredAt), command.causationId);
  });
