import { parseInput } from '@courtyard/kernel';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { availabilityReport } from '../domain/availability.js';
import { availabilityArgs } from '../domain/inputs.js';

/** GraphQL to read calls, nothing more: the read API applies the read rules. */
export const Query: QueryResolvers = {
  facility: (_, { id }, context) => context.reads.facility(context.caller, id),
  facilities: (_, { propertyId, filter, ...page }, context) =>
    context.reads.facilities(context.caller, propertyId, filter ?? {}, page),
  facilityAvailability: async (_, args, context) => {
    const valid = parseInput(availabilityArgs, args);
    const report = (
      facilities: Parameters<typeof availabilityReport>[0],
      type: Parameters<typeof availabilityReport>[1],
    ) =>
      availabilityReport(
        facilities,
        type,
        valid.from,
        valid.to,
        context.now,
        context.config.AVAILABILITY_TARGETS,
      );
    if (valid.facilityId) {
      const facility = await context.reads.facility(context.caller, valid.facilityId);
      return report([facility], facility.type);
    }
    // availabilityArgs guarantees a property and a type when no facility is named.
    const type = valid.type!;
    return report(await context.reads.allOfType(context.caller, valid.propertyId!, type), type);
  },
};
