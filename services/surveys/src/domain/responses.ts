import {
  DomainError,
  domainEvent,
  notFound,
  parseInput,
  requireStaffOf,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { FOLLOW_UP_RECORDERS } from './access.js';
import { answerSurveyInput, recordSurveyByPhoneInput, type AnswerInput } from './inputs.js';
import type {
  AnswerRecord,
  Question,
  ResponseChannel,
  SurveyRecord,
  SurveyResponseRecord,
  SurveyState,
} from './records.js';

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;
/** "Satisfied" means a score of 4 or 5 (spec §5). */
export const isSatisfied = (score: number): boolean => score >= 4;

/**
 * The state a reader sees at `now`: an open survey past its expiry reads as EXPIRED whether or
 * not it has been marked so yet (expiry is applied on read; see the README).
 */
export const stateAt = (survey: Pick<SurveyRecord, 'state' | 'expiresAt'>, now: Date): SurveyState =>
  survey.state === 'OPEN' && now.getTime() >= survey.expiresAt.getTime() ? 'EXPIRED' : survey.state;

interface AnswerProblem {
  questionId: string;
  problem: string;
}

const refuse = (reason: string, message: string, problems: AnswerProblem[]): never => {
  throw new DomainError('BAD_USER_INPUT', reason, message, { answers: problems });
};

function answerTo(question: Question, answer: AnswerInput): AnswerRecord | AnswerProblem {
  const given = [
    answer.score != null,
    answer.choice != null,
    answer.choices != null,
    answer.text != null,
  ].filter(Boolean).length;
  const problem = (text: string): AnswerProblem => ({ questionId: question.id, problem: text });
  if (given !== 1) return problem('give exactly one of score, choice, choices, text');
  switch (question.kind) {
    case 'SCORE':
      if (answer.score == null) return problem('a score question takes a score');
      if (answer.score < MIN_SCORE || answer.score > MAX_SCORE) {
        return problem(`a score is ${MIN_SCORE} to ${MAX_SCORE}`);
      }
      return { questionId: question.id, kind: 'SCORE', score: answer.score };
    case 'SINGLE_CHOICE':
      if (answer.choice == null) return problem('a single-choice question takes one choice');
      if (!question.options.includes(answer.choice)) return problem(`not an option: ${answer.choice}`);
      return { questionId: question.id, kind: 'SINGLE_CHOICE', choices: [answer.choice] };
    case 'MULTIPLE_CHOICE': {
      const choices = answer.choices;
      if (choices == null) return problem('a multiple-choice question takes choices');
      if (choices.length === 0) return problem('choose at least one option');
      if (new Set(choices).size !== choices.length) return problem('each option once');
      const unknown = choices.filter((choice) => !question.options.includes(choice));
      if (unknown.length > 0) return problem(`not an option: ${unknown.join(', ')}`);
      return { questionId: question.id, kind: 'MULTIPLE_CHOICE', choices };
    }
    case 'TEXT':
      if (answer.text == null) return problem('a free-text question takes text');
      if (answer.text.length === 0)
        return problem('must not be empty (leave an optional question out instead)');
      return { questionId: question.id, kind: 'TEXT', text: answer.text };
  }
}

/**
 * Answers checked against the survey's own questions (the template version it was opened
 * with), every problem reported at once; nothing is recorded unless all are right.
 */
export function validateAnswers(
  questions: readonly Question[],
  answers: readonly AnswerInput[],
): AnswerRecord[] {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const unknown = answers.filter((answer) => !byId.has(answer.questionId));
  if (unknown.length > 0) {
    refuse(
      'UNKNOWN_QUESTION',
      `This survey does not ask ${unknown.map((a) => a.questionId).join(', ')}`,
      unknown.map((a) => ({ questionId: a.questionId, problem: 'not a question of this survey' })),
    );
  }
  const seen = new Set<string>();
  const twice = answers.filter((answer) =>
    seen.has(answer.questionId) ? true : (seen.add(answer.questionId), false),
  );
  if (twice.length > 0) {
    refuse(
      'DUPLICATE_ANSWER',
      'Each question is answered at most once',
      twice.map((a) => ({ questionId: a.questionId, problem: 'answered twice' })),
    );
  }
  const results = answers.map((answer) => answerTo(byId.get(answer.questionId)!, answer));
  const invalid = results.filter((result): result is AnswerProblem => 'problem' in result);
  if (invalid.length > 0) refuse('INVALID_ANSWER', 'Some answers do not fit their questions', invalid);
  const missing = questions.filter((question) => question.required && !seen.has(question.id));
  if (missing.length > 0) {
    refuse(
      'MISSING_ANSWER',
      `Required questions unanswered: ${missing.map((q) => q.id).join(', ')}`,
      missing.map((q) => ({ questionId: q.id, problem: 'required' })),
    );
  }
  // In the survey's question order, whatever order they came in.
  const order = new Map(questions.map((question, index) => [question.id, index]));
  return (results as AnswerRecord[]).sort((a, b) => order.get(a.questionId)! - order.get(b.questionId)!);
}

/** The satisfaction score: the answer to the survey's first score question. */
export function satisfactionScoreOf(
  questions: readonly Question[],
  answers: readonly AnswerRecord[],
): number | null {
  const first = questions.find((question) => question.kind === 'SCORE');
  const answer = first && answers.find((a) => a.questionId === first.id);
  return answer?.kind === 'SCORE' ? answer.score : null;
}

function requireOpen(survey: SurveyRecord, now: Date): void {
  const state = stateAt(survey, now);
  if (state === 'COMPLETED') {
    throw new DomainError('CONFLICT', 'SURVEY_ALREADY_ANSWERED', `Survey ${survey._id} was already answered`);
  }
  if (state === 'EXPIRED') {
    throw new DomainError(
      'CONFLICT',
      'SURVEY_EXPIRED',
      `Survey ${survey._id} expired at ${survey.expiresAt.toISOString()}`,
      {
        expiresAt: survey.expiresAt.toISOString(),
      },
    );
  }
}

function complete(
  survey: SurveyRecord,
  channel: ResponseChannel,
  answers: AnswerRecord[],
  note: string | null,
  context: CommandContext,
): Decision<SurveyRecord> {
  const score = satisfactionScoreOf(survey.questions, answers);
  const response: SurveyResponseRecord = {
    channel,
    answers,
    score,
    recordedById: channel === 'PHONE' ? context.actor.subject : null,
    note,
    at: context.now,
  };
  const record: SurveyRecord = { ...survey, state: 'COMPLETED', response };
  return {
    record,
    events: [
      domainEvent(
        'survey.completed.v1',
        { id: record._id, propertyId: record.propertyId },
        {
          surveyId: record._id,
          propertyId: record.propertyId,
          purpose: record.purpose,
          helpRequestId: record.helpRequestId,
          channel,
          respondentId: record.anonymous ? null : record.respondentId,
          recordedById: response.recordedById,
          score,
          satisfied: score === null ? null : isSatisfied(score),
          completedAt: context.now.toISOString(),
          // So that readers folding satisfaction (analytics) leave a needs survey's answers out.
          measures: record.measures,
        },
        context,
      ),
    ],
  };
}

/** The respondent answers their own survey, once, before it expires. */
export function answerSurvey(
  input: unknown,
  survey: SurveyRecord,
  context: CommandContext,
): Decision<SurveyRecord> {
  const valid = parseInput(answerSurveyInput, input);
  const { actor } = context;
  // Someone else's survey is not there for this caller (the read rule said so already).
  if (actor.role !== 'RESIDENT' || !actor.residentId || actor.residentId !== survey.respondentId) {
    return notFound('Survey', survey._id);
  }
  requireOpen(survey, context.now);
  return complete(survey, 'RESIDENT', validateAnswers(survey.questions, valid.answers), null, context);
}

/** 回访: staff of the property record the resident's answers given on the phone. */
export function recordSurveyByPhone(
  input: unknown,
  survey: SurveyRecord,
  context: CommandContext,
): Decision<SurveyRecord> {
  const valid = parseInput(recordSurveyByPhoneInput, input);
  requireStaffOf(context.actor, survey.propertyId, FOLLOW_UP_RECORDERS, 'record phone follow-ups');
  requireOpen(survey, context.now);
  return complete(
    survey,
    'PHONE',
    validateAnswers(survey.questions, valid.answers),
    valid.note ?? null,
    context,
  );
}
