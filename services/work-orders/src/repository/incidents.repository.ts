import {
  DomainError,
  idsDerivedFrom,
  isDuplicateKeyError,
  isKeyAlreadyApplied,
  retryOnStale,
  WITHOUT_OUTBOX,
  type AggregateWriter,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel';
import { countComplaint, windowIdOf, type BurstDecision } from '../domain/burst-window.js';
import { incidentRulesOf, ruleFor } from '../domain/incident-rules.js';
import type { ComplaintWindowRecord, HelpRequestRecord, IncidentRecord } from '../domain/records.js';
import type { WorkOrdersModels } from './models.js';

/** How often a complaint is counted again after another intake changed its window first. */
const ATTEMPTS = 8;

const isStale = (error: unknown) =>
  (error instanceof DomainError && error.code === 'CONFLICT') || isDuplicateKeyError(error);

/**
 * The `n`-th incident of a window: a name-based id of the window and `n`, so two intakes that
 * decide the same crossing decide the same id, and the unique `_id` lets only one create it.
 */
export const incidentIdOf = (windowId: string) => (generation: number) =>
  idsDerivedFrom(`incident:${windowId}:${generation}`)();

/** Incident writes: burst counting at intake, and each step of an incident's life. */
export class IncidentsRepository {
  constructor(
    private readonly models: WorkOrdersModels,
    private readonly writer: AggregateWriter,
  ) {}

  /**
   * Counts a just-recorded complaint (seed 001-G) and raises or links the incident its window
   * calls for. The store has no transactions, so the window document is where concurrent
   * intakes meet: each decision is written against the version read (a stale one is decided
   * again), and a raised incident's id derives from the window, so of two intakes crossing
   * the threshold at once one creates it and the other finds it and links to it. The incident
   * is written before the window: a crash between leaves an incident the next crossing finds.
   */
  async countComplaint(request: HelpRequestRecord, vip: boolean, context: CommandContext) {
    const property = await this.models.Property.findOne(
      { _id: request.propertyId },
      { incidentRules: 1 },
    ).lean();
    const rule = ruleFor(incidentRulesOf(property), request.category);
    if (!rule) return null;
    const windowId = windowIdOf(request.propertyId, request.category);
    let floor = 0;
    return retryOnStale(
      async () => {
        for (;;) {
          const stored = (await this.models.ComplaintWindow.findOne({
            _id: windowId,
          }).lean()) as ComplaintWindowRecord | null;
          const window = stored && floor > stored.raised ? { ...stored, raised: floor } : stored;
          const open = window?.openIncidentId ? await this.incident(window.openIncidentId) : null;
          const decision = countComplaint(window, open, request, vip, rule, incidentIdOf(windowId), context);
          const incident = await this.applyIncident(decision, open);
          if (incident === 'CLOSED_BEFORE') {
            // A crash left that incident raised and closed without the window knowing: the next one.
            floor = (window?.raised ?? 0) + 1;
            continue;
          }
          // A link changes the incident only; the window stays as it was read.
          if (decision.kind !== 'LINKED') await this.saveWindow(stored, decision.window);
          return incident;
        }
      },
      { attempts: ATTEMPTS, isStale },
    );
  }

  /**
   * The incident the decision raises or links to, written (null: only counted). A link is
   * written against the version of the incident it was decided on (`open`), so a link made by
   * another intake meanwhile is never overwritten: the write is stale and decided again.
   */
  private async applyIncident(
    decision: BurstDecision,
    open: IncidentRecord | null,
  ): Promise<IncidentRecord | null | 'CLOSED_BEFORE'> {
    if (decision.kind === 'COUNTED') return null;
    if (decision.kind === 'LINKED') {
      if (!decision.incident) return open;
      return this.save(open!, decision.incident);
    }
    let existing: IncidentRecord | null;
    try {
      const written = await this.writer.insertOrMeet(
        this.models.Incident,
        decision.incident.record,
        decision.incident.events,
      );
      if (written.created) return written.record;
      // A keyed re-run after a crash between this insert and the window's: the incident its
      // first attempt raised (its times, not this run's), joined as any found incident is.
      existing = written.record;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // Another intake raised this very incident first: join it.
      existing = await this.incident(decision.incident.record._id);
    }
    if (!existing) throw new DomainError('CONFLICT', 'STALE_VERSION', 'incident vanished; retry');
    if (existing.state === 'CLOSED') return 'CLOSED_BEFORE';
    const missing = decision.incident.record.helpRequestIds.filter(
      (id) => !existing.helpRequestIds.includes(id),
    );
    if (missing.length === 0) return existing;
    return this.save(existing, {
      record: { ...existing, helpRequestIds: [...existing.helpRequestIds, ...missing] },
      events: [],
    });
  }

  /**
   * A window created (it was absent when read) or changed on the version read. A create that meets
   * a window stored meanwhile, even by a keyed first attempt, did not write this decision: it is
   * stale and decided again on what is stored.
   */
  private async saveWindow(before: ComplaintWindowRecord | null, next: ComplaintWindowRecord) {
    const { _id, version, createdAt, ...set } = next;
    void version;
    if (!before) {
      const written = await this.writer.insertOrMeet(
        this.models.ComplaintWindow,
        { _id, createdAt, ...set },
        [],
      );
      if (!written.created)
        throw new DomainError('CONFLICT', 'STALE_VERSION', 'window stored meanwhile; retry');
      return;
    }
    try {
      await this.writer.update(this.models.ComplaintWindow, _id, before.version, set, []);
    } catch (error) {
      // A keyed re-run after a lost answer: its first attempt counted this complaint here already.
      if (!isKeyAlreadyApplied(error)) throw error;
    }
  }

  async incident(id: string): Promise<IncidentRecord | null> {
    return (await this.models.Incident.findOne({ _id: id }, WITHOUT_OUTBOX).lean()) as IncidentRecord | null;
  }

  /** A decision taken on `before`, written only if nobody changed the incident since (CONFLICT). */
  async save(before: IncidentRecord, { record, events }: Decision<IncidentRecord>): Promise<IncidentRecord> {
    const { _id, version, createdAt, ...set } = record;
    void version;
    void createdAt;
    const saved = await this.writer.update(this.models.Incident, _id, before.version, set, events);
    return { ...record, version: saved };
  }
}
