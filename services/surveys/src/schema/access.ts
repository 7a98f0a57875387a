import { STAFF_AND_RESIDENTS, STAFF_ROLES, type AccessRules } from '@courtyard/kernel';
import {
  CAMPAIGN_RUNNERS,
  FOLLOW_UP_RECORDERS,
  RESULTS_PUBLISHERS,
  TEMPLATE_EDITORS,
} from '../domain/access.js';

/**
 * Who may call each surveys field. The kernel runs the gate before the resolver and refuses to
 * start when a Query or Mutation field has no rule; `then` names what the domain checks next.
 */
export const accessRules: AccessRules = {
  Query: {
    survey: { allow: STAFF_AND_RESIDENTS, then: 'staff of its property, or its respondent' },
    surveys: { allow: STAFF_ROLES, scope: 'propertyId' },
    mySurveys: { allow: ['RESIDENT'], then: 'the caller is the respondent' },
    surveyTemplate: { allow: STAFF_ROLES, then: 'company-wide, or staff of its property' },
    surveyTemplates: { allow: STAFF_ROLES, scope: 'propertyId' },
    satisfactionKpi: {
      allow: STAFF_ROLES,
      scope: 'propertyId',
      then: "a technician's figures: supervisors and above, quality inspectors, the technician",
    },
    publishedSatisfactionResults: {
      allow: STAFF_AND_RESIDENTS,
      then: 'staff of the property, or a resident who lives there (else an empty list)',
    },
    callBackSchedule: { allow: STAFF_ROLES, scope: 'propertyId' },
    callBacks: { allow: STAFF_ROLES, scope: 'propertyId' },
    campaign: { allow: STAFF_ROLES, then: 'company-wide, or staff of its property' },
    campaigns: { allow: STAFF_ROLES, scope: 'propertyId' },
    needsSurveyResults: { allow: STAFF_ROLES, then: 'as campaign; counted on the caller’s properties' },
  },
  Mutation: {
    createSurveyTemplate: {
      allow: TEMPLATE_EDITORS,
      scope: 'input.propertyId',
      then: 'company-wide (propertyId *): general managers of every property',
    },
    reviseSurveyTemplate: { allow: TEMPLATE_EDITORS, then: 'as createSurveyTemplate, for its property' },
    answerSurvey: { allow: ['RESIDENT'], then: 'the caller is the respondent' },
    recordSurveyByPhone: { allow: FOLLOW_UP_RECORDERS, then: 'office staff of its property' },
    updateCallBackSchedule: { allow: TEMPLATE_EDITORS, scope: 'input.propertyId' },
    completeCallBack: { allow: FOLLOW_UP_RECORDERS, then: 'office staff of its property' },
    createCampaign: {
      allow: CAMPAIGN_RUNNERS,
      scope: 'input.propertyId',
      then: 'company-wide (propertyId *): general managers of every property',
    },
    startCampaign: { allow: CAMPAIGN_RUNNERS, then: 'as createCampaign, for its property' },
    publishSatisfactionResults: { allow: RESULTS_PUBLISHERS, scope: 'input.propertyId' },
  },
};
