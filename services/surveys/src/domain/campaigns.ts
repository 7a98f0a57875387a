import {
  ALL_PROPERTIES,
  DomainError,
  domainEvent,
  parseInput,
  requireStaffOf,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { CAMPAIGN_RUNNERS, COMPANY_CAMPAIGN_RUNNERS } from './access.js';
import { createCampaignInput } from './inputs.js';
import type {
  CampaignAudience,
  CampaignRecord,
  CampaignResultRecord,
  InviteeRecord,
  InviteeReminderRecord,
  ResponseTally,
  SurveyRecord,
  SurveyTemplateRecord,
} from './records.js';
import { stateAt } from './responses.js';
import { measuresOf } from './kpi.js';
import { drawSample, seedOf } from './sampling.js';
import { currentVersionOf } from './templates.js';

/** One survey per campaign and household: a second start, or a replayed opening, hits the same `_id`. */
export const campaignSurveyIdOf = (campaignId: string, householdId: string): string =>
  `campaign-${campaignId}-${householdId}`;

/** The envelope's property of a company-wide campaign's own events: every property. */
const eventPropertyOf = (campaign: Pick<CampaignRecord, 'propertyId'>) =>
  campaign.propertyId ?? ALL_PROPERTIES;

function requireRunner(context: CommandContext, propertyId: string | null): void {
  if (propertyId === null) {
    requireStaffOf(context.actor, ALL_PROPERTIES, COMPANY_CAMPAIGN_RUNNERS, 'run company-wide campaigns');
  } else {
    requireStaffOf(context.actor, propertyId, CAMPAIGN_RUNNERS, 'run survey campaigns');
  }
}

/**
 * When the scheduler next has something to do for a campaign: start it, open its surveys,
 * send a reminder, or close it; null once it is closed. Stored (`wakeAt`, indexed), so a tick
 * reads only the campaigns due.
 */
export function wakeAtOf(
  campaign: Pick<
    CampaignRecord,
    'state' | 'opensAt' | 'closesAt' | 'surveysOpened' | 'remindAt' | 'remindersSent' | 'startedAt'
  >,
): Date | null {
  if (campaign.state === 'CLOSED') return null;
  if (campaign.state === 'SCHEDULED') return campaign.opensAt;
  if (!campaign.surveysOpened) return campaign.startedAt ?? campaign.opensAt;
  const reminder = campaign.remindAt[campaign.remindersSent];
  return reminder && reminder.getTime() < campaign.closesAt.getTime() ? reminder : campaign.closesAt;
}

/**
 * A campaign of a property (or company-wide, `propertyId` `*`): its template, window, audience
 * and reminders. A satisfaction campaign asks a template with a score question (its first is the
 * satisfaction score the KPIs count); a needs survey asks questions that each carry a theme and
 * opens in December (seed 004: 每年12月).
 */
export function createCampaign(
  input: unknown,
  template: SurveyTemplateRecord,
  context: CommandContext,
): Decision<CampaignRecord> {
  const valid = parseInput(createCampaignInput, input);
  const propertyId = valid.propertyId === ALL_PROPERTIES ? null : valid.propertyId;
  requireRunner(context, propertyId);
  if (template.propertyId !== null && template.propertyId !== propertyId) {
    throw new DomainError(
      'BAD_USER_INPUT',
      'TEMPLATE_OF_ANOTHER_PROPERTY',
      "A campaign asks its own property's templates or company-wide ones",
      { templateId: template._id },
    );
  }
  const questions = currentVersionOf(template).questions;
  if (template.purpose === 'POST_SERVICE') {
    throw new DomainError(
      'BAD_USER_INPUT',
      'WRONG_TEMPLATE_PURPOSE',
      'A post-service template is asked after a help request, not in a campaign',
      { templateId: template._id },
    );
  }
  if (valid.kind === 'SATISFACTION' && !questions.some((q) => q.kind === 'SCORE')) {
    throw new DomainError(
      'BAD_USER_INPUT',
      'TEMPLATE_WITHOUT_SCORE',
      'A satisfaction campaign needs a template with a score question (its first one is the satisfaction score)',
      { templateId: template._id },
    );
  }
  if (valid.kind === 'NEEDS') {
    const unthemed = questions.filter((q) => !q.theme).map((q) => q.id);
    if (unthemed.length > 0) {
      throw new DomainError(
        'BAD_USER_INPUT',
        'QUESTION_WITHOUT_THEME',
        `A needs survey groups its answers by theme; these questions have none: ${unthemed.join(', ')}`,
        { questionIds: unthemed },
      );
    }
    if (valid.opensAt.getUTCMonth() !== 11) {
      throw new DomainError(
        'BAD_USER_INPUT',
        'NEEDS_SURVEY_OUTSIDE_DECEMBER',
        'The needs survey for next year opens in December (seed 004)',
        { opensAt: valid.opensAt.toISOString() },
      );
    }
  }
  if (valid.closesAt.getTime() <= context.now.getTime()) {
    throw new DomainError('BAD_USER_INPUT', 'WINDOW_IN_THE_PAST', 'The window closes before now', {
      closesAt: valid.closesAt.toISOString(),
    });
  }
  const audience: CampaignAudience =
    valid.audience?.sampleSize != null
      ? { kind: 'SAMPLE_SIZE', size: valid.audience.sampleSize }
      : valid.audience?.sampleShare != null
        ? { kind: 'SAMPLE_SHARE', share: valid.audience.sampleShare }
        : { kind: 'ALL' };
  const record: CampaignRecord = {
    _id: context.newId(),
    version: 1,
    createdAt: context.now,
    propertyId,
    kind: valid.kind,
    name: valid.name,
    templateId: template._id,
    templateVersion: null,
    opensAt: valid.opensAt,
    closesAt: valid.closesAt,
    audience,
    remindAt: [...valid.remindAt].sort((a, b) => a.getTime() - b.getTime()),
    createdById: context.actor.subject,
    state: 'SCHEDULED',
    startedAt: null,
    invitees: [],
    surveysOpened: false,
    remindersSent: 0,
    closedAt: null,
    result: null,
    wakeAt: null,
  };
  return { record: { ...record, wakeAt: wakeAtOf(record) }, events: [] };
}

/** An occupied household as a campaign may ask it: who answers for it, and where it lives. */
export interface HouseholdCandidate {
  householdId: string;
  propertyId: string;
  respondentId: string;
  buildingId: string | null;
}

/**
 * The households a campaign asks: all of them, or a sample of a size or a share (rounded up, so
 * a share of a small property asks someone), drawn reproducibly from the campaign's id.
 */
export function audienceOf(
  campaignId: string,
  audience: CampaignAudience,
  households: readonly HouseholdCandidate[],
): HouseholdCandidate[] {
  const byId = new Map(households.map((h) => [h.householdId, h]));
  const size =
    audience.kind === 'ALL'
      ? byId.size
      : audience.kind === 'SAMPLE_SIZE'
        ? audience.size
        : Math.ceil(audience.share * byId.size);
  return drawSample([...byId.keys()], size, seedOf(campaignId)).map((id) => byId.get(id)!);
}

/**
 * Starts a scheduled campaign: draws its audience from the occupied households, pins the
 * template's current version, and publishes `campaign.started.v1`. `null` when it was started
 * already (a second start, a second scheduler): starting is idempotent. Staff start a
 * campaign early with `startCampaign`; the scheduler starts it at `opensAt`.
 */
export function startCampaign(
  campaign: CampaignRecord,
  template: SurveyTemplateRecord,
  households: readonly HouseholdCandidate[],
  context: CommandContext,
): Decision<CampaignRecord> | null {
  if (context.actor.role !== 'SYSTEM') requireRunner(context, campaign.propertyId);
  if (campaign.state === 'STARTED') return null;
  if (campaign.state === 'CLOSED') {
    throw new DomainError('CONFLICT', 'CAMPAIGN_CLOSED', `Campaign ${campaign._id} is closed`);
  }
  if (context.now.getTime() >= campaign.closesAt.getTime()) {
    throw new DomainError(
      'CONFLICT',
      'CAMPAIGN_WINDOW_PASSED',
      `Campaign ${campaign._id}'s window has passed`,
      {
        closesAt: campaign.closesAt.toISOString(),
      },
    );
  }
  const invitees: InviteeRecord[] = audienceOf(campaign._id, campaign.audience, households).map((h) => ({
    ...h,
    surveyId: campaignSurveyIdOf(campaign._id, h.householdId),
  }));
  const started: CampaignRecord = {
    ...campaign,
    state: 'STARTED',
    startedAt: context.now,
    templateVersion: template.currentVersion,
    invitees,
  };
  const record = { ...started, wakeAt: wakeAtOf(started) };
  return {
    record,
    events: [
      domainEvent(
        'campaign.started.v1',
        { id: record._id, propertyId: eventPropertyOf(record) },
        {
          campaignId: record._id,
          propertyId: record.propertyId,
          kind: record.kind,
          templateId: record.templateId,
          templateVersion: template.currentVersion,
          opensAt: record.opensAt.toISOString(),
          closesAt: record.closesAt.toISOString(),
          invited: invitees.length,
          startedAt: context.now.toISOString(),
        },
        context,
      ),
    ],
  };
}

/**
 * The survey of one invitee: the pinned template version's questions, open until the campaign
 * closes; a campaign survey is a survey like any other (answered with `answerSurvey`, its first
 * score counted by the satisfaction figures), with `survey.opened.v1`.
 */
export function openCampaignSurvey(
  campaign: CampaignRecord,
  template: SurveyTemplateRecord,
  invitee: InviteeRecord,
  context: CommandContext,
): Decision<SurveyRecord> {
  const version =
    template.versions.find((v) => v.version === campaign.templateVersion) ?? currentVersionOf(template);
  const record: SurveyRecord = {
    _id: invitee.surveyId,
    version: 1,
    createdAt: context.now,
    propertyId: invitee.propertyId,
    purpose: template.purpose,
    // A needs survey is left out of the satisfaction figures; a satisfaction campaign's is counted.
    measures: measuresOf(campaign.kind),
    templateId: template._id,
    templateVersion: version.version,
    anonymous: template.anonymous,
    questions: version.questions,
    respondentId: invitee.respondentId,
    helpRequestId: null,
    category: null,
    // A campaign asks about the property as a whole, not one team's work.
    team: null,
    ownerId: null,
    technicianIds: [],
    state: 'OPEN',
    openedAt: context.now,
    expiresAt: campaign.closesAt,
    response: null,
    requestClosedAt: null,
    campaignId: campaign._id,
    campaignKind: campaign.kind,
    householdId: invitee.householdId,
    buildingId: invitee.buildingId,
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
          // The resident asked (a notification needs them); answers stay detached when anonymous.
          respondentId: record.respondentId,
          helpRequestId: null,
          category: null,
          technicianIds: [],
          team: null,
          openedAt: record.openedAt.toISOString(),
          expiresAt: record.expiresAt.toISOString(),
          campaignId: campaign._id,
        },
        context,
      ),
    ],
  };
}

