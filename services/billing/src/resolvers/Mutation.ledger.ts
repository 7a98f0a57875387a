import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { publishDisclosure } from '../domain/disclosures.js';
import { recordedEntry, recordLedgerEntry } from '../domain/ledger-entries.js';

export const ledgerMutations: Pick<MutationResolvers, 'recordLedgerEntry' | 'publishDisclosure'> = {
  recordLedgerEntry: async (_, { input }, context) => ({
    entry: recordedEntry(
      await context.repository.insertLedgerEntry(recordLedgerEntry(input, context.command)),
    ),
  }),
  /** The figures as they stand now, then one insert under the quarter's derived id. */
  publishDisclosure: async (_, { input }, context) => ({
    disclosure: await context.repository.insertDisclosure(
      publishDisclosure(await context.ledger.quarter(input), context.command),
    ),
  }),
};
