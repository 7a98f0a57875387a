import {
  DomainError,
  notFound,
  paginate,
  WITHOUT_OUTBOX,
  type Caller,
  type PageArgs,
} from '@courtyard/kernel';
import type { FacilityType } from '../domain/catalogue.js';
import { TASK_STATUSES, type MaintenanceTaskStatus } from '../domain/maintenance-catalogue.js';
import type { MaintenanceProperty } from '../domain/maintenance-plan.js';
import type {
  FacilityRecord,
  MaintenancePlanRecord,
  MaintenanceTaskRecord,
  PropertyRecord,
} from '../domain/records.js';
import { canReadMaintenance, maintenanceReadableBy } from '../domain/visibility.js';
import type { FacilitiesLoaders } from './loaders.js';
import type { FacilitiesModels } from './models.js';

const identity = <T>(doc: T) => doc;

export interface PlanFilter {
  facilityId?: string | null;
  facilityType?: FacilityType | null;
  active?: boolean | null;
}

export interface TaskFilter {
  facilityId?: string | null;
  status?: MaintenanceTaskStatus | null;
  /** true: only OVERDUE tasks; false: only those that are not. */
  overdue?: boolean | null;
}

/** Every maintenance read: the plans and tasks of properties the caller may read, no pending outbox. */
export class MaintenanceReads {
  constructor(
    private readonly models: FacilitiesModels,
    private readonly loaders: FacilitiesLoaders,
  ) {}

  async plan(caller: Caller, id: string): Promise<MaintenancePlanRecord> {
    const record = await this.loaders.planById.load(id);
    return record && canReadMaintenance(caller, record) ? record : notFound('MaintenancePlan', id);
  }

  async task(caller: Caller, id: string): Promise<MaintenanceTaskRecord> {
    const record = await this.loaders.taskById.load(id);
    return record && canReadMaintenance(caller, record) ? record : notFound('MaintenanceTask', id);
  }

  plans(caller: Caller, propertyId: string, filter: PlanFilter, page: PageArgs) {
    return paginate(
      this.models.MaintenancePlan,
      {
        $and: [
          {
            propertyId,
            ...(filter.facilityId ? { facilityId: filter.facilityId } : {}),
            ...(filter.facilityType ? { facilityType: filter.facilityType } : {}),
            ...(typeof filter.active === 'boolean' ? { active: filter.active } : {}),
          },
          maintenanceReadableBy(caller),
        ],
      },
      page,
      identity,
    );
  }

  tasks(caller: Caller, propertyId: string | null, filter: TaskFilter, page: PageArgs) {
    return paginate(
      this.models.MaintenanceTask,
      {
        $and: [
          {
            ...(propertyId ? { propertyId } : {}),
            ...(filter.facilityId ? { facilityId: filter.facilityId } : {}),
            ...this.statusFilter(filter),
          },
          maintenanceReadableBy(caller),
        ],
      },
      page,
      identity,
    );
  }

  /** The plans that apply to a facility: its own and its type's at its property, newest first. */
  async plansFor(caller: Caller, facility: FacilityRecord): Promise<MaintenancePlanRecord[]> {
    const plans = (await this.models.MaintenancePlan.find(
      { propertyId: facility.propertyId, facilityType: facility.type },
      WITHOUT_OUTBOX,
    )
      .sort({ createdAt: -1, _id: -1 })
      .limit(200)
      .lean()) as MaintenancePlanRecord[];
    return plans.filter(
      (plan) =>
        (plan.facilityId === null || plan.facilityId === facility._id) && canReadMaintenance(caller, plan),
    );
  }

  /** The property's zone, or a refusal to retry while its creation is still on its way. */
  async property(propertyId: string): Promise<MaintenanceProperty> {
    const property = (await this.models.Property.findOne({
      _id: propertyId,
    }).lean()) as PropertyRecord | null;
    if (!property)
      throw new DomainError(
        'CONFLICT',
        'PROPERTY_NOT_YET_KNOWN',
        `Property ${propertyId} is not known to facilities yet; if it was just created, retry in a few seconds`,
        { propertyId },
      );
    return { propertyId, timeZone: property.timeZone };
  }

  /** `overdue` and `status` combine: both must hold (OVERDUE with overdue false matches nothing). */
  private statusFilter(filter: TaskFilter) {
    const statuses = new Set<MaintenanceTaskStatus>(filter.status ? [filter.status] : TASK_STATUSES);
    if (filter.overdue === true) for (const s of TASK_STATUSES) if (s !== 'OVERDUE') statuses.delete(s);
    if (filter.overdue === false) statuses.delete('OVERDUE');
    if (statuses.size === TASK_STATUSES.length) return {};
    return statuses.size === 1 ? { status: [...statuses][0] } : { status: { $in: [...statuses] } };
  }
}