/** Every invitee's survey is open: the campaign goes on to its reminders. */
export function surveysOpened(campaign: CampaignRecord): CampaignRecord {
  const record = { ...campaign, surveysOpened: true };
  return { ...record, wakeAt: wakeAtOf(record) };
}

/**
 * The index into `remindAt` of the reminder due at `now`, or null (none due, or the window is
 * over). After an outage only the latest reminder that has come due is sent: the earlier ones
 * it overtook are skipped, so nobody gets two reminders at once.
 */
export function dueReminder(campaign: CampaignRecord, now: Date): number | null {
  if (campaign.state !== 'STARTED' || !campaign.surveysOpened) return null;
  if (now.getTime() >= campaign.closesAt.getTime()) return null;
  const come = campaign.remindAt.filter((at) => at.getTime() <= now.getTime()).length;
  return come > campaign.remindersSent ? come - 1 : null;
}

/**
 * The reminder due now, to the invitees who have not answered (their survey still open at
 * `now`): one `campaign.reminder_sent.v1` each (for a notifier to push or text) and the reminder
 * on the invitee (what the resident reads on their survey, `Survey.reminders`), in the same
 * write that counts the reminder as sent, so each household gets each reminder once. `null`
 * when none is due.
 */
export function sendReminder(
  campaign: CampaignRecord,
  surveys: ReadonlyArray<Pick<SurveyRecord, '_id' | 'state' | 'expiresAt' | 'respondentId' | 'householdId'>>,
  context: CommandContext,
): Decision<CampaignRecord> | null {
  const index = dueReminder(campaign, context.now);
  if (index === null) return null;
  const invited = new Set(campaign.invitees.map((i) => i.surveyId));
  const open = surveys.filter((s) => invited.has(s._id) && stateAt(s, context.now) === 'OPEN');
  const reminded = new Set(open.map((s) => s._id));
  const reminder = { number: index + 1, sentAt: context.now };
  const sent: CampaignRecord = {
    ...campaign,
    remindersSent: index + 1,
    // Each reminded household's own record of it, in the write that publishes its event.
    invitees: campaign.invitees.map((invitee) =>
      reminded.has(invitee.surveyId)
        ? { ...invitee, reminders: [...(invitee.reminders ?? []), reminder] }
        : invitee,
    ),
  };
  const record = { ...sent, wakeAt: wakeAtOf(sent) };
  return {
    record,
    events: open.map((survey) =>
      domainEvent(
        'campaign.reminder_sent.v1',
        { id: record._id, propertyId: eventPropertyOf(record) },
        {
          campaignId: record._id,
          surveyId: survey._id,
          householdId: survey.householdId ?? null,
          respondentId: survey.respondentId,
          reminder: index + 1,
          closesAt: record.closesAt.toISOString(),
          sentAt: context.now.toISOString(),
        },
        context,
      ),
    ),
  };
}

