import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { sendDunningNotice } from '../domain/dunning.js';
import { sendDunningNoticeInput } from '../domain/inputs.js';
import { parseInput } from '@courtyard/kernel';

/** 催缴: the unit (NOT_FOUND first), its account now, then the notice with what it showed. */
export const dunningMutations: Pick<MutationResolvers, 'sendDunningNotice'> = {
  sendDunningNotice: async (_, { input }, context) => {
    const { unitId } = parseInput(sendDunningNoticeInput, input);
    const unit = await context.reads.payableUnit(context.caller, unitId);
    const { entries, account } = await context.reads.entriesOfUnit(unit._id);
    const view = { unitId: unit._id, account, bills: entries.bills };
    return {
      dunningNotice: await context.repository.insertDunningNotice(
        sendDunningNotice(input, unit, view, entries, context.command),
      ),
    };
  },
};
