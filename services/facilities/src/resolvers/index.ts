import { scalarResolvers } from '@courtyard/kernel';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Facility } from './Facility.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';

export const resolvers: Resolvers = {
  DateTime: scalarResolvers.DateTime,
  Query,
  Mutation,
  Facility,
};
