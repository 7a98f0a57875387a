import type { IdFormats } from '@courtyard/kernel';

/** A question's id: a slug within its template (`overall`), as `QuestionInput` validates it. */
const questionSlug = {
  pattern: /^[a-z][a-z0-9-]{0,39}$/,
  description: 'a question id (lower-case letters, digits and dashes, starting with a letter)',
};

/** The `ID` inputs of surveys with a stricter format than a record id's. */
export const SURVEY_ID_FORMATS: IdFormats = {
  'QuestionInput.id': questionSlug,
  'AnswerInput.questionId': questionSlug,
};
