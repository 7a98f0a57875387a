import { scalarResolvers } from '@courtyard/kernel';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { FacilityAvailability } from './Availability.js';
import { DowntimeInterval } from './DowntimeInterval.js';
import { Facility, Fault } from './Facility.js';
import { Mutation } from './Mutation.js';
import { Property } from './Property.js';
import { Query } from './Query.js';

export const resolvers: Resolvers = {
  DateTime: scalarResolvers.DateTime,
  Query,
  Mutation,
  Facility,
  Fault,
  Property,
  DowntimeInterval,
  FacilityAvailability,
};
