import { handlerOf, type EventHandler } from '@courtyard/kernel';
import {
  openSatisfactionSurvey,
  resolvedRequestDetails,
  satisfactionSurveyIdOf,
} from '../../domain/after-service.js';
import { postServiceTemplateFor } from '../../domain/templates.js';
import type { AfterServiceSurveys } from '../../repository/after-service.repository.js';

/**
 * A help request was resolved: open its satisfaction survey for the requester, once per
 * request. A request resolved again after a reopen already has its survey (skipped here); a
 * replay of the same event after a crash hits the survey's derived `_id` in the one insert.
 * Who asked and who worked on it come in the event: surveys reads no other subgraph.
 */
export const onWorkOrderResolved = (
  surveys: Pick<AfterServiceSurveys, 'exists' | 'postServiceTemplates' | 'open'>,
  expiryDays: number,
): EventHandler =>
  handlerOf('workorder.resolved.v1', async (event, command, context) => {
    const { helpRequestId, propertyId } = event.data;
    const details = resolvedRequestDetails(event.data);
    if (!details) {
      context.logger.warn({ helpRequestId }, 'resolved before the event named its requester: no survey');
      return;
    }
    if (await surveys.exists(satisfactionSurveyIdOf(helpRequestId))) return;
    const template = postServiceTemplateFor(propertyId, await surveys.postServiceTemplates(propertyId));
    await surveys.open(
      openSatisfactionSurvey(event.data, details, template, expiryDays, command),
      command.causationId,
    );
  });
