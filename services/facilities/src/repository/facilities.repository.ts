import { DomainError, WITHOUT_OUTBOX, type AggregateWriter, type Decision } from '@courtyard/kernel';
import type { FacilityRecord } from '../domain/records.js';
import type { FacilitiesLoaders } from './loaders.js';
import type { FacilitiesModels } from './models.js';

/** Fields written once at registration, or only appended to. */
const NOT_SET = new Set(['_id', 'version', 'outbox', 'createdAt', 'statusHistory', 'closedFaults']);

/**
 * Writes go through the kernel's AggregateWriter (state and events in one document write);
 * after a write the request's loaders are primed so the payload reads what was written.
 */
export class FacilitiesRepository {
  constructor(
    private readonly models: FacilitiesModels,
    private readonly writer: AggregateWriter,
    private readonly loaders?: FacilitiesLoaders,
  ) {}

  async insertFacility({ record, events }: Decision<FacilityRecord>): Promise<FacilityRecord> {
    // The stored record: a keyed retry gets the one its first attempt wrote (AggregateWriter.insert).
    const saved = (await this.writer.insert(
      this.models.Facility,
      record,
      events,
      () =>
        new DomainError(
          'CONFLICT',
          'DUPLICATE_ASSET_TAG',
          `The property already has a facility tagged ${record.assetTag}`,
        ),
    )) as unknown as FacilityRecord;
    this.loaders?.facilityById.clear(saved._id).prime(saved._id, saved);
    return saved;
  }

  /**
   * Saves a decision taken on `before`, only if nobody changed the facility since (CONFLICT
   * otherwise); the status history and closed faults are appended (`$push`), never rewritten.
   * A reaction passes its causing event, so a replay is recognised as already applied.
   */
  async saveFacility(
    before: FacilityRecord,
    { record, events }: Decision<FacilityRecord>,
    causationId?: string,
  ): Promise<FacilityRecord> {
    const set = Object.fromEntries(Object.entries(record).filter(([key]) => !NOT_SET.has(key)));
    const version = await this.writer.update(
      this.models.Facility,
      record._id,
      before.version,
      set,
      events,
      undefined,
      {
        statusHistory: record.statusHistory.slice(before.statusHistory.length),
        closedFaults: record.closedFaults.slice(before.closedFaults.length),
      },
      causationId ? { causationId } : {},
    );
    const saved = { ...record, version };
    this.loaders?.facilityById.clear(saved._id).prime(saved._id, saved);
    return saved;
  }

  /** A facility as stored, for a reaction (no caller, no read rule: the system acts on it). */
  async facilityForReaction(id: string): Promise<FacilityRecord | null> {
    return (await this.models.Facility.findOne({ _id: id }, WITHOUT_OUTBOX).lean()) as FacilityRecord | null;
  }
}
