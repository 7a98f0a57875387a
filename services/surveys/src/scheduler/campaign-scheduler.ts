import { randomUUID } from 'node:crypto';
import { DomainError, systemActor, type CommandContext } from '@courtyard/kernel';
import {
  closeCampaign,
  dueReminder,
  openCampaignSurvey,
  sendReminder,
  startCampaign,
  surveysOpened,
} from '../domain/campaigns.js';
import { expireSurvey } from '../domain/expiry.js';
import type { CampaignRecord, SurveyTemplateRecord } from '../domain/records.js';
import type { CampaignStore } from '../repository/campaigns.repository.js';
import type { SurveyExpiryStore } from '../repository/expiry.repository.js';
import type { HouseholdStore } from '../repository/households.repository.js';

/** Campaigns read per batch; a tick reads batches until none is due. */
const BATCH = 50;
/** Each campaign moves at most this many steps per tick (start, open, remind, close): no spinning. */
const STEPS_PER_CAMPAIGN = 4;

export interface CampaignStores {
  campaigns: Pick<
    CampaignStore,
    'due' | 'template' | 'save' | 'campaign' | 'openSurvey' | 'surveysOf' | 'openSurveysOf'
  >;
  households: Pick<HouseholdStore, 'occupied'>;
  expiry: Pick<SurveyExpiryStore, 'expire'>;
}

/**
 * A campaign's steps, each one decided in the domain and written on the version read, so two
 * instances (or staff starting it while the scheduler does) do each step once: a step that finds
 * the campaign changed under it writes nothing and returns null.
 */
export function campaignSteps({ campaigns, households, expiry }: CampaignStores) {
  const templateOf = async (campaign: CampaignRecord): Promise<SurveyTemplateRecord> => {
    const template = await campaigns.template(campaign.templateId);
    if (!template) throw new Error(`campaign ${campaign._id}: template ${campaign.templateId} is gone`);
    return template;
  };

  /** Opens every invitee's survey (those already open are skipped by their derived `_id`), then records that all are. */
  const openSurveys = async (campaign: CampaignRecord, context: CommandContext) => {
    const template = await templateOf(campaign);
    for (const invitee of campaign.invitees) {
      await campaigns.openSurvey(openCampaignSurvey(campaign, template, invitee, context));
    }
    return campaigns.save(campaign, { record: surveysOpened(campaign), events: [] });
  };

  return {
    openSurveys,

    /** Starts it (idempotent: a started campaign only has its missing surveys opened). */
    async start(campaign: CampaignRecord, context: CommandContext): Promise<CampaignRecord | null> {
      const decision = startCampaign(
        campaign,
        await templateOf(campaign),
        await households.occupied(campaign.propertyId),
        context,
      );
      const started = decision ? await campaigns.save(campaign, decision) : campaign;
      if (!started) return null;
      return started.surveysOpened ? started : openSurveys(started, context);
    },

    async remind(campaign: CampaignRecord, context: CommandContext): Promise<CampaignRecord | null> {
      const decision = sendReminder(campaign, await campaigns.surveysOf(campaign._id), context);
      return decision ? campaigns.save(campaign, decision) : null;
    },

    /** Expires its unanswered surveys (each once, `survey.expired.v1`), then closes it with the rate. */
    async close(campaign: CampaignRecord, context: CommandContext): Promise<CampaignRecord | null> {
      for (const survey of await campaigns.openSurveysOf(campaign._id)) {
        const decision = expireSurvey(survey, context);
        if (decision) await expiry.expire(survey, decision);
      }
      const decision = closeCampaign(campaign, await campaigns.surveysOf(campaign._id), context);
      return decision ? campaigns.save(campaign, decision) : null;
    },
  };
}

export type CampaignSteps = ReturnType<typeof campaignSteps>;

export interface CampaignTick {
  started: number;
  reminded: number;
  closed: number;
}

export interface CampaignScheduler {
  /** Does what is due at `now` (the tests call it with their clock). */
  tick(now: Date): Promise<CampaignTick>;
}

/**
 * Starts campaigns at `opensAt`, sends each reminder when it comes due, closes them at
 * `closesAt`. All its state is in the campaigns (`state`, `wakeAt`, `remindersSent`) and the
 * surveys' derived ids, so a tick run twice, on two instances, or after a restart half-way does
 * each thing once.
 */
export function campaignScheduler(stores: CampaignStores, batch = BATCH): CampaignScheduler {
  const steps = campaignSteps(stores);
  return {
    async tick(now) {
      const done: CampaignTick = { started: 0, reminded: 0, closed: 0 };
      const context: CommandContext = { actor: systemActor('surveys'), now, newId: randomUUID };
      const seen = new Set<string>();
      for (;;) {
        const due = (await stores.campaigns.due(now, batch)).filter((c) => !seen.has(c._id));
        for (const first of due) {
          seen.add(first._id);
          let campaign: CampaignRecord | null = first;
          for (let step = 0; campaign && step < STEPS_PER_CAMPAIGN; step += 1) {
            if (campaign.wakeAt === null || campaign.wakeAt.getTime() > now.getTime()) break;
            if (campaign.state === 'STARTED' && !campaign.surveysOpened) {
              // Started, but stopped before every survey was open: finish that first.
              campaign = await steps.openSurveys(campaign, context);
            } else if (now.getTime() >= campaign.closesAt.getTime()) {
              // A campaign that never started (down through its whole window) closes with nobody asked.
              campaign = await steps.close(campaign, context);
              if (campaign) done.closed += 1;
            } else if (campaign.state === 'SCHEDULED') {
              campaign = await startOrSkip(steps, campaign, context);
              if (campaign) done.started += 1;
            } else if (dueReminder(campaign, now) !== null) {
              campaign = await steps.remind(campaign, context);
              if (campaign) done.reminded += 1;
            } else {
              break;
            }
          }
        }
        if (due.length === 0) return done;
      }
    },
  };
}

/** A campaign that cannot start (its window passed meanwhile) is left for the closing step. */
async function startOrSkip(
  steps: CampaignSteps,
  campaign: CampaignRecord,
  context: CommandContext,
): Promise<CampaignRecord | null> {
  try {
    return await steps.start(campaign, context);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CONFLICT') return null;
    throw error;
  }
}
