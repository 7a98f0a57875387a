import { STAFF_ROLES, type AccessRules } from '@courtyard/kernel';
import {
  EDITORS,
  FAULT_REPORTERS,
  INSPECTORS,
  METER_READERS,
  METER_REPLACERS,
  PARTNER_EDITORS,
  PLAN_EDITORS,
  STATUS_CHANGERS,
  TASK_ASSIGNERS,
  TASK_COMPLETERS,
} from '../domain/access.js';

/**
 * Who may call each facilities field. The kernel runs the gate before the resolver and refuses to
 * start when a Query or Mutation field has no rule; `then` names what the domain checks next.
 * Staff read their properties' facilities, quality inspectors every property's.
 */
export const accessRules: AccessRules = {
  Query: {
    facility: { allow: STAFF_ROLES, then: 'staff of its property; inspectors all' },
    facilities: { allow: STAFF_ROLES, scope: 'propertyId' },
    facilityAvailability: {
      allow: STAFF_ROLES,
      scope: 'propertyId',
      then: 'the facility (or the facilities of the type) the caller may read',
    },
    servicePartner: { allow: STAFF_ROLES, then: 'staff of its property; inspectors all' },
    servicePartners: { allow: STAFF_ROLES, scope: 'propertyId' },
    meter: { allow: STAFF_ROLES, then: 'staff of its property; inspectors all' },
    meters: { allow: STAFF_ROLES, scope: 'propertyId' },
    facilityInspection: { allow: STAFF_ROLES, then: 'staff of its property; inspectors all' },
    facilityInspections: { allow: STAFF_ROLES, scope: 'propertyId' },
    maintenancePlan: { allow: STAFF_ROLES, then: 'staff of its property; inspectors all' },
    maintenancePlans: { allow: STAFF_ROLES, scope: 'propertyId' },
    maintenanceTask: { allow: STAFF_ROLES, then: 'staff of its property; inspectors all' },
    maintenanceTasks: { allow: STAFF_ROLES, scope: 'propertyId' },
  },
  Mutation: {
    registerFacility: { allow: EDITORS, scope: 'input.propertyId' },
    changeFacilityStatus: { allow: STATUS_CHANGERS, then: 'staff of its property' },
    retireFacility: { allow: EDITORS, then: 'staff of its property' },
    reportFacilityFault: {
      allow: FAULT_REPORTERS,
      then: 'staff of its property, or a partner serving it (recorded as source PARTNER)',
    },
    registerServicePartner: { allow: PARTNER_EDITORS, scope: 'input.propertyId' },
    addServiceContract: { allow: PARTNER_EDITORS, then: 'staff of its property' },
    registerMeter: { allow: PARTNER_EDITORS, scope: 'input.propertyId' },
    recordMeterReading: { allow: METER_READERS, then: 'staff of its property' },
    replaceMeter: { allow: METER_REPLACERS, then: 'staff of its property' },
    recordFacilityInspection: { allow: INSPECTORS, scope: 'input.propertyId' },
    reportSharedFacilityFault: {
      allow: ['RESIDENT'],
      then: 'a resident living at the facility’s property (recorded as source RESIDENT)',
    },
    createMaintenancePlan: { allow: PLAN_EDITORS, scope: 'input.propertyId' },
    updateMaintenancePlan: { allow: PLAN_EDITORS, then: 'staff of its property' },
    assignMaintenanceTask: { allow: TASK_ASSIGNERS, then: 'staff of its property' },
    completeMaintenanceTask: {
      allow: TASK_COMPLETERS,
      then: 'staff of its property, with the evidence its plan requires',
    },
  },
  Property: {
    facilities: { allow: STAFF_ROLES, scope: 'parent.id', then: 'only what the caller may read' },
  },
};
