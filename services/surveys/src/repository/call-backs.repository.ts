import { DomainError, WITHOUT_OUTBOX, type AggregateWriter, type Decision } from '@courtyard/kernel';
import type { CallBackRecord, CallBackScheduleRecord } from '../domain/records.js';
import type { SurveysModels } from './models.js';

const SWEEP_BATCH = 100;
const isConflict = (error: unknown) => error instanceof DomainError && error.code === 'CONFLICT';

/** Call-back schedules and the call-backs the scheduler creates. */
export class CallBackStore {
  constructor(
    private readonly models: SurveysModels,
    private readonly writer: AggregateWriter,
  ) {}

  /** The projection of `property.created.v1`: keyed by the property, so a replay hits its `_id`. */
  async recordSchedule(schedule: CallBackScheduleRecord, causationId: string): Promise<void> {
    await this.writer.insert(this.models.CallBackSchedule, schedule, [], undefined, { causationId });
  }

  /** Schedules with a call-back to create at `now` (the `{ nextDueAt }` index). */
  async dueSchedules(now: Date): Promise<CallBackScheduleRecord[]> {
    return (await this.models.CallBackSchedule.find({ nextDueAt: { $lte: now } }, WITHOUT_OUTBOX)
      .sort({ nextDueAt: 1 })
      .limit(SWEEP_BATCH)
      .lean()) as CallBackScheduleRecord[];
  }

  /**
   * The call-back (with `callback.due.v1`), then the schedule's next due time. Its `_id` derives
   * from the property, the handover and the period, so a second scheduler, or a restart between
   * the two writes, finds it created and only moves the schedule on.
   */
  async createDue(
    schedule: CallBackScheduleRecord,
    callBack: Decision<CallBackRecord> | null,
    nextDueAt: Date,
  ): Promise<'created' | 'already' | 'moved'> {
    let outcome: 'created' | 'already' | 'moved' = 'moved';
    if (callBack) {
      try {
        await this.writer.insert(this.models.CallBack, callBack.record, callBack.events);
        outcome = 'created';
      } catch (error) {
        if (!isConflict(error)) throw error;
        outcome = 'already';
      }
    }
    try {
      await this.writer.update(
        this.models.CallBackSchedule,
        schedule._id,
        schedule.version,
        { nextDueAt },
        [],
      );
    } catch (error) {
      // Changed meanwhile (a new handover date, another scheduler): the next sweep decides again.
      if (!isConflict(error)) throw error;
    }
    return outcome;
  }
}
