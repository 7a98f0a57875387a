import {
  idsDerivedFrom,
  systemActor,
  type AggregateWriter,
  type CommandContext,
  type Decision,
  type Logger,
} from '@courtyard/kernel';
import {
  generateTask,
  markOverdue,
  periodsToGenerate,
  planPeriods,
  taskKey,
} from '../domain/maintenance-task.js';
import type { MaintenanceTaskRecord } from '../domain/records.js';
import type { Period } from '../domain/recurrence.js';
import { isStale, MaintenanceRepository } from '../repository/maintenance.repository.js';
import type { FacilitiesModels } from '../repository/models.js';

export interface MaintenanceSchedulerOptions {
  models: FacilitiesModels;
  writer: AggregateWriter;
  /** Tasks are generated for periods starting up to this far ahead (ms). */
  horizonMs: number;
  /** Periods that ended up to this long ago are still generated, after an outage (ms). */
  catchUpMs: number;
  /** Plans read per page, and tasks marked overdue per scan. */
  batchSize: number;
  actor?: string;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

export interface MaintenanceScanReport {
  plans: number;
  generated: number;
  overdue: number;
  /** Tasks another replica changed between our read and our write: left to it. */
  skipped: number;
}

/** Tasks written per insert: bounded so one scan's writes stay small documents batches. */
const INSERT_CHUNK = 500;

/**
 * The preventive-maintenance scheduler (spec §3): generates every active plan's tasks for the
 * periods starting within the horizon, and marks the tasks past due without completion overdue.
 * A task's `_id` (and its due event's) derives from its plan, facility and period
 * (`taskKey`), so a period has one task however often it is generated: twice in a row, after
 * a restart, or by two replicas at once (the second insert of an `_id` stores nothing). Marking
 * overdue is a version-checked write, so it happens once. Time comes in: `tick(now)`.
 */
export class MaintenanceScheduler {
  private readonly actor: string;
  constructor(private readonly options: MaintenanceSchedulerOptions) {
    this.actor = options.actor ?? 'facilities';
  }

  async tick(now: Date): Promise<MaintenanceScanReport> {
    const report: MaintenanceScanReport = { plans: 0, generated: 0, overdue: 0, skipped: 0 };
    const repository = new MaintenanceRepository(this.options.models, this.options.writer);
    const window = {
      from: new Date(now.getTime() - this.options.catchUpMs),
      to: new Date(now.getTime() + this.options.horizonMs),
    };
    const contextFor = (key: string): CommandContext => ({
      actor: systemActor(this.actor),
      now,
      newId: idsDerivedFrom(key),
    });

    let pending: Array<Decision<MaintenanceTaskRecord>> = [];
    const flush = async () => {
      report.generated += (await repository.insertTasksAbsent(pending)).length;
      pending = [];
    };
    let after: string | null = null;
    for (;;) {
      const plans = await repository.activePlans(after, this.options.batchSize);
      if (plans.length === 0) break;
      after = plans.at(-1)!._id;
      for (const plan of plans) {
        report.plans += 1;
        let periods: Period[];
        try {
          periods = planPeriods(plan, window);
        } catch (error) {
          // One plan's rule that no longer expands must not stop every other plan's tasks.
          this.options.logger?.warn({ err: error, planId: plan._id }, 'maintenance plan skipped');
          continue;
        }
        if (periods.length === 0) continue;
        for (const facility of await repository.facilitiesOf(plan)) {
          for (const period of periodsToGenerate(plan, facility, periods)) {
            pending.push(
              generateTask(plan, facility, period, contextFor(taskKey(plan._id, facility._id, period))),
            );
            if (pending.length >= INSERT_CHUNK) await flush();
          }
        }
      }
    }
    await flush();

    for (const task of await repository.openPastDue(now, this.options.batchSize)) {
      const decision = markOverdue(task, contextFor(`maintenance-overdue/${task._id}`));
      if (!decision) continue;
      try {
        await repository.saveTask(task, decision);
        report.overdue += 1;
      } catch (error) {
        if (!isStale(error)) throw error;
        report.skipped += 1;
      }
    }
    if (report.generated + report.overdue > 0) this.options.logger?.info(report, 'maintenance scan');
    return report;
  }
}
