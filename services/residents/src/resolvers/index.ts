import { scalarResolvers } from '@courtyard/kernel';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Building, Household, HouseholdMember, PiiAccess, Property, Unit } from './entities.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { Resident } from './Resident.js';

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
