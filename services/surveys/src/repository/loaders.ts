import { loaderById } from '@courtyard/kernel';
import type {
  CallBackRecord,
  CallBackScheduleRecord,
  CampaignRecord,
  SurveyRecord,
  SurveyTemplateRecord,
} from '../domain/records.js';
import type { SurveysModels } from './models.js';

/** Created per request: a cache must never outlive the caller whose rights it was read under. */
export function createLoaders(models: SurveysModels) {
  return {
    surveyById: loaderById<SurveyRecord>(models.Survey),
    templateById: loaderById<SurveyTemplateRecord>(models.SurveyTemplate),
    scheduleById: loaderById<CallBackScheduleRecord>(models.CallBackSchedule),
    callBackById: loaderById<CallBackRecord>(models.CallBack),
    campaignById: loaderById<CampaignRecord>(models.Campaign),
  };
}

export type SurveysLoaders = ReturnType<typeof createLoaders>;