const tally = (invited: number, answered: number): ResponseTally => ({
  invited,
  answered,
  rate: invited === 0 ? null : answered / invited,
});

/** Invited, answered and the rate, overall and per building (buildings in id order, unknown last). */
export function responseRateOf(
  surveys: ReadonlyArray<Pick<SurveyRecord, 'state' | 'buildingId'>>,
): CampaignResultRecord {
  const buildings = new Map<string | null, { invited: number; answered: number }>();
  let answered = 0;
  for (const survey of surveys) {
    const key = survey.buildingId ?? null;
    const building = buildings.get(key) ?? { invited: 0, answered: 0 };
    building.invited += 1;
    if (survey.state === 'COMPLETED') {
      building.answered += 1;
      answered += 1;
    }
    buildings.set(key, building);
  }
  const byBuilding = [...buildings.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([buildingId, t]) => ({ buildingId, ...tally(t.invited, t.answered) }));
  return { ...tally(surveys.length, answered), byBuilding };
}

/**
 * Closes a campaign at the end of its window with its response rate (`campaign.closed.v1`); its
 * unanswered surveys are expired first (by the caller, with `expireSurvey`), so `surveys` are as
 * they stand. A campaign that never started (the service was down through its window) closes
 * with nobody invited. `null` before `closesAt`, or when it is closed already.
 */
