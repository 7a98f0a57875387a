import type { SurveyAnswerResolvers, SurveyResponseResolvers } from '../__generated__/resolvers-types.js';
import { isSatisfied } from '../domain/responses.js';

export const SurveyResponse: SurveyResponseResolvers = {
  satisfied: (record) => (record.score === null ? null : isSatisfied(record.score)),
};

export const SurveyAnswer: SurveyAnswerResolvers = {
  score: (answer) => (answer.kind === 'SCORE' ? answer.score : null),
  choices: (answer) =>
    answer.kind === 'SINGLE_CHOICE' || answer.kind === 'MULTIPLE_CHOICE' ? answer.choices : null,
  text: (answer) => (answer.kind === 'TEXT' ? answer.text : null),
};
