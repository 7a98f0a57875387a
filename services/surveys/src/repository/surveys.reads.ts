import {
  DomainError,
  notFound,
  paginate,
  propertyScopeFilter,
  WITHOUT_OUTBOX,
  type Caller,
  type Filter,
  type PageArgs,
} from '@courtyard/kernel';
import type { FilterQuery } from 'mongoose';
import type {
  CallBackRecord,
  CallBackScheduleRecord,
  CampaignRecord,
  CampaignResultRecord,
  SurveyRecord,
  SurveyTemplateRecord,
} from '../domain/records.js';
import { responseRateOf } from '../domain/campaigns.js';
import { needsResultsOf, type NeedsResults } from '../domain/needs.js';
import { stateAt } from '../domain/responses.js';
import { satisfactionSurveyIdOf } from '../domain/after-service.js';
import { DEFAULT_POST_SERVICE_TEMPLATE, DEFAULT_POST_SERVICE_TEMPLATE_ID } from '../domain/templates.js';
import {
  callBacksReadableBy,
  campaignsReadableBy,
  canReadCallBack,
  canReadCampaign,
  canReadSurvey,
  canReadTemplate,
  surveysReadableBy,
  templatesReadableBy,
} from '../domain/visibility.js';
import type { SurveysLoaders } from './loaders.js';
import type { SurveysModels } from './models.js';

const identity = <T>(doc: T) => doc;
const asQuery = <T>(...clauses: Filter[]) => ({ $and: clauses }) as FilterQuery<T>;

/** Every read of the surveys subgraph: only what the domain's read rules allow, no pending outbox. */
export class SurveysReads {
  constructor(
    private readonly models: SurveysModels,
    private readonly loaders: SurveysLoaders,
  ) {}

  /** A record the caller may not see is reported exactly like a missing one. */
  async survey(caller: Caller, id: string): Promise<SurveyRecord> {
    const record = await this.loaders.surveyById.load(id);
    if (!record || !canReadSurvey(caller, record)) return notFound('Survey', id);
    return record;
  }

  /** `HelpRequest.satisfaction`: the request's survey, null when there is none or it is not the caller's to see. */
  async surveyOfHelpRequest(caller: Caller, helpRequestId: string): Promise<SurveyRecord | null> {
    const record = await this.loaders.surveyById.load(satisfactionSurveyIdOf(helpRequestId));
    return record && canReadSurvey(caller, record) ? record : null;
  }

  surveys(caller: Caller, propertyId: string, page: PageArgs) {
    return paginate(this.models.Survey, asQuery({ propertyId }, surveysReadableBy(caller)), page, identity);
  }

  /** A resident's own surveys, newest first. */
  mySurveys(caller: Caller, page: PageArgs) {
    return paginate(this.models.Survey, asQuery(surveysReadableBy(caller)), page, identity);
  }

  async template(caller: Caller, id: string): Promise<SurveyTemplateRecord> {
    const record =
      id === DEFAULT_POST_SERVICE_TEMPLATE_ID
        ? DEFAULT_POST_SERVICE_TEMPLATE
        : await this.loaders.templateById.load(id);
    if (!record || !canReadTemplate(caller, record)) return notFound('SurveyTemplate', id);
    return record;
  }

  /**
   * The templates a property's surveys may use (its own and the company-wide ones, the
   * code-defined default last), or the company-wide ones only.
   */
  async templates(caller: Caller, propertyId: string | null): Promise<SurveyTemplateRecord[]> {
    const stored = (await this.models.SurveyTemplate.find(
      asQuery(
        { propertyId: propertyId === null ? null : { $in: [propertyId, null] } },
        templatesReadableBy(caller),
      ),
      WITHOUT_OUTBOX,
    )
      .sort({ createdAt: -1 })
      .limit(200)
      .lean()) as SurveyTemplateRecord[];
    return [...stored, DEFAULT_POST_SERVICE_TEMPLATE].filter((t) => canReadTemplate(caller, t));
  }

  /** A property's call-back schedule; NOT_FOUND for staff of other properties, like a missing one. */
  async callBackSchedule(caller: Caller, propertyId: string): Promise<CallBackScheduleRecord> {
    const record = await this.loaders.scheduleById.load(propertyId);
    if (!record || !canReadCallBack(caller, { propertyId: record._id })) {
      return notFound('CallBackSchedule', propertyId);
    }
    return record;
  }

  /** A property's due call-backs, newest first. */
  /** A call-back of a property the caller does not act for is NOT_FOUND, like a missing one. */
  async callBack(caller: Caller, id: string): Promise<CallBackRecord> {
    const record = await this.loaders.callBackById.load(id);
    if (!record || !canReadCallBack(caller, record)) return notFound('CallBack', id);
    return record;
  }

  callBacks(caller: Caller, propertyId: string, page: PageArgs) {
    return paginate(
      this.models.CallBack,
      asQuery({ propertyId }, callBacksReadableBy(caller)),
      page,
      identity,
    );
  }

  async campaign(caller: Caller, id: string): Promise<CampaignRecord> {
    const record = await this.loaders.campaignById.load(id);
    if (!record || !canReadCampaign(caller, record)) return notFound('Campaign', id);
    return record;
  }

  /** A property's campaigns with the company-wide ones, newest first; without a property, the company-wide ones. */
  campaigns(caller: Caller, propertyId: string | null, page: PageArgs) {
    const scope = propertyId === null ? { propertyId: null } : { propertyId: { $in: [propertyId, null] } };
    return paginate(this.models.Campaign, asQuery(scope, campaignsReadableBy(caller)), page, identity);
  }

  /**
   * Invited, answered and the rate, on read from the campaign's surveys (the `{ campaignId }`
   * index) within the caller's properties; an open survey past the window counts as unanswered.
   */
  async campaignResponses(
    caller: Caller,
    campaign: CampaignRecord,
    now: Date,
  ): Promise<CampaignResultRecord> {
    const surveys = (await this.models.Survey.find(
      asQuery({ campaignId: campaign._id }, propertyScopeFilter(caller)),
      { _id: 0, state: 1, expiresAt: 1, buildingId: 1 },
    ).lean()) as Array<Pick<SurveyRecord, 'state' | 'expiresAt' | 'buildingId'>>;
    return responseRateOf(surveys.map((s) => ({ ...s, state: stateAt(s, now) })));
  }

  /** A needs campaign's answers grouped by theme (`needsResultsOf`), within the caller's properties. */
  async needsResults(caller: Caller, campaignId: string): Promise<NeedsResults & { campaignId: string }> {
    const campaign = await this.campaign(caller, campaignId);
    if (campaign.kind !== 'NEEDS') {
      throw new DomainError(
        'BAD_USER_INPUT',
        'NOT_A_NEEDS_SURVEY',
        `Campaign ${campaignId} is not a needs survey`,
      );
    }
    const answered = (await this.models.Survey.find(
      asQuery({ campaignId, state: 'COMPLETED' }, propertyScopeFilter(caller)),
      { _id: 0, state: 1, response: 1 },
    ).lean()) as Array<Pick<SurveyRecord, 'state' | 'response'>>;
    const template =
      campaign.templateVersion === null ? null : await this.loaders.templateById.load(campaign.templateId);
    const version = template?.versions.find((v) => v.version === campaign.templateVersion);
    return { campaignId, ...needsResultsOf(version?.questions ?? [], answered) };
  }
}
