import { scalarResolvers } from '@courtyard/kernel';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Building } from './Building.js';
import { Household } from './Household.js';
import { HouseholdMember } from './HouseholdMember.js';
import { Mutation } from './Mutation.js';
import { MutationResidentChanges } from './Mutation.residentChanges.js';
import { PiiAccess } from './PiiAccess.js';
import { Property } from './Property.js';
import { Query } from './Query.js';
import { QueryMe } from './Query.me.js';
import { Resident } from './Resident.js';
import { ResidentChange, ResidentFieldChange } from './ResidentChange.js';
import { Unit } from './Unit.js';

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query: { ...Query, ...QueryMe },
  Mutation: { ...Mutation, ...MutationResidentChanges },
  Property,
  Building,
  Unit,
  Resident,
  Household,
  HouseholdMember,
  PiiAccess,
  ResidentChange,
  ResidentFieldChange,
};
