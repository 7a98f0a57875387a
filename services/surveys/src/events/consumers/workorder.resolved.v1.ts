import { handlerOf, type EventHandler } from '@courtyard/kernel';
import { openSatisfactionSurvey, satisfactionSurveyIdOf } from '../../domain/after-service.js';
import { postServiceTemplateFor } from '../../domain/templates.js';
import type { AfterServiceSurveys } from '../../repository/after-service.repository.js';
import type { HelpRequestDirectory } from '../work-orders-directory.js';

/**
 * A help request was resolved: open its satisfaction survey for the requester, once per
 * request. A request resolved again after a reopen already has its survey (skipped here); a
 * replay of the same event after a crash hits the survey's derived `_id` in the one insert.
 */
export const onWorkOrderResolved = (
  surveys: Pick<AfterServiceSurveys, 'exists' | 'postServiceTemplates' | 'open'>,
  directory: HelpRequestDirectory,
  expiryDays: number,
): EventHandler =>
  handlerOf('workorder.resolved.v1', async (event, command) => {
    const { helpRequestId, propertyId } = event.data;
    if (await surveys.exists(satisfactionSurveyIdOf(helpRequestId))) return;
    const [details, templates] = await Promise.all([
      directory.detailsOf(helpRequestId),
      surveys.postServiceTemplates(propertyId),
    ]);
    const template = postServiceTemplateFor(propertyId, templates);
    await surveys.open(
      openSatisfactionSurvey(event.data, details, template, expiryDays, command),
      command.causationId,
    );
  });
