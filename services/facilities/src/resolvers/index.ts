import { scalarResolvers } from '@courtyard/kernel';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { FacilityAvailability } from './Availability.js';
import { DowntimeInterval } from './DowntimeInterval.js';
import {
  FacilityCompliance,
  FacilityInspection,
  FacilityInspectionItem,
  Meter,
  MeterReading,
  ServiceContract,
  ServicePartner,
} from './Estate.js';
import { EstateMutation } from './EstateMutation.js';
import { EstateQuery } from './EstateQuery.js';
import { Facility, Fault } from './Facility.js';
import { MaintenancePlan, MaintenanceTask } from './Maintenance.js';
import { Mutation } from './Mutation.js';
import { maintenanceMutations } from './Mutation.maintenance.js';
import { Property } from './Property.js';
import { Query } from './Query.js';
import { maintenanceQueries } from './Query.maintenance.js';

export const resolvers: Resolvers = {
  DateTime: scalarResolvers.DateTime,
  Query: { ...Query, ...EstateQuery, ...maintenanceQueries },
  Mutation: { ...Mutation, ...EstateMutation, ...maintenanceMutations },
  Facility: { ...Facility, ...FacilityCompliance },
  Fault,
  Property,
  DowntimeInterval,
  FacilityAvailability,
  ServicePartner,
  ServiceContract,
  Meter,
  MeterReading,
  FacilityInspection,
  FacilityInspectionItem,
  MaintenancePlan,
  MaintenanceTask,
};
