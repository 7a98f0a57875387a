import { handlerOf, type EventHandler } from '@courtyard/kernel';
import { followUpFromSurvey } from '../../domain/survey-follow-up.js';
import type { HelpRequestRecord } from '../../domain/records.js';
import type { WorkOrdersRepository } from '../../repository/work-orders.repository.js';

/** What the reaction reads and writes, fresh per event (its loaders live as long as one reaction). */
export interface SurveyFollowUpRequests {
  load(id: string): Promise<HelpRequestRecord | null>;
  save: WorkOrdersRepository['saveHelpRequest'];
}

/**
 * A survey was completed in the surveys subgraph: when it is the phone follow-up (回访) of a
 * confirmed request, record it as the request's follow-up, exactly once. The update carries the
 * event as its cause, so a replay is recognised as already applied (and a replay after the
 * request moved on decides nothing anyway: it is no longer CONFIRMED).
 */
export const onSurveyCompleted = (requestsFor: () => SurveyFollowUpRequests): EventHandler =>
  handlerOf('survey.completed.v1', async (event, command) => {
    const { helpRequestId } = event.data;
    if (!helpRequestId) return;
    const requests = requestsFor();
    const request = await requests.load(helpRequestId);
    if (!request) return;
    const decision = followUpFromSurvey(request, event.data, command);
    if (decision) await requests.save(request, decision, command.causationId);
  });
