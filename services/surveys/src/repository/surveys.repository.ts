import type { AggregateWriter, Decision } from '@courtyard/kernel';
import type {
  CallBackRecord,
  CallBackScheduleRecord,
  SurveyRecord,
  SurveyTemplateRecord,
} from '../domain/records.js';
import type { SurveysLoaders } from './loaders.js';
import type { SurveysModels } from './models.js';

/**
 * Writes go through the kernel's AggregateWriter (state and events in one document write);
 * after a write the request's loaders are primed so the payload reads what was written.
 */
export class SurveysRepository {
  constructor(
    private readonly models: SurveysModels,
    private readonly writer: AggregateWriter,
    private readonly loaders: SurveysLoaders,
  ) {}

  /** A response: the survey's new state and `survey.completed.v1`, one update on the version read. */
  async saveSurvey(
    previous: SurveyRecord,
    { record, events }: Decision<SurveyRecord>,
  ): Promise<SurveyRecord> {
    const { state, response } = record;
    const version = await this.writer.update(
      this.models.Survey,
      record._id,
      previous.version,
      { state, response },
      events,
    );
    const saved = { ...record, version };
    this.loaders.surveyById.clear(saved._id).prime(saved._id, saved);
    return saved;
  }

  async insertTemplate({ record, events }: Decision<SurveyTemplateRecord>): Promise<SurveyTemplateRecord> {
    // The stored record: a keyed retry gets the one its first attempt wrote (AggregateWriter.insert).
    const saved = (await this.writer.insert(
      this.models.SurveyTemplate,
      record,
      events,
    )) as unknown as SurveyTemplateRecord;
    this.loaders.templateById.clear(saved._id).prime(saved._id, saved);
    return saved;
  }

  async saveTemplate(
    previous: SurveyTemplateRecord,
    { record, events }: Decision<SurveyTemplateRecord>,
  ): Promise<SurveyTemplateRecord> {
    const newest = record.versions.at(-1)!;
    const version = await this.writer.update(
      this.models.SurveyTemplate,
      record._id,
      previous.version,
      { currentVersion: record.currentVersion },
      events,
      undefined,
      { versions: [newest] },
    );
    const saved = { ...record, version };
    this.loaders.templateById.clear(saved._id).prime(saved._id, saved);
    return saved;
  }

  async saveSchedule(
    previous: CallBackScheduleRecord,
    { record, events }: Decision<CallBackScheduleRecord>,
  ): Promise<CallBackScheduleRecord> {
    const { handoverAt, handoverSource, nextDueAt } = record;
    const version = await this.writer.update(
      this.models.CallBackSchedule,
      record._id,
      previous.version,
      { handoverAt, handoverSource, nextDueAt },
      events,
    );
    const saved = { ...record, version };
    this.loaders.scheduleById.clear(saved._id).prime(saved._id, saved);
    return saved;
  }

  /** A call-back recorded as made, with `callback.completed.v1`: one update on the version read. */
  async saveCallBack(
    previous: CallBackRecord,
    { record, events }: Decision<CallBackRecord>,
  ): Promise<CallBackRecord> {
    const { state, completion } = record;
    const version = await this.writer.update(
      this.models.CallBack,
      record._id,
      previous.version,
      { state, completion },
      events,
    );
    const saved = { ...record, version };
    this.loaders.callBackById.clear(saved._id).prime(saved._id, saved);
    return saved;
  }
}
