import type { HouseholdMemberResolvers } from '../__generated__/resolvers-types.js';

export const HouseholdMember: HouseholdMemberResolvers = {
  resident: (member, _, context) => context.reads.resident(context.caller, member.residentId),
};
