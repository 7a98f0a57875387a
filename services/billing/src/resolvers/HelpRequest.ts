import { referenceId } from '@courtyard/kernel';
import type { HelpRequestResolvers, ServiceChargeResolvers } from '../__generated__/resolvers-types.js';
import { money } from '../domain/money.js';

/** billing's field on work-orders' `HelpRequest`: its charge, when it was a paid service. */
export const HelpRequest: HelpRequestResolvers = {
  __resolveReference: (reference) => ({ id: referenceId(reference) }),
  charge: ({ id }, _, context) => context.reads.serviceChargeOf(context.caller, id),
};

export const ServiceCharge: ServiceChargeResolvers = {
  id: (charge) => charge._id,
  helpRequest: (charge) => ({ id: charge.helpRequestId }),
  amount: (charge) => (charge.amount === null ? null : money(charge.amount, charge.currency)),
};
