import { STAFF_ROLES, type AccessRules } from '@courtyard/kernel';
import { EDITORS } from '../domain/access.js';

/**
 * Who may call each facilities field. The kernel runs the gate before the resolver and refuses to
 * start when a Query or Mutation field has no rule; `then` names what the domain checks next.
 */
export const accessRules: AccessRules = {
  Query: {
    facility: { allow: STAFF_ROLES, then: 'staff of its property' },
    facilities: { allow: STAFF_ROLES, scope: 'propertyId' },
  },
  Mutation: {
    createFacility: { allow: EDITORS, scope: 'input.propertyId' },
  },
};
