import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { dayOf } from '../domain/periods.js';
import { dayOrToday } from './days.js';

/** GraphQL to read calls, nothing more: the read API applies the read rules. */
export const Query: QueryResolvers = {
  feeSchedule: (_, { id }, context) => context.reads.feeSchedule(context.caller, id),
  feeSchedules: (_, { propertyId, ...page }, context) =>
    context.reads.feeSchedules(context.caller, propertyId, page),
  feeScheduleInForce: (_, { propertyId, on }, context) =>
    context.reads.feeScheduleInForce(
      propertyId,
      typeof on === 'string' ? on : dayOf(on ?? context.command.now),
    ),
  unitAccount: (_, { unitId }, context) => context.reads.unitAccount(context.caller, unitId),
  bill: (_, { id }, context) => context.reads.bill(context.caller, id),
  arrears: (_, { propertyId, asOf }, context) =>
    context.reads.propertyArrears(propertyId, dayOrToday(asOf, context.command.now)),
  fundLedger: (_, { propertyId, fund, from, to }, context) =>
    context.ledger.fundLedger(
      propertyId,
      fund,
      dayOrToday(from, context.command.now),
      dayOrToday(to, context.command.now),
    ),
  quarterlyDisclosure: (_, args, context) => context.ledger.quarter(args),
  disclosures: (_, { propertyId }, context) => context.ledger.disclosures(propertyId),
  serviceChargesForReview: (_, { propertyId, ...page }, context) =>
    context.reads.serviceChargesForReview(context.caller, propertyId, page),
};
