import type DataLoader from 'dataloader';
import type { Model } from 'mongoose';
import { DomainError, type AggregateWriter, type Decision } from '@courtyard/kernel';
import type { ResidentUpdate } from '../domain/resident-changes.js';
import type {
  BuildingRecord,
  HouseholdRecord,
  PropertyRecord,
  ResidentRecord,
  UnitRecord,
} from '../domain/records.js';
import type { ResidentsLoaders } from './loaders.js';
import type { ResidentsModels } from './models.js';

/**
 * Writes go through the kernel's AggregateWriter (state and events in one document write);
 * after a write the request's loaders are primed so the payload reads what was written.
 */
export class ResidentsRepository {
  constructor(
    private readonly models: ResidentsModels,
    private readonly writer: AggregateWriter,
    private readonly loaders: ResidentsLoaders,
  ) {}

  insertProperty(decision: Decision<PropertyRecord>): Promise<PropertyRecord> {
    const { code } = decision.record;
    return this.insert(
      this.models.Property,
      this.loaders.propertyById,
      decision,
      'DUPLICATE_PROPERTY_CODE',
      `A property with code ${code} already exists`,
    );
  }

  insertBuilding(decision: Decision<BuildingRecord>): Promise<BuildingRecord> {
    const { name } = decision.record;
    return this.insert(
      this.models.Building,
      this.loaders.buildingById,
      decision,
      'DUPLICATE_BUILDING_NAME',
      `The property already has a building named ${name}`,
    );
  }

  insertUnit(decision: Decision<UnitRecord>): Promise<UnitRecord> {
    const { number } = decision.record;
    return this.insert(
      this.models.Unit,
      this.loaders.unitById,
      decision,
      'DUPLICATE_UNIT_NUMBER',
      `The building already has a unit numbered ${number}`,
    );
  }

  insertResident(decision: Decision<ResidentRecord>): Promise<ResidentRecord> {
    return this.insert(this.models.Resident, this.loaders.residentById, decision);
  }

  /**
   * A change of a resident: the changed fields, the history entry (appended, never rewritten) and
   * the event in one document write on the version read (CONFLICT if someone changed it since).
   * A change of nothing writes nothing.
   */
  async saveResidentUpdate(before: ResidentRecord, update: ResidentUpdate): Promise<ResidentRecord> {
    const { record, events, change } = update;
    if (change === null) return before;
    const set = Object.fromEntries(
      change.changes.map(({ field }) => [field, record[field]]),
    ) as Partial<ResidentRecord>;
    const version = await this.writer.update(
      this.models.Resident,
      record._id,
      before.version,
      set,
      events,
      undefined,
      { history: [change] },
    );
    const saved = { ...record, version };
    this.loaders.residentById.clear(saved._id).prime(saved._id, saved);
    return saved;
  }

  /** Version 0 means the household does not exist yet: insert (a concurrent first move-in gets CONFLICT). */
  async saveHousehold({ record, events }: Decision<HouseholdRecord>): Promise<HouseholdRecord> {
    let saved: HouseholdRecord;
    if (record.version === 0) {
      // The stored household: a keyed re-run that meets its first attempt's gets that one.
      saved = await this.writer.insert(
        this.models.Household,
        record,
        events,
        () => new DomainError('CONFLICT', 'HOUSEHOLD_CHANGED', 'Someone else changed this household; retry'),
      );
    } else {
      const version = await this.writer.update(
        this.models.Household,
        record._id,
        record.version,
        { members: record.members },
        events,
      );
      saved = { ...record, version };
    }
    this.loaders.householdById.clear(saved._id).prime(saved._id, saved);
    this.loaders.householdByUnitId.clear(saved.unitId).prime(saved.unitId, saved);
    return saved;
  }

  /** Inserts a new aggregate with its events; a unique-key clash is the caller's input problem. */
  private async insert<T extends { _id: string; version: number }>(
    model: Model<T>,
    loader: DataLoader<string, T | null>,
    { record, events }: Decision<T>,
    duplicateReason = 'DUPLICATE_KEY',
    duplicateMessage = 'A record with the same key already exists',
  ): Promise<T> {
    // The stored record: a keyed retry gets the one its first attempt wrote (AggregateWriter.insert).
    const saved = (await this.writer.insert(
      model,
      record,
      events,
      () => new DomainError('BAD_USER_INPUT', duplicateReason, duplicateMessage),
    )) as unknown as T;
    loader.clear(saved._id).prime(saved._id, saved);
    return saved;
  }
}
