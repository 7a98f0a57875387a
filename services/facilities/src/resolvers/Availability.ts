import type { FacilityAvailabilityResolvers } from '../__generated__/resolvers-types.js';

export const FacilityAvailability: FacilityAvailabilityResolvers = {
  measuredSeconds: (report) => report.measuredMs / 1000,
  downtimeSeconds: (report) => report.downtimeMs / 1000,
};
