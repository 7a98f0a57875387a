import { loaderById } from '@courtyard/kernel';
import type {
  FacilityRecord,
  InspectionRecord,
  MeterRecord,
  ServicePartnerRecord,
} from '../domain/records.js';
import type { MaintenancePlanRecord, MaintenanceTaskRecord } from '../domain/records.js';
import type { FacilitiesModels } from './models.js';

/** Created per request: a cache must never outlive the caller whose rights it was read under. */
export function createLoaders(models: FacilitiesModels) {
  return {
    facilityById: loaderById<FacilityRecord>(models.Facility),
    partnerById: loaderById<ServicePartnerRecord>(models.ServicePartner),
    meterById: loaderById<MeterRecord>(models.Meter),
    inspectionById: loaderById<InspectionRecord>(models.Inspection),
    planById: loaderById<MaintenancePlanRecord>(models.MaintenancePlan),
    taskById: loaderById<MaintenanceTaskRecord>(models.MaintenanceTask),
  };
}

export type FacilitiesLoaders = ReturnType<typeof createLoaders>;
