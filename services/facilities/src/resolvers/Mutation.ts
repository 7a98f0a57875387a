import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import type { FacilitiesContext } from '../context.js';
import {
  changeFacilityStatus,
  registerFacility,
  reportFacilityFault,
  retireFacility,
} from '../domain/facility.js';
import type { FacilityRecord } from '../domain/records.js';
import { retryOnStale, type Decision } from '@courtyard/kernel';

/** Load (NOT_FOUND first), decide in the domain, save against the version read. */
async function change(
  context: FacilitiesContext,
  id: string,
  decide: (facility: FacilityRecord) => Decision<FacilityRecord>,
) {
  const before = await context.reads.facility(context.caller, id);
  return { facility: await context.repository.saveFacility(before, decide(before)) };
}

/** Each mutation: load what the command needs (NOT_FOUND first), decide in the domain, save. */
export const Mutation: MutationResolvers = {
  registerFacility: async (_, { input }, context) => ({
    facility: await context.repository.insertFacility(registerFacility(input, context.command)),
  }),
  changeFacilityStatus: (_, { input: { id, ...input } }, context) =>
    change(context, id, (facility) => changeFacilityStatus(facility, input, context.command)),
  retireFacility: (_, { input: { id, ...input } }, context) =>
    change(context, id, (facility) => retireFacility(facility, input, context.command)),
  // Retried on a concurrent change (a second report racing this one): the retry is linked.
  reportFacilityFault: (_, { input: { facilityId, ...input } }, context) =>
    retryOnStale(async () => {
      context.loaders.facilityById.clear(facilityId);
      const before = await context.reads.facilityToReportOn(context.caller, facilityId);
      const decision = reportFacilityFault(before, input, context.command);
      return {
        facility: await context.repository.saveFacility(before, decision),
        fault: decision.fault,
        linked: decision.linked,
      };
    }),
};
