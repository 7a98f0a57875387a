import { randomUUID } from 'node:crypto';
import {
  DomainError,
  systemActor,
  WITHOUT_OUTBOX,
  type AggregateWriter,
  type CommandContext,
  type Logger,
} from '@courtyard/kernel';
import type { PropertyRecord } from '../domain/records.js';
import { announceDue, dueReportKey, recentlyDue } from '../domain/report-schedule.js';
import { calendarOf } from '../domain/sla-policies.js';
import { slaReport } from '../domain/sla-report.js';
import { createLoaders } from '../repository/loaders.js';
import type { WorkOrdersModels } from '../repository/models.js';
import { WorkOrdersReads } from '../repository/work-orders.reads.js';

export interface ReportDuesOptions {
  models: WorkOrdersModels;
  writer: AggregateWriter;
  actor?: string;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

const isDuplicate = (error: unknown) => error instanceof DomainError && error.code === 'CONFLICT';

/**
 * Announces each periodic SLA report once when it falls due (`sla_report.due.v1`): per property,
 * the latest report of each kind already due and the one before it (a scheduler down across a due
 * day still announces it), never one for a period that ended before work-orders knew the
 * property. The announcement is an insert keyed by property, kind and period: a restart or a
 * second replica hits the key and announces nothing more. Time comes in: `tick(now)`.
 */
export class ReportDues {
  private readonly actor: string;
  constructor(private readonly options: ReportDuesOptions) {
    this.actor = options.actor ?? 'work-orders';
  }

  /** `propertyIds` narrows a tick to some properties (every one when omitted). */
  async tick(now: Date, propertyIds?: readonly string[]): Promise<{ announced: number }> {
    const { models, writer } = this.options;
    const reads = new WorkOrdersReads(models, createLoaders(models));
    const system = systemActor(this.actor);
    const context: CommandContext = { actor: system, now, newId: randomUUID };
    let announced = 0;
    const properties = (await models.Property.find(
      propertyIds ? { _id: { $in: [...propertyIds] } } : {},
      WITHOUT_OUTBOX,
    ).lean()) as PropertyRecord[];
    for (const property of properties) {
      const reports = recentlyDue(now, calendarOf(property)).filter(
        (report) => report.periodEnd.getTime() > property.createdAt.getTime(),
      );
      if (reports.length === 0) continue;
      const keys = reports.map((report) => dueReportKey(property._id, report));
      const known = new Set(
        (await models.SlaReportDue.find({ _id: { $in: keys } }, { _id: 1 }).lean()).map((d) => String(d._id)),
      );
      for (const report of reports.filter((r) => !known.has(dueReportKey(property._id, r)))) {
        const requests = await reads.reportRequests(system, {
          propertyId: property._id,
          receivedFrom: report.periodStart,
          receivedBefore: report.periodEnd,
        });
        const { record, events } = announceDue(
          property._id,
          property.timeZone,
          report,
          slaReport(requests, now),
          context,
        );
        try {
          await writer.insert(models.SlaReportDue, record, events);
          announced += 1;
        } catch (error) {
          if (!isDuplicate(error)) throw error; // another replica announced it first
        }
      }
    }
    if (announced > 0) this.options.logger?.info({ announced }, 'SLA reports due');
    return { announced };
  }
}
