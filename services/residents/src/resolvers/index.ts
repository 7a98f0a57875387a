import { scalarResolvers } from '@courtyard/kernel';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Building } from './Building.js';
import { Household } from './Household.js';
import { HouseholdMember } from './HouseholdMember.js';
import { Mutation } from './Mutation.js';
import { PiiAccess } from './PiiAccess.js';
import { Property } from './Property.js';
import { Query } from './Query.js';
import { Resident } from './Resident.js';
import { Unit } from './Unit.js';

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query,
  Mutation,
  Property,
  Building,
  Unit,
  Resident,
  Household,
  HouseholdMember,
  PiiAccess,
};
