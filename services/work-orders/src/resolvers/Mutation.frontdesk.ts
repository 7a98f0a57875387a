import { notFound } from '@courtyard/kernel';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { SUPERVISOR_ROLES } from '../domain/access.js';
import { raiseComplaintTier } from '../domain/complaint-tiers.js';
import { correct } from '../domain/corrections.js';
import { handOver } from '../domain/handover.js';
import { requireNotArchived } from '../domain/register.js';
import type { HelpRequestRecord } from '../domain/records.js';
import type { Decision } from '@courtyard/kernel';
import type { WorkOrdersContext } from '../context.js';

/** Load (NOT_FOUND first), refuse an archived request, decide in the domain, save against the version read. */
async function change(
  context: WorkOrdersContext,
  id: string,
  decide: (request: HelpRequestRecord) => Promise<Decision<HelpRequestRecord>> | Decision<HelpRequestRecord>,
) {
  const before = await context.reads.helpRequest(context.caller, id);
  requireNotArchived(before);
  return { helpRequest: await context.repository.saveHelpRequest(before, await decide(before)) };
}

/** Front desk and office (issue 19): corrections, complaint tiers, handovers. */
export const frontDeskMutations: Pick<
  MutationResolvers,
  'correctHelpRequest' | 'raiseHelpRequestComplaintTier' | 'handOverHelpRequest'
> = {
  correctHelpRequest: (_, { input: { id, ...input } }, context) =>
    change(context, id, async (request) =>
      // The policy version the request kept and the property's calendar: the clocks follow the correction.
      correct(request, input, await context.properties.property(request.propertyId), context.command),
    ),
  raiseHelpRequestComplaintTier: (_, { input: { id, ...input } }, context) =>
    change(context, id, (request) => raiseComplaintTier(request, input, context.command)),
  handOverHelpRequest: (_, { input: { id, ...input } }, context) =>
    change(context, id, async (request) => {
      const [target, leaders] = await Promise.all([
        context.loaders.staffById.load(input.toStaffId),
        context.reads.staffOnDuty(request.propertyId, SUPERVISOR_ROLES, context.now),
      ]);
      return handOver(request, input, target ?? notFound('Staff', input.toStaffId), leaders, context.command);
    }),
};
