import { DomainError, WITHOUT_OUTBOX, type AggregateWriter, type Decision } from '@courtyard/kernel';
import type {
  FacilityRecord,
  MaintenancePlanRecord,
  MaintenanceTaskRecord,
  PropertyRecord,
} from '../domain/records.js';
import type { FacilitiesLoaders } from './loaders.js';
import type { FacilitiesModels } from './models.js';

const FIXED = new Set(['_id', 'version', 'outbox', 'createdAt', 'causedBy']);
const settable = <T extends object>(record: T) =>
  Object.fromEntries(Object.entries(record).filter(([key]) => !FIXED.has(key)));

/** Every maintenance write, through the AggregateWriter; primes the request's loaders after it. */
export class MaintenanceRepository {
  constructor(
    private readonly models: FacilitiesModels,
    private readonly writer: AggregateWriter,
    private readonly loaders?: FacilitiesLoaders,
  ) {}

  /** The stored plan: a keyed re-run gets the one its first attempt wrote (same id and times). */
  async insertPlan(plan: MaintenancePlanRecord): Promise<MaintenancePlanRecord> {
    const saved = await this.writer.insert(this.models.MaintenancePlan, plan, []);
    this.loaders?.planById.clear(saved._id).prime(saved._id, saved);
    return saved;
  }

  /** Plans whose ids derive from what they are (a property's defaults): those stored are left. */
  async insertPlansAbsent(plans: MaintenancePlanRecord[]): Promise<string[]> {
    return this.writer.insertAbsent(
      this.models.MaintenancePlan,
      plans.map((document) => ({ document, events: [] })),
    );
  }

  async savePlan(before: MaintenancePlanRecord, next: MaintenancePlanRecord): Promise<MaintenancePlanRecord> {
    const version = await this.writer.update(
      this.models.MaintenancePlan,
      before._id,
      before.version,
      settable(next),
      [],
    );
    const saved = { ...next, version };
    this.loaders?.planById.clear(saved._id).prime(saved._id, saved);
    return saved;
  }

  /** Tasks keyed by plan, facility and period: one already stored is not inserted again. */
  async insertTasksAbsent(decisions: Array<Decision<MaintenanceTaskRecord>>): Promise<string[]> {
    return this.writer.insertAbsent(
      this.models.MaintenanceTask,
      decisions.map(({ record, events }) => ({ document: record, events })),
    );
  }

  async saveTask(
    before: MaintenanceTaskRecord,
    { record, events }: Decision<MaintenanceTaskRecord>,
  ): Promise<MaintenanceTaskRecord> {
    const version = await this.writer.update(
      this.models.MaintenanceTask,
      before._id,
      before.version,
      settable(record),
      events,
    );
    const saved = { ...record, version };
    this.loaders?.taskById.clear(saved._id).prime(saved._id, saved);
    return saved;
  }

  async taskById(id: string): Promise<MaintenanceTaskRecord | null> {
    return (await this.models.MaintenanceTask.findOne(
      { _id: id },
      WITHOUT_OUTBOX,
    ).lean()) as MaintenanceTaskRecord | null;
  }

  /**
   * The property as facilities knows it, keyed by its own id and stamped with the event that
   * announced it: a replay hits the `_id` and is recognised as already applied.
   */
  async recordProperty(property: PropertyRecord, causationId: string): Promise<void> {
    await this.writer.insert(this.models.Property, property, [], undefined, { causationId });
  }

  /** Active plans after `afterId`, in id order (the scheduler pages through them). */
  async activePlans(afterId: string | null, limit: number): Promise<MaintenancePlanRecord[]> {
    return (await this.models.MaintenancePlan.find(
      { active: true, ...(afterId ? { _id: { $gt: afterId } } : {}) },
      WITHOUT_OUTBOX,
    )
      .sort({ _id: 1 })
      .limit(limit)
      .lean()) as MaintenancePlanRecord[];
  }

  /** The facilities a plan is for: its one, or every facility of its type at its property. */
  async facilitiesOf(plan: MaintenancePlanRecord): Promise<FacilityRecord[]> {
    const filter = plan.facilityId
      ? { _id: plan.facilityId }
      : { propertyId: plan.propertyId, type: plan.facilityType };
    return (await this.models.Facility.find(filter, {
      _id: 1,
      propertyId: 1,
      type: 1,
      status: 1,
      createdAt: 1,
    }).lean()) as FacilityRecord[];
  }

  /** Open tasks past their due time, oldest due first. */
  async openPastDue(now: Date, limit: number): Promise<MaintenanceTaskRecord[]> {
    return (await this.models.MaintenanceTask.find({ status: 'OPEN', dueAt: { $lte: now } }, WITHOUT_OUTBOX)
      .sort({ dueAt: 1 })
      .limit(limit)
      .lean()) as MaintenanceTaskRecord[];
  }
}

export const isStale = (error: unknown): boolean => error instanceof DomainError && error.code === 'CONFLICT';
