import {
  domainEvent,
  type CommandContext,
  type Decision,
  type EventDataByType,
} from '@courtyard/kernel/domain';
import type { SurveyRecord, SurveyTemplateRecord } from './records.js';
import { teamOf } from './teams.js';
import { currentVersionOf } from './templates.js';

/** Who asked and who did the work, as `workorder.resolved.v1` carries them. */
export interface ResolvedRequestDetails {
  requesterId: string | null;
  assigneeIds: string[];
}

/**
 * The respondent and the technicians of a resolved request, from its event. Events published
 * before work-orders added them (a compatible edit of v1) carry neither: no survey can be
 * addressed for those, and `null` says so.
 */
export function resolvedRequestDetails(
  resolved: EventDataByType['workorder.resolved.v1'],
): ResolvedRequestDetails | null {
  if (resolved.requesterId === undefined) return null;
  return { requesterId: resolved.requesterId, assigneeIds: resolved.assigneeIds ?? [] };
}

/**
 * One satisfaction survey per help request: its id derives from the request's, so a second
 * `workorder.resolved.v1` for it (a replay, or a resolution after a reopen) hits the same `_id`.
 */
export const satisfactionSurveyIdOf = (helpRequestId: string): string => `satisfaction-${helpRequestId}`;

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A request was resolved: ask its requester how it went, for `expiryDays` days. */
export function openSatisfactionSurvey(
  resolved: EventDataByType['workorder.resolved.v1'],
  details: ResolvedRequestDetails,
  template: SurveyTemplateRecord,
  expiryDays: number,
  context: CommandContext,
): Decision<SurveyRecord> {
  const version = currentVersionOf(template);
  const expiresAt = new Date(context.now.getTime() + expiryDays * DAY_MS);
  const record: SurveyRecord = {
    _id: satisfactionSurveyIdOf(resolved.helpRequestId),
    version: 1,
    createdAt: context.now,
    propertyId: resolved.propertyId,
    purpose: 'POST_SERVICE',
    measures: 'SATISFACTION',
    templateId: template._id,
    templateVersion: version.version,
    anonymous: template.anonymous,
    questions: version.questions,
    respondentId: details.requesterId,
    helpRequestId: resolved.helpRequestId,
    category: resolved.category,
    ownerId: resolved.ownerId,
    team: teamOf(resolved.category),
    technicianIds: [...new Set(details.assigneeIds)],
    state: 'OPEN',
    openedAt: context.now,
    expiresAt,
    response: null,
    requestClosedAt: null,
  };
  return {
    record,
    events: [
      domainEvent(
        'survey.opened.v1',
        { id: record._id, propertyId: record.propertyId },
        {
          surveyId: record._id,
          propertyId: record.propertyId,
          purpose: record.purpose,
          templateId: record.templateId,
          templateVersion: record.templateVersion,
          anonymous: record.anonymous,
          respondentId: record.respondentId,
          helpRequestId: record.helpRequestId,
          category: record.category,
          technicianIds: record.technicianIds,
          team: record.team,
          openedAt: record.openedAt.toISOString(),
          expiresAt: record.expiresAt.toISOString(),
        },
        context,
      ),
    ],
  };
}
