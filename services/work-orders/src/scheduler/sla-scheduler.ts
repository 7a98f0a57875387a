import { randomUUID } from 'node:crypto';
import {
  DomainError,
  systemActor,
  WITHOUT_OUTBOX,
  type AggregateWriter,
  type CommandContext,
  type Logger,
} from '@courtyard/kernel';
import type { mongo } from 'mongoose';
import * as lifecycle from '../domain/lifecycle.js';
import type { HelpRequestRecord } from '../domain/records.js';
import { ESCALATION_ROLES, escalateBreaches, nextLevel } from '../domain/sla-breaches.js';
import { createLoaders } from '../repository/loaders.js';
import type { WorkOrdersModels } from '../repository/models.js';
import { WorkOrdersReads } from '../repository/work-orders.reads.js';
import { WorkOrdersRepository } from '../repository/work-orders.repository.js';

export interface SlaSchedulerOptions {
  models: WorkOrdersModels;
  db: mongo.Db;
  writer: AggregateWriter;
  /** The names of the chain's four levels, front desk first (ESCALATION_CHAIN_TITLES). */
  chainTitles: readonly string[];
  /** Hours after resolution before the service records a resident's silence (rule 7). */
  confirmationWaitHours: number;
  /** At most this many requests per scan and kind (the rest wait for the next scan). */
  batchSize: number;
  /** How many due requests are decided and written at once (default 8). */
  concurrency?: number;
  /** The system actor's subject: the service's name. */
  actor?: string;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

export interface ScanReport {
  breached: number;
  escalated: number;
  confirmed: number;
  /** Requests another replica (or a person) changed between our read and our write: left to it. */
  skipped: number;
}

const DEFAULT_CONCURRENCY = 8;

/** Runs `work` on every item, `size` at a time, one wave after another. */
async function inWaves<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>) {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(work));
  }
}

const isStale = (error: unknown) => error instanceof DomainError && error.code === 'CONFLICT';

/**
 * The SLA scheduler of work-orders (spec §2 rule 8): finds, without anyone reading, the clocks
 * past due and the escalation deadlines passed, marks and escalates them, and records the
 * resident's silence once the confirmation wait is over. It reads only what is due (an indexed
 * `slaWakeAt <= now`, and `RESOLVED` by `resolvedAt`), so a scan costs what is due, not what is
 * open. Each decision is one document write filtered on the version read, and each breach has a
 * key per request, clock and level: two replicas scanning at once, or a scan repeated after a
 * restart, escalate a breach once. Time comes in: `tick(now)`.
 */
export class SlaScheduler {
  private readonly actor: string;
  constructor(private readonly options: SlaSchedulerOptions) {
    if (options.chainTitles.length !== ESCALATION_ROLES.length) {
      throw new TypeError(
        `chainTitles needs ${ESCALATION_ROLES.length} names, got ${options.chainTitles.length}`,
      );
    }
    this.actor = options.actor ?? 'work-orders';
  }

  async tick(now: Date): Promise<ScanReport> {
    const report: ScanReport = { breached: 0, escalated: 0, confirmed: 0, skipped: 0 };
    const { models, db, writer } = this.options;
    const loaders = createLoaders(models);
    const reads = new WorkOrdersReads(models, loaders);
    const repository = new WorkOrdersRepository(models, db, writer, loaders);
    const context: CommandContext = { actor: systemActor(this.actor), now, newId: randomUUID };

    const due = (await models.HelpRequest.find({ slaWakeAt: { $lte: now } }, WITHOUT_OUTBOX)
      .sort({ slaWakeAt: 1 })
      .limit(this.options.batchSize)
      .lean()) as HelpRequestRecord[];
    // Who is on duty is the same for every request of a property and role within one scan.
    const onDutyOf = new Map<string, ReturnType<WorkOrdersReads['onDuty']>>();
    const onDuty = (propertyId: string, role: NonNullable<(typeof ESCALATION_ROLES)[number]>) => {
      const key = `${propertyId}\u0000${role}`;
      if (!onDutyOf.has(key)) onDutyOf.set(key, reads.onDuty(propertyId, role, now));
      return onDutyOf.get(key)!;
    };
    // Each request is its own document and its own decision: a few are written at once, so a
    // scan's time is bounded by the store's throughput rather than by one round trip after another.
    await inWaves(due, this.options.concurrency ?? DEFAULT_CONCURRENCY, async (request) => {
      const level = nextLevel(request);
      const role = level === null ? null : ESCALATION_ROLES[level];
      const staff = role ? await onDuty(request.propertyId, role) : null;
      const target =
        level === null ? null : { title: this.options.chainTitles[level]!, staffId: staff?._id ?? null };
      const decision = escalateBreaches(request, target, context);
      await this.save(repository, request, decision, report, (saved) => {
        report.breached +=
          saved.breaches.length -
          request.breaches.length -
          (saved.escalationLevel > request.escalationLevel ? 1 : 0);
        if (saved.escalationLevel > request.escalationLevel) report.escalated += 1;
      });
    });

    const waitedSince = new Date(now.getTime() - this.options.confirmationWaitHours * 3_600_000);
    const silent = (await models.HelpRequest.find(
      { state: 'RESOLVED', resolvedAt: { $lte: waitedSince } },
      WITHOUT_OUTBOX,
    )
      .sort({ resolvedAt: 1 })
      .limit(this.options.batchSize)
      .lean()) as HelpRequestRecord[];
    await inWaves(silent, this.options.concurrency ?? DEFAULT_CONCURRENCY, async (request) => {
      const decision = lifecycle.recordNoResponse(
        request,
        this.options.confirmationWaitHours,
        `recorded by the service after ${this.options.confirmationWaitHours} h`,
        context,
      );
      await this.save(repository, request, decision, report, () => {
        report.confirmed += 1;
      });
    });
    if (report.breached + report.escalated + report.confirmed > 0)
      this.options.logger?.info(report, 'SLA scan');
    return report;
  }

  private async save(
    repository: WorkOrdersRepository,
    before: HelpRequestRecord,
    decision: ReturnType<typeof escalateBreaches>,
    report: ScanReport,
    count: (saved: HelpRequestRecord) => void,
  ): Promise<void> {
    if (!decision) return;
    try {
      count(await repository.saveHelpRequest(before, decision));
    } catch (error) {
      if (!isStale(error)) throw error;
      report.skipped += 1;
    }
  }

  /**
   * Scans every `intervalMs` on the machine's clock. The timer does not hold the process open:
   * a scan cut short by a shutdown wrote whole documents or nothing, and the next scan (here
   * or on another replica) finds the rest, because everything due is stored.
   */
  start(intervalMs: number, clock: () => Date = () => new Date()): { stop: () => void } {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      this.tick(clock())
        .catch((error: unknown) => this.options.logger?.error({ err: error }, 'SLA scan failed'))
        .finally(() => {
          running = false;
        });
    }, intervalMs);
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }
}
