import { DomainError, WITHOUT_OUTBOX, type AggregateWriter, type Decision } from '@courtyard/kernel';
import type { CampaignRecord, SurveyRecord, SurveyTemplateRecord } from '../domain/records.js';
import type { SurveysModels } from './models.js';

const isConflict = (error: unknown) => error instanceof DomainError && error.code === 'CONFLICT';

/** A campaign survey's fields the scheduler and the figures read (never the answers). */
export type CampaignSurveyState = Pick<
  SurveyRecord,
  '_id' | 'version' | 'state' | 'expiresAt' | 'respondentId' | 'householdId' | 'buildingId' | 'propertyId'
>;

/** What the campaign scheduler (and `startCampaign`) read and write. */
export class CampaignStore {
  constructor(
    private readonly models: SurveysModels,
    private readonly writer: AggregateWriter,
  ) {}

  /** Campaigns with something to do at `now` (the `{ wakeAt }` index), earliest first. */
  async due(now: Date, limit: number): Promise<CampaignRecord[]> {
    return (await this.models.Campaign.find({ wakeAt: { $lte: now } }, WITHOUT_OUTBOX)
      .sort({ wakeAt: 1, _id: 1 })
      .limit(limit)
      .lean()) as CampaignRecord[];
  }

  async template(id: string): Promise<SurveyTemplateRecord | null> {
    return (await this.models.SurveyTemplate.findOne(
      { _id: id },
      WITHOUT_OUTBOX,
    ).lean()) as SurveyTemplateRecord | null;
  }

  /**
   * The campaign's new state and its events, one update on the version read: when another
   * instance (or `startCampaign`) got there first, nothing is written (null).
   */
  async save(
    previous: CampaignRecord,
    { record, events }: Decision<CampaignRecord>,
  ): Promise<CampaignRecord | null> {
    const { _id, version: _v, createdAt: _c, ...set } = record;
    try {
      const version = await this.writer.update(this.models.Campaign, _id, previous.version, set, events);
      return { ...record, version };
    } catch (error) {
      if (!isConflict(error)) throw error;
      return null;
    }
  }

  async insert({ record, events }: Decision<CampaignRecord>): Promise<CampaignRecord> {
    return (await this.writer.insert(this.models.Campaign, record, events)) as unknown as CampaignRecord;
  }

  async campaign(id: string): Promise<CampaignRecord | null> {
    return (await this.models.Campaign.findOne({ _id: id }, WITHOUT_OUTBOX).lean()) as CampaignRecord | null;
  }

  /**
   * One invitee's survey with `survey.opened.v1`: its `_id` derives from the campaign and the
   * household, so opening it again (a second start, a restart half-way) hits the `_id`
   * ('already') and publishes nothing.
   */
  async openSurvey({ record, events }: Decision<SurveyRecord>): Promise<'opened' | 'already'> {
    try {
      await this.writer.insert(this.models.Survey, record, events, () => new AlreadyOpened());
      return 'opened';
    } catch (error) {
      if (error instanceof AlreadyOpened) return 'already';
      throw error;
    }
  }

  /** The campaign's surveys as they stand: state and who, never the answers (the `{ campaignId }` index). */
  async surveysOf(campaignId: string): Promise<CampaignSurveyState[]> {
    return (await this.models.Survey.find(
      { campaignId },
      {
        _id: 1,
        version: 1,
        state: 1,
        expiresAt: 1,
        respondentId: 1,
        householdId: 1,
        buildingId: 1,
        propertyId: 1,
      },
    ).lean()) as CampaignSurveyState[];
  }

  /** Full records of the campaign's surveys still open (to expire them when it closes). */
  async openSurveysOf(campaignId: string): Promise<SurveyRecord[]> {
    return (await this.models.Survey.find(
      { campaignId, state: 'OPEN' },
      WITHOUT_OUTBOX,
    ).lean()) as SurveyRecord[];
  }
}

class AlreadyOpened extends DomainError {
  constructor() {
    super('CONFLICT', 'SURVEY_ALREADY_OPENED', 'This household was asked already');
  }
}
