import {
  ALL_PROPERTIES,
  DomainError,
  parseInput,
  requireStaffOf,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { COMPANY_TEMPLATE_EDITORS, TEMPLATE_EDITORS } from './access.js';
import { createSurveyTemplateInput, reviseSurveyTemplateInput } from './inputs.js';
import type { SurveyTemplateRecord, TemplateVersion } from './records.js';

/**
 * The default post-service template exists without setup: it is defined here, in code, as a
 * company-wide version 1 that is never stored (so there is nothing to seed, migrate or lose).
 * A property's own POST_SERVICE template, or a company-wide stored one, replaces it.
 */
export const DEFAULT_POST_SERVICE_TEMPLATE_ID = 'post-service-default';
export const OVERALL_QUESTION_ID = 'overall';
export const COMMENT_QUESTION_ID = 'comment';

export const DEFAULT_POST_SERVICE_TEMPLATE: SurveyTemplateRecord = {
  _id: DEFAULT_POST_SERVICE_TEMPLATE_ID,
  version: 1,
  createdAt: new Date('2026-12-01T00:00:00Z'),
  propertyId: null,
  name: 'After service',
  purpose: 'POST_SERVICE',
  anonymous: false,
  currentVersion: 1,
  versions: [
    {
      version: 1,
      publishedAt: new Date('2026-12-01T00:00:00Z'),
      publishedById: 'courtyard',
      questions: [
        {
          id: OVERALL_QUESTION_ID,
          kind: 'SCORE',
          text: 'How satisfied are you with the service overall? (1 = very dissatisfied, 5 = very satisfied)',
          required: true,
          options: [],
        },
        {
          id: COMMENT_QUESTION_ID,
          kind: 'TEXT',
          text: 'Anything you would like to tell us?',
          required: false,
          options: [],
        },
      ],
    },
  ],
};

export const currentVersionOf = (template: SurveyTemplateRecord): TemplateVersion => {
  const current = template.versions.find((v) => v.version === template.currentVersion);
  if (!current) throw new Error(`template ${template._id} lacks its current version`);
  return current;
};

/**
 * The template a post-service survey of `propertyId` is opened with: the property's own, else a
 * company-wide stored one, else the code-defined default; the newest wins among several.
 */
export function postServiceTemplateFor(
  propertyId: string,
  stored: readonly SurveyTemplateRecord[],
): SurveyTemplateRecord {
  const postService = stored.filter((t) => t.purpose === 'POST_SERVICE');
  const newest = (list: SurveyTemplateRecord[]) =>
    [...list].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? 1 : -1))[0];
  return (
    newest(postService.filter((t) => t.propertyId === propertyId)) ??
    newest(postService.filter((t) => t.propertyId === null)) ??
    DEFAULT_POST_SERVICE_TEMPLATE
  );
}

export function createSurveyTemplate(
  input: unknown,
  context: CommandContext,
): Decision<SurveyTemplateRecord> {
  const valid = parseInput(createSurveyTemplateInput, input);
  // Company-wide is written `*`, the scope of every property, which only all-property roles hold.
  const propertyId = valid.propertyId === ALL_PROPERTIES ? null : valid.propertyId;
  if (propertyId === null) {
    requireStaffOf(context.actor, ALL_PROPERTIES, COMPANY_TEMPLATE_EDITORS, 'write company-wide templates');
  } else {
    requireStaffOf(context.actor, propertyId, TEMPLATE_EDITORS, 'write survey templates');
  }
  const record: SurveyTemplateRecord = {
    _id: context.newId(),
    version: 1,
    createdAt: context.now,
    propertyId,
    name: valid.name,
    purpose: valid.purpose,
    anonymous: valid.anonymous,
    currentVersion: 1,
    versions: [
      {
        version: 1,
        questions: valid.questions,
        publishedAt: context.now,
        publishedById: context.actor.subject,
      },
    ],
  };
  return { record, events: [] };
}

/** A new version of the questions; surveys already opened keep the version they were asked. */
export function reviseSurveyTemplate(
  input: unknown,
  template: SurveyTemplateRecord,
  context: CommandContext,
): Decision<SurveyTemplateRecord> {
  const valid = parseInput(reviseSurveyTemplateInput, input);
  if (template._id === DEFAULT_POST_SERVICE_TEMPLATE_ID) {
    throw new DomainError(
      'CONFLICT',
      'BUILT_IN_TEMPLATE',
      'The built-in post-service template cannot be revised; create a POST_SERVICE template for the property or the company instead',
    );
  }
  if (template.propertyId === null) {
    requireStaffOf(context.actor, ALL_PROPERTIES, COMPANY_TEMPLATE_EDITORS, 'write company-wide templates');
  } else {
    requireStaffOf(context.actor, template.propertyId, TEMPLATE_EDITORS, 'write survey templates');
  }
  if (valid.version !== template.currentVersion) {
    throw new DomainError(
      'CONFLICT',
      'STALE_TEMPLATE_VERSION',
      `Template ${template._id} is at version ${template.currentVersion}, not ${valid.version}`,
      { currentVersion: template.currentVersion },
    );
  }
  if (template.purpose === 'POST_SERVICE' && !valid.questions.some((q) => q.kind === 'SCORE')) {
    throw new DomainError(
      'BAD_USER_INPUT',
      'VALIDATION_FAILED',
      'A post-service template needs a score question',
      {
        fields: [{ path: 'questions', message: 'a post-service template needs a score question' }],
      },
    );
  }
  const next = template.currentVersion + 1;
  return {
    record: {
      ...template,
      currentVersion: next,
      versions: [
        ...template.versions,
        {
          version: next,
          questions: valid.questions,
          publishedAt: context.now,
          publishedById: context.actor.subject,
        },
      ],
    },
    events: [],
  };
}
