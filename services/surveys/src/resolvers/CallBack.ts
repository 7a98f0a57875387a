import type { CallBackResolvers, CallBackScheduleResolvers } from '../__generated__/resolvers-types.js';

export const CallBack: CallBackResolvers = {
  id: (record) => record._id,
};

export const CallBackSchedule: CallBackScheduleResolvers = {
  propertyId: (record) => record._id,
};
