import { referenceId } from '@courtyard/kernel';
import type { CampaignResolvers } from '../__generated__/resolvers-types.js';

export const Campaign: CampaignResolvers = {
  __resolveReference: (reference, context) => context.reads.campaign(context.caller, referenceId(reference)),
  id: (record) => record._id,
  template: (record, _, context) => context.reads.template(context.caller, record.templateId),
  audience: ({ audience }) => ({
    allHouseholds: audience.kind === 'ALL',
    sampleSize: audience.kind === 'SAMPLE_SIZE' ? audience.size : null,
    sampleShare: audience.kind === 'SAMPLE_SHARE' ? audience.share : null,
  }),
  responses: (record, _, context) =>
    context.reads.campaignResponses(context.caller, record, context.command.now),
};
