import { domainEvent, type CommandContext, type Decision } from '@courtyard/kernel/domain';
import type { SurveyRecord } from './records.js';

/**
 * Marks an open survey past its `expiresAt` as EXPIRED, with `survey.expired.v1`; `null` when
 * there is nothing to do (answered, already expired, not due yet), so running it again, or on a
 * second scheduler, decides nothing new.
 */
export function expireSurvey(survey: SurveyRecord, context: CommandContext): Decision<SurveyRecord> | null {
  if (survey.state !== 'OPEN' || context.now.getTime() < survey.expiresAt.getTime()) return null;
  const record: SurveyRecord = { ...survey, state: 'EXPIRED' };
  return {
    record,
    events: [
      domainEvent(
        'survey.expired.v1',
        { id: record._id, propertyId: record.propertyId },
        {
          surveyId: record._id,
          propertyId: record.propertyId,
          purpose: record.purpose,
          helpRequestId: record.helpRequestId,
          respondentId: record.anonymous ? null : record.respondentId,
          openedAt: record.openedAt.toISOString(),
          expiresAt: record.expiresAt.toISOString(),
          expiredAt: context.now.toISOString(),
        },
        context,
      ),
    ],
  };
}