export function closeCampaign(
  campaign: CampaignRecord,
  surveys: ReadonlyArray<Pick<SurveyRecord, '_id' | 'state' | 'buildingId'>>,
  context: CommandContext,
): Decision<CampaignRecord> | null {
  if (campaign.state === 'CLOSED' || context.now.getTime() < campaign.closesAt.getTime()) return null;
  const invited = new Set(campaign.invitees.map((i) => i.surveyId));
  const result = responseRateOf(surveys.filter((s) => invited.has(s._id)));
  const record: CampaignRecord = {
    ...campaign,
    state: 'CLOSED',
    closedAt: context.now,
    result,
    wakeAt: null,
  };
  return {
    record,
    events: [
      domainEvent(
        'campaign.closed.v1',
        { id: record._id, propertyId: eventPropertyOf(record) },
        {
          campaignId: record._id,
          propertyId: record.propertyId,
          kind: record.kind,
          invited: result.invited,
          answered: result.answered,
          responseRate: result.rate,
          byBuilding: result.byBuilding,
          closesAt: record.closesAt.toISOString(),
          closedAt: context.now.toISOString(),
        },
        context,
      ),
    ],
  };
}

/** The reminders a campaign's survey's household was sent, oldest first (none after service). */
export function remindersOf(
  campaign: Pick<CampaignRecord, 'invitees'> | null,
  surveyId: string,
): InviteeReminderRecord[] {
  return campaign?.invitees.find((invitee) => invitee.surveyId === surveyId)?.reminders ?? [];
}
