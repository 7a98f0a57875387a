import { z } from 'zod';
import { freeText, isCleanText, text } from '@courtyard/kernel/domain';
import { CAMPAIGN_KINDS, NEEDS_THEMES, QUESTION_KINDS, SURVEY_PURPOSES } from './records.js';

const questionInput = z
  .object({
    id: z
      .string()
      .regex(
        /^[a-z][a-z0-9-]{0,39}$/,
        'must be lower-case letters, digits and dashes, starting with a letter',
      ),
    kind: z.enum(QUESTION_KINDS),
    text: text(500),
    required: z.boolean().default(true),
    options: z.array(text(200)).max(20).default([]),
    /** Needs surveys group their answers by it; optional elsewhere. */
    theme: z.enum(NEEDS_THEMES).nullish(),
  })
  .superRefine((question, issues) => {
    const choice = question.kind === 'SINGLE_CHOICE' || question.kind === 'MULTIPLE_CHOICE';
    if (choice && question.options.length < 2) {
      issues.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'a choice question needs at least two options',
      });
    }
    if (!choice && question.options.length > 0) {
      issues.addIssue({ code: 'custom', path: ['options'], message: 'only choice questions have options' });
    }
    if (new Set(question.options).size !== question.options.length) {
      issues.addIssue({ code: 'custom', path: ['options'], message: 'options must differ' });
    }
  });

const questionsInput = z
  .array(questionInput)
  .min(1, 'a template asks at least one question')
  .max(50)
  .superRefine((questions, issues) => {
    if (new Set(questions.map((q) => q.id)).size !== questions.length) {
      issues.addIssue({ code: 'custom', message: 'question ids must differ' });
    }
  });

export const createSurveyTemplateInput = z
  .object({
    /** A property's id, or `*` (every property, ALL_PROPERTIES): company-wide. */
    propertyId: z.string().min(1),
    name: text(200),
    purpose: z.enum(SURVEY_PURPOSES),
    anonymous: z.boolean().default(false),
    questions: questionsInput,
  })
  .superRefine((input, issues) => {
    if (input.purpose === 'POST_SERVICE' && !input.questions.some((q) => q.kind === 'SCORE')) {
      issues.addIssue({
        code: 'custom',
        path: ['questions'],
        message: 'a post-service template needs a score question (its first one is the satisfaction score)',
      });
    }
  });

export const reviseSurveyTemplateInput = z.object({
  id: z.string().min(1),
  /** The version the editor started from (optimistic concurrency). */
  version: z.number().int().min(1),
  questions: questionsInput,
});

const answerInput = z.object({
  questionId: z.string().min(1),
  score: z.number().int().nullish(),
  choice: text(200).nullish(),
  choices: z.array(text(200)).max(20).nullish(),
  text: z
    .string()
    .trim()
    .max(2000)
    .refine(
      (value) => isCleanText(value, { multiline: true }),
      'must not contain control or bidirectional characters',
    )
    .nullish(),
});
export type AnswerInput = z.infer<typeof answerInput>;

export const answerSurveyInput = z.object({
  surveyId: z.string().min(1),
  answers: z.array(answerInput).max(50),
});

export const recordSurveyByPhoneInput = answerSurveyInput.extend({
  note: freeText(1000).nullish(),
});

export const updateCallBackScheduleInput = z.object({
  propertyId: z.string().min(1),
  /** When the property was handed over to its owners (a future date: nothing is due before it). */
  handoverAt: z.coerce.date(),
});

export const completeCallBackInput = z.object({
  id: z.string().min(1),
  householdsReached: z.number().int().min(0).max(100_000),
  note: freeText(1000).nullish(),
});

/** At most this many reminders per campaign: more is nagging. */
export const MAX_REMINDERS = 5;

export const createCampaignInput = z
  .object({
    /** A property's id, or `*` (every property): company-wide. */
    propertyId: z.string().min(1),
    kind: z.enum(CAMPAIGN_KINDS),
    name: text(200),
    templateId: z.string().min(1),
    opensAt: z.coerce.date(),
    closesAt: z.coerce.date(),
    audience: z
      .object({
        sampleSize: z.number().int().min(1).max(100_000).nullish(),
        sampleShare: z.number().gt(0).max(1).nullish(),
      })
      .nullish(),
    remindAt: z.array(z.coerce.date()).max(MAX_REMINDERS).default([]),
  })
  .superRefine((input, issues) => {
    if (input.closesAt.getTime() <= input.opensAt.getTime()) {
      issues.addIssue({ code: 'custom', path: ['closesAt'], message: 'must be after opensAt' });
    }
    if (input.audience?.sampleSize != null && input.audience.sampleShare != null) {
      issues.addIssue({
        code: 'custom',
        path: ['audience'],
        message: 'give a sample size or a share, not both',
      });
    }
    input.remindAt.forEach((at, index) => {
      if (at.getTime() <= input.opensAt.getTime() || at.getTime() >= input.closesAt.getTime()) {
        issues.addIssue({
          code: 'custom',
          path: ['remindAt', index],
          message: 'a reminder falls inside the window (after opensAt, before closesAt)',
        });
      }
    });
    if (new Set(input.remindAt.map((at) => at.getTime())).size !== input.remindAt.length) {
      issues.addIssue({ code: 'custom', path: ['remindAt'], message: 'reminder times must differ' });
    }
  });

export const startCampaignInput = z.object({ id: z.string().min(1) });
