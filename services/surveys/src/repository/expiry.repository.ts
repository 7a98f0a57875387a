import { DomainError, WITHOUT_OUTBOX, type AggregateWriter, type Decision } from '@courtyard/kernel';
import type { SurveyRecord } from '../domain/records.js';
import type { SurveysModels } from './models.js';

const isConflict = (error: unknown) => error instanceof DomainError && error.code === 'CONFLICT';

/** What the expiry scheduler reads and writes. */
export class SurveyExpiryStore {
  constructor(
    private readonly models: SurveysModels,
    private readonly writer: AggregateWriter,
  ) {}

  /** Open surveys whose due time has passed at `now`, oldest first (the `{ state, expiresAt }` index). */
  async due(now: Date, limit: number): Promise<SurveyRecord[]> {
    return (await this.models.Survey.find({ state: 'OPEN', expiresAt: { $lte: now } }, WITHOUT_OUTBOX)
      .sort({ expiresAt: 1, _id: 1 })
      .limit(limit)
      .lean()) as SurveyRecord[];
  }

  /**
   * The survey's new state and `survey.expired.v1`, one update on the version read: when the
   * resident answered meanwhile, or another scheduler expired it first, the update finds a newer
   * version and nothing is written ('already').
   */
  async expire(
    previous: SurveyRecord,
    { record, events }: Decision<SurveyRecord>,
  ): Promise<'expired' | 'already'> {
    try {
      await this.writer.update(
        this.models.Survey,
        record._id,
        previous.version,
        { state: record.state },
        events,
      );
      return 'expired';
    } catch (error) {
      if (!isConflict(error)) throw error;
      return 'already';
    }
  }
}
