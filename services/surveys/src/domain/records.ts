import type { KpiPeriodKind } from './kpi-periods.js';
import type { ServiceTeam } from './teams.js';

/** The surveys subgraph's records, as stored (one MongoDB document each). */
interface Aggregate {
  _id: string;
  version: number;
  createdAt: Date;
}

export const QUESTION_KINDS = ['SCORE', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TEXT'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const SURVEY_PURPOSES = ['POST_SERVICE', 'GENERAL'] as const;
export type SurveyPurpose = (typeof SURVEY_PURPOSES)[number];

/** One question of a template version; `options` only for the choice kinds (else empty). */
export interface Question {
  id: string;
  kind: QuestionKind;
  text: string;
  required: boolean;
  options: string[];
  /** What a needs-survey question is about (seed 004), so its answers group by theme; else null. */
  theme?: NeedsTheme | null;
}

/**
 * The themes of the December needs survey, from the property-management service catalogue of
 * the seeds (F002 E §二, research/seeds-002-004.md §4.3): next year's plan is drawn up per theme.
 */
export const NEEDS_THEMES = [
  'CLEANING',
  'LANDSCAPING',
  'SECURITY_AND_TRAFFIC',
  'VEHICLES_AND_PARKING',
  'EQUIPMENT_AND_FACILITIES',
  'BUILDING_MAINTENANCE',
  'HOUSEKEEPING',
  'SMART_SERVICES',
  'COMMUNITY_CULTURE',
  'COMMUNICATION',
  'OTHER',
] as const;
export type NeedsTheme = (typeof NEEDS_THEMES)[number];

export interface TemplateVersion {
  version: number;
  questions: Question[];
  publishedAt: Date;
  publishedById: string;
}

/**
 * A survey template: versioned questions, for one property or company-wide (`propertyId`
 * null). A survey pins the version it was opened with and keeps a copy of its questions, so a
 * revision never changes what a respondent was asked.
 */
export interface SurveyTemplateRecord extends Aggregate {
  propertyId: string | null;
  name: string;
  purpose: SurveyPurpose;
  anonymous: boolean;
  currentVersion: number;
  versions: TemplateVersion[];
}

export type AnswerRecord =
  | { questionId: string; kind: 'SCORE'; score: number }
  | { questionId: string; kind: 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE'; choices: string[] }
  | { questionId: string; kind: 'TEXT'; text: string };

export const RESPONSE_CHANNELS = ['RESIDENT', 'PHONE'] as const;
export type ResponseChannel = (typeof RESPONSE_CHANNELS)[number];

export interface SurveyResponseRecord {
  channel: ResponseChannel;
  answers: AnswerRecord[];
  /** The first score question's answer: what the satisfaction figures count. */
  score: number | null;
  /** Staff who recorded a phone follow-up; null when the resident answered. */
  recordedById: string | null;
  note: string | null;
  at: Date;
}

/**
 * What a survey's answers are for, stored on it and leading the satisfaction figures' indexes:
 * `SATISFACTION` (after service, phone follow-ups, satisfaction campaigns) is counted by the
 * figures; `NEEDS` (the December needs survey, seed 004) feeds `needsSurveyResults` only, so its
 * mostly unscored answers neither dilute a response rate nor move a satisfaction rate.
 */
export const SURVEY_MEASURES = ['SATISFACTION', 'NEEDS'] as const;
export type SurveyMeasure = (typeof SURVEY_MEASURES)[number];

export const SURVEY_STATES = ['OPEN', 'COMPLETED', 'EXPIRED'] as const;
export type SurveyState = (typeof SURVEY_STATES)[number];

export interface SurveyRecord extends Aggregate {
  propertyId: string;
  purpose: SurveyPurpose;
  /** Whether the satisfaction figures count it (`measuresOf` its campaign kind); set when it is opened. */
  measures: SurveyMeasure;
  templateId: string;
  templateVersion: number;
  anonymous: boolean;
  questions: Question[];
  /** The resident asked to answer (the help request's requester); null if it had none. */
  respondentId: string | null;
  /** After service: the request, its category, first-contact owner and assignees. */
  helpRequestId: string | null;
  category: string | null;
  ownerId: string | null;
  /** The service team whose work it asks about (`teamOf` the category, when it was opened); null before teams were recorded. */
  team: ServiceTeam | null;
  technicianIds: string[];
  /** Stored state; an OPEN survey past `expiresAt` reads as EXPIRED (`stateAt`). */
  state: SurveyState;
  openedAt: Date;
  expiresAt: Date;
  response: SurveyResponseRecord | null;
  /** When its help request was closed (workorder.closed.v1): recorded only, the window stays. */
  requestClosedAt: Date | null;
  /** A campaign's survey: the campaign, its kind, and the household (and building) asked; else absent. */
  campaignId?: string | null;
  campaignKind?: CampaignKind | null;
  householdId?: string | null;
  buildingId?: string | null;
}

/** The satisfaction figures of one scope and period (computed in `kpi.ts`; stored when published). */
export interface SatisfactionFigures {
  from: Date;
  to: Date;
  /** Surveys opened in the period (each an invitation to answer). */
  surveys: number;
  /** Of those, answered with a score (by the resident or on a phone follow-up). */
  responses: number;
  /** Responses scoring 4 or 5. */
  satisfied: number;
  /** satisfied / responses; null without responses. */
  satisfactionRate: number | null;
  averageScore: number | null;
  /** responses / surveys; null without surveys. */
  responseRate: number | null;
  target: number;
  /** Whether the rate reaches the target; null without responses. */
  meetsTarget: boolean | null;
  /** satisfactionRate − target (negative: short of it); null without responses. */
  gapToTarget: number | null;
  minimumSample: number;
  /** responses ≥ minimumSample: below it, the rates are shown but not to be relied on. */
  significant: boolean;
}

/** Figures of one group of a published result (a request category or a service team). */
export interface PublishedGroupFigures extends SatisfactionFigures {
  key: string;
}

/**
 * A property's satisfaction results as published to its residents (seed 003), once per property
 * and period (`_id` derived from both), never edited: counts and rates only, no person.
 */
export interface PublishedResultsRecord extends Aggregate {
  propertyId: string;
  periodKind: KpiPeriodKind;
  periodLabel: string;
  overall: SatisfactionFigures;
  byCategory: PublishedGroupFigures[];
  byTeam: PublishedGroupFigures[];
  publishedAt: Date;
  publishedById: string;
}

/** A resident and the property they live at, projected from `resident.registered.v1` (`_id` = resident id). */
export interface ResidentOfPropertyRecord extends Aggregate {
  propertyId: string;
}

export const CALL_BACK_CADENCES = ['MONTHLY', 'QUARTERLY'] as const;
export type CallBackCadence = (typeof CALL_BACK_CADENCES)[number];

/**
 * A property's call-back schedule (seed 004), projected from `property.created.v1` (`_id` = the
 * property's id). `nextDueAt` is when the scheduler next has a call-back to create.
 */
export interface CallBackScheduleRecord extends Aggregate {
  name: string;
  handoverAt: Date;
  /** Where the handover date came from: the property's creation, until staff set it. */
  handoverSource: 'PROPERTY_CREATED' | 'SET_BY_STAFF';
  nextDueAt: Date;
}

/** One call-back: period `period` after handover (0–11 monthly, then quarterly). */
export interface CallBackRecord extends Aggregate {
  propertyId: string;
  period: number;
  cadence: CallBackCadence;
  dueAt: Date;
  handoverAt: Date;
  state: CallBackState;
  /** Recorded by office staff when the call-back was made; null while it is due. */
  completion: CallBackCompletionRecord | null;
}

export const CALL_BACK_STATES = ['DUE', 'COMPLETED'] as const;
export type CallBackState = (typeof CALL_BACK_STATES)[number];

export interface CallBackCompletionRecord {
  at: Date;
  byId: string;
  /** Households reached by the call-back. */
  householdsReached: number;
  note: string | null;
}

/** A unit as surveys keeps it (from `unit.created.v1`): which building a household lives in. */
export interface UnitRecord extends Aggregate {
  propertyId: string;
  buildingId: string;
}

export interface HouseholdMemberRecord {
  residentId: string;
  relation: string;
  movedInOn: string;
}

/**
 * A household as surveys keeps it (`_id` = the residents subgraph's household id), from
 * `resident.moved_in.v1` / `resident.moved_out.v1`: its current members, in the order they moved
 * in. Occupied while it has one.
 */
export interface HouseholdRecord extends Aggregate {
  propertyId: string;
  unitId: string;
  members: HouseholdMemberRecord[];
}

export const CAMPAIGN_KINDS = ['SATISFACTION', 'NEEDS'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

export const CAMPAIGN_STATES = ['SCHEDULED', 'STARTED', 'CLOSED'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

/** Who a campaign asks: every occupied household, or a sample of a size or a share of them. */
export type CampaignAudience =
  { kind: 'ALL' } | { kind: 'SAMPLE_SIZE'; size: number } | { kind: 'SAMPLE_SHARE'; share: number };

/** One household asked by a started campaign, and the survey it was sent. */
export interface InviteeRecord {
  householdId: string;
  respondentId: string;
  propertyId: string;
  buildingId: string | null;
  surveyId: string;
  /**
   * The reminders this household was sent (its survey still open then), oldest first: what the
   * resident reads on their survey (`Survey.reminders`). Absent on invitees stored before it.
   */
  reminders?: InviteeReminderRecord[];
}

/** One reminder as a household got it: which of the campaign's (1 = the first), and when. */
export interface InviteeReminderRecord {
  number: number;
  sentAt: Date;
}

/** Invited, answered and their rate, overall or for one building. */
export interface ResponseTally {
  invited: number;
  answered: number;
  /** answered / invited; null with nobody invited. */
  rate: number | null;
}

export interface CampaignResultRecord extends ResponseTally {
  byBuilding: Array<ResponseTally & { buildingId: string | null }>;
}

/**
 * A satisfaction campaign (seed 003: every half year) or the December needs survey (seed 004)
 * of one property, or company-wide (`propertyId` null). Started at `opensAt` by the scheduler
 * (or at once by `startCampaign`), it opens one survey per invitee, reminds those who have not
 * answered at each of `remindAt`, and closes at `closesAt` with its response rate.
 */
export interface CampaignRecord extends Aggregate {
  propertyId: string | null;
  kind: CampaignKind;
  name: string;
  templateId: string;
  /** The template version its surveys ask, pinned when it starts (null before). */
  templateVersion: number | null;
  opensAt: Date;
  closesAt: Date;
  audience: CampaignAudience;
  remindAt: Date[];
  createdById: string;
  state: CampaignState;
  startedAt: Date | null;
  /** Drawn when it starts; each invitee's survey is opened after (`surveysOpened` says all were). */
  invitees: InviteeRecord[];
  surveysOpened: boolean;
  /** How many of `remindAt` have been sent. */
  remindersSent: number;
  closedAt: Date | null;
  /** The response rate when it closed; null before. */
  result: CampaignResultRecord | null;
  /** When the scheduler next has something to do for it (`wakeAtOf`); null once closed. */
  wakeAt: Date | null;
}
