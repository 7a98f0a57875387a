import { ID_PATTERN, type IdFormats } from '@courtyard/kernel';
import { DEFAULT_POST_SERVICE_TEMPLATE_ID } from '../domain/templates.js';

/** A question's id: a slug within its template (`overall`), as `QuestionInput` validates it. */
const questionSlug = {
  pattern: /^[a-z][a-z0-9-]{0,39}$/,
  description: 'a question id (lower-case letters, digits and dashes)',
};
/** A template's id: a record id, or the built-in default template's well-known one. */
const templateId = {
  pattern: new RegExp(`${ID_PATTERN.source}|^${DEFAULT_POST_SERVICE_TEMPLATE_ID}$`),
  description: `an id (a lower-case UUID) or ${DEFAULT_POST_SERVICE_TEMPLATE_ID}`,
};

/** The `ID` inputs of surveys that are not record ids (every other one is checked as a UUID). */
export const SURVEY_ID_FORMATS: IdFormats = {
  'QuestionInput.id': questionSlug,
  'AnswerInput.questionId': questionSlug,
  'Query.surveyTemplate(id:)': templateId,
  'ReviseSurveyTemplateInput.id': templateId,
};
