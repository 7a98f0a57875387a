import {
  commandContextOf,
  type AggregateWriter,
  type CommandContext,
  type RequestContext,
} from '@courtyard/kernel';
import type { SurveysConfig } from './config.js';
import { SATISFACTION_TARGET } from './domain/kpi.js';
import type { CallBackScheduler } from './scheduler/call-back-scheduler.js';
import { campaignSteps, type CampaignSteps } from './scheduler/campaign-scheduler.js';
import { CampaignStore } from './repository/campaigns.repository.js';
import { SurveyExpiryStore } from './repository/expiry.repository.js';
import { HouseholdStore } from './repository/households.repository.js';
import { createLoaders, type SurveysLoaders } from './repository/loaders.js';
import type { SurveysModels } from './repository/models.js';
import { KpiReads } from './repository/kpi.reads.js';
import { PublishedResultsStore } from './repository/published-results.repository.js';
import { SurveysReads } from './repository/surveys.reads.js';
import { SurveysRepository } from './repository/surveys.repository.js';

/** What the service builds once at start-up. */
export interface SurveysDeps {
  models: SurveysModels;
  writer: AggregateWriter;
  config: SurveysConfig;
  scheduler: CallBackScheduler;
}

/** What every resolver gets, per request: fresh loaders, the read API, the repository, the command context. */
export interface SurveysContext extends RequestContext {
  loaders: SurveysLoaders;
  reads: SurveysReads;
  /** Satisfaction figures (`SatisfactionKpi`). */
  kpi: KpiReads;
  /** Published satisfaction results and who may read them. */
  results: PublishedResultsStore;
  repository: SurveysRepository;
  command: CommandContext;
  /** Asks the call-back scheduler to run now (after a handover date changed). */
  nudgeCallBacks: () => void;
  /** Campaign writes: creating one, and starting it now (the steps the scheduler runs too). */
  campaigns: CampaignStore;
  campaignSteps: CampaignSteps;
}

export function createContext(base: RequestContext, deps: SurveysDeps): SurveysContext {
  const loaders = createLoaders(deps.models);
  const campaigns = new CampaignStore(deps.models, deps.writer);
  return {
    ...base,
    loaders,
    reads: new SurveysReads(deps.models, loaders),
    kpi: new KpiReads(deps.models, {
      target: SATISFACTION_TARGET,
      minimumSample: deps.config.KPI_MINIMUM_SAMPLE,
      timeZone: deps.config.KPI_TIME_ZONE,
    }),
    results: new PublishedResultsStore(deps.models, deps.writer),
    repository: new SurveysRepository(deps.models, deps.writer, loaders),
    command: commandContextOf(base),
    nudgeCallBacks: () => deps.scheduler.nudge(),
    campaigns,
    campaignSteps: campaignSteps({
      campaigns,
      households: new HouseholdStore(deps.models, deps.writer),
      expiry: new SurveyExpiryStore(deps.models, deps.writer),
    }),
  };
}
