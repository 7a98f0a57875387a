import { ReactionAlreadyApplied, type AggregateWriter } from '@courtyard/kernel';
import type { ResidentRecord } from '../domain/records.js';
import type { WorkOrdersModels } from './models.js';

type Stored = ResidentRecord & { causedBy?: string[] };

/**
 * The residents work-orders has heard of, from `residents.events` (services/README.md, "Exactly
 * once"): each reaction is one write that records its event. A resident's registration and their
 * moves travel under different keys (resident id, household id), so either may come first: the
 * first creates the record, a later one updates it.
 */
export class ResidentProjection {
  constructor(
    private readonly models: WorkOrdersModels,
    private readonly writer: AggregateWriter,
  ) {}

  /** What work-orders knows of a resident (their property, unit and household now), or null. */
  async resident(residentId: string | null): Promise<ResidentRecord | null> {
    if (!residentId) return null;
    return (await this.models.Resident.findOne(
      { _id: residentId },
      { outbox: 0, causedBy: 0 },
    ).lean()) as ResidentRecord | null;
  }

  /**
   * Applies one event to a resident: `created` is the record if none exists yet, `change` the
   * fields it sets on one that does.
   */
  async apply(
    created: ResidentRecord,
    change: (stored: ResidentRecord) => Partial<ResidentRecord>,
    causationId: string,
  ): Promise<void> {
    const stored = (await this.models.Resident.findOne({ _id: created._id }).lean()) as Stored | null;
    if (!stored) {
      await this.writer.insert(this.models.Resident, created, [], undefined, { causationId });
      return;
    }
    if (stored.causedBy?.includes(causationId))
      throw new ReactionAlreadyApplied('residents', created._id, causationId);
    await this.writer.update(
      this.models.Resident,
      stored._id,
      stored.version,
      change(stored),
      [],
      undefined,
      {},
      { causationId },
    );
  }
}
