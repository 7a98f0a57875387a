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
}

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

export const SURVEY_STATES = ['OPEN', 'COMPLETED', 'EXPIRED'] as const;
export type SurveyState = (typeof SURVEY_STATES)[number];

export interface SurveyRecord extends Aggregate {
  propertyId: string;
  purpose: SurveyPurpose;
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
