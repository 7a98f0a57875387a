import { ReactionAlreadyApplied, type AggregateWriter } from '@courtyard/kernel';
import type { ResidencyRecord } from '../domain/records.js';
import type { FacilitiesModels } from './models.js';

/**
 * Where residents live, from the residents subgraph's move-in and move-out events: created by the
 * first move-in, updated by later moves (one household's events share a key, so they arrive in
 * order); each write records its causing event, so a replay changes nothing.
 */
export class Residencies {
  constructor(
    private readonly models: FacilitiesModels,
    private readonly writer: AggregateWriter,
  ) {}

  async record(residency: ResidencyRecord, causationId: string): Promise<void> {
    const stored = await this.models.Residency.findOne(
      { _id: residency._id },
      { version: 1, causedBy: 1 },
    ).lean<Pick<ResidencyRecord, 'version'> & { causedBy?: string[] }>();
    if (!stored) {
      await this.writer.insert(this.models.Residency, residency, [], undefined, { causationId });
      return;
    }
    if (stored.causedBy?.includes(causationId))
      throw new ReactionAlreadyApplied('residencies', residency._id, causationId);
    await this.writer.update(
      this.models.Residency,
      residency._id,
      stored.version,
      { current: residency.current },
      [],
      undefined,
      {},
      { causationId },
    );
  }

  /** Whether the resident lives at the property now (a current home there). */
  async livesAt(residentId: string, propertyId: string): Promise<boolean> {
    return (await this.models.Residency.exists({ residentId, propertyId, current: true })) !== null;
  }
}
