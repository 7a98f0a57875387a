import type { DowntimeIntervalResolvers } from '../__generated__/resolvers-types.js';

export const DowntimeInterval: DowntimeIntervalResolvers = {
  facility: (interval, _, context) => context.reads.facility(context.caller, interval.facilityId),
};
