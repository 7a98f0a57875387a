import { scalarResolvers } from '@courtyard/kernel';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { CallBack, CallBackSchedule } from './CallBack.js';
import { Campaign } from './Campaign.js';
import { HelpRequest } from './HelpRequest.js';
import { Mutation } from './Mutation.js';
import { Property } from './Property.js';
import { Query } from './Query.js';
import { PublishedSatisfactionResults, SatisfactionKpi } from './SatisfactionKpi.js';
import { Staff } from './Staff.js';
import { Survey } from './Survey.js';
import { SurveyAnswer, SurveyResponse } from './SurveyResponse.js';
import { SurveyTemplate } from './SurveyTemplate.js';

export const resolvers: Resolvers = {
  DateTime: scalarResolvers.DateTime,
  Query,
  Mutation,
  Survey,
  SurveyTemplate,
  SurveyResponse,
  SurveyAnswer,
  Property,
  HelpRequest,
  Staff,
  CallBack,
  CallBackSchedule,
  Campaign,
  SatisfactionKpi,
  PublishedSatisfactionResults,
};
