import { WITHOUT_OUTBOX, type AggregateWriter, type Decision } from '@courtyard/kernel';
import type { SurveyRecord, SurveyTemplateRecord } from '../domain/records.js';
import type { SurveysModels } from './models.js';

/** What the `workorder.resolved.v1` reaction reads and writes. */
export class AfterServiceSurveys {
  constructor(
    private readonly models: SurveysModels,
    private readonly writer: AggregateWriter,
  ) {}

  async exists(surveyId: string): Promise<boolean> {
    return (await this.models.Survey.exists({ _id: surveyId })) !== null;
  }

  /** The stored post-service templates that could apply to a property (its own and company-wide). */
  async postServiceTemplates(propertyId: string): Promise<SurveyTemplateRecord[]> {
    return (await this.models.SurveyTemplate.find(
      { purpose: 'POST_SERVICE', propertyId: { $in: [propertyId, null] } },
      WITHOUT_OUTBOX,
    ).lean()) as SurveyTemplateRecord[];
  }

  /**
   * The survey and `survey.opened.v1`, one insert stamped with the causing event; its `_id`
   * derives from the help request, so a replay hits it and is recognised as already applied
   * (`ReactionAlreadyApplied`: the stored survey is left as it is). The survey as stored.
   */
  async open({ record, events }: Decision<SurveyRecord>, causationId: string): Promise<SurveyRecord> {
    return this.writer.insert(this.models.Survey, record, events, undefined, { causationId });
  }

  async survey(surveyId: string): Promise<SurveyRecord | null> {
    return (await this.models.Survey.findOne(
      { _id: surveyId },
      WITHOUT_OUTBOX,
    ).lean()) as SurveyRecord | null;
  }

  /** The request's closing, recorded on its survey with the event as cause (a replay is recognised). */
  async recordRequestClosed(previous: SurveyRecord, closedAt: Date, causationId: string): Promise<void> {
    await this.writer.update(
      this.models.Survey,
      previous._id,
      previous.version,
      { requestClosedAt: closedAt },
      [],
      undefined,
      {},
      { causationId },
    );
  }
}
