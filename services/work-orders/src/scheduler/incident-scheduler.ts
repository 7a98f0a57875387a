import { randomUUID } from 'node:crypto';
import {
  DomainError,
  systemActor,
  WITHOUT_OUTBOX,
  type AggregateWriter,
  type CommandContext,
  type Logger,
} from '@courtyard/kernel';
import { escalateIncident, nextIncidentLevel } from '../domain/incidents.js';
import type { IncidentRecord } from '../domain/records.js';
import { ESCALATION_ROLES } from '../domain/sla-breaches.js';
import { IncidentsRepository } from '../repository/incidents.repository.js';
import { createLoaders } from '../repository/loaders.js';
import type { WorkOrdersModels } from '../repository/models.js';
import { WorkOrdersReads } from '../repository/work-orders.reads.js';

export interface IncidentSchedulerOptions {
  models: WorkOrdersModels;
  writer: AggregateWriter;
  /** The names of the chain's four levels, front desk first (ESCALATION_CHAIN_TITLES). */
  chainTitles: readonly string[];
  /** At most this many incidents per scan. */
  batchSize: number;
  actor?: string;
  logger?: Pick<Logger, 'info' | 'error'>;
}

export interface IncidentScanReport {
  escalated: number;
  /** Incidents someone changed between our read and our write (taken, or another replica): left. */
  skipped: number;
}

/**
 * Escalates incidents nobody took by their deadline (seed 001-G, "escalated like a request"),
 * the way the SLA scheduler escalates requests: it reads only what is due (`deadlineAt <= now`,
 * indexed and stored, so a restart forgets nothing), decides each in the domain, and writes it
 * against the version read with a key per incident and level, so two replicas or a repeated
 * scan escalate a level once. Time comes in: `tick(now)`.
 */
export class IncidentScheduler {
  constructor(private readonly options: IncidentSchedulerOptions) {
    if (options.chainTitles.length !== ESCALATION_ROLES.length)
      throw new TypeError(
        `chainTitles needs ${ESCALATION_ROLES.length} names, got ${options.chainTitles.length}`,
      );
  }

  async tick(now: Date): Promise<IncidentScanReport> {
    const report: IncidentScanReport = { escalated: 0, skipped: 0 };
    const { models, writer } = this.options;
    const reads = new WorkOrdersReads(models, createLoaders(models));
    const repository = new IncidentsRepository(models, writer);
    const context: CommandContext = {
      actor: systemActor(this.options.actor ?? 'work-orders'),
      now,
      newId: randomUUID,
    };
    const due = (await models.Incident.find(
      { deadlineAt: { $lte: now }, state: { $in: ['RAISED', 'ESCALATED'] } },
      WITHOUT_OUTBOX,
    )
      .sort({ deadlineAt: 1 })
      .limit(this.options.batchSize)
      .lean()) as IncidentRecord[];
    for (const incident of due) {
      const level = nextIncidentLevel(incident);
      if (level === null) continue;
      const staff = await reads.onDuty(incident.propertyId, ESCALATION_ROLES[level]!, now);
      const decision = escalateIncident(
        incident,
        { title: this.options.chainTitles[level]!, staffId: staff?._id ?? null },
        context,
      );
      if (!decision) continue;
      try {
        await repository.save(incident, decision);
        report.escalated += 1;
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
        report.skipped += 1;
      }
    }
    if (report.escalated > 0) this.options.logger?.info(report, 'incident scan');
    return report;
  }
}
