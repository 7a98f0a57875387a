import { OFFICE_ROLES, STAFF_AND_RESIDENTS, STAFF_ROLES, type AccessRules } from '@courtyard/kernel';
import {
  ESTATE_EDITORS,
  PII_LOG_READERS,
  PROPERTY_CREATORS,
  RESIDENT_EDITORS,
  RESIDENT_REGISTRARS,
} from '../domain/access.js';

/**
 * Who may call each residents field (spec §7). The gate runs in the kernel before the resolver;
 * `then` names the check the domain makes on the record it loads.
 */
export const accessRules: AccessRules = {
  // Residents reach their home through `resident` and `household`, not the estate directory.
  Query: {
    property: { allow: STAFF_ROLES },
    propertyByCode: { allow: STAFF_ROLES },
    properties: { allow: STAFF_ROLES, then: 'only the properties the caller acts for' },
    building: { allow: STAFF_ROLES, then: 'staff of its property (another property’s is not found)' },
    unit: { allow: STAFF_ROLES, then: 'staff of its property (another property’s is not found)' },
    units: { allow: STAFF_ROLES, scope: 'propertyId' },
    resident: { allow: STAFF_AND_RESIDENTS, then: 'staff of its property, or the resident themself' },
    residents: { allow: STAFF_ROLES, scope: 'propertyId' },
    household: { allow: STAFF_AND_RESIDENTS, then: 'staff of its property, or a current member' },
    piiAccessLog: { allow: PII_LOG_READERS, scope: 'propertyId' },
    me: { allow: ['RESIDENT'], then: 'the resident id the token carries' },
  },
  Mutation: {
    createProperty: { allow: PROPERTY_CREATORS },
    createBuilding: { allow: ESTATE_EDITORS, scope: 'input.propertyId' },
    createUnit: { allow: ESTATE_EDITORS, then: 'staff of the building’s property' },
    registerResident: { allow: RESIDENT_REGISTRARS, scope: 'input.propertyId' },
    moveIn: { allow: OFFICE_ROLES, then: 'staff of the unit’s property' },
    moveOut: { allow: OFFICE_ROLES, then: 'staff of the unit’s property' },
    updateResidentContactDetails: { allow: ['RESIDENT'], then: 'only the caller’s own record' },
    updateResident: { allow: RESIDENT_EDITORS, then: 'staff of the resident’s property' },
  },
  // A property's own lists, reached through `property { units … }`, follow `units` and `residents`;
  // its buildings and their units are its staff's too (`property { buildings { units } }`).
  Property: {
    buildings: { allow: STAFF_ROLES, scope: 'parent._id' },
    units: { allow: STAFF_ROLES, scope: 'parent._id' },
    residents: { allow: STAFF_ROLES, scope: 'parent._id' },
  },
  Building: {
    units: { allow: STAFF_ROLES, scope: 'parent.propertyId' },
  },
};
