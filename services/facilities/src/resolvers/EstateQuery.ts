import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { parseInput } from '@courtyard/kernel';
import { servicePartnerFilterInput } from '../domain/inputs.js';

type EstateQueries = Pick<
  QueryResolvers,
  'servicePartner' | 'servicePartners' | 'meter' | 'meters' | 'facilityInspection' | 'facilityInspections'
>;

/** GraphQL to read calls, nothing more: the read API applies the read rules. */
export const EstateQuery: EstateQueries = {
  servicePartner: (_, { id }, context) => context.estateReads.partner(context.caller, id),
  servicePartners: (_, { propertyId, filter, ...page }, context) =>
    context.estateReads.partners(
      context.caller,
      propertyId,
      parseInput(servicePartnerFilterInput, filter ?? {}),
      context.today,
      page,
    ),
  meter: (_, { id }, context) => context.estateReads.meter(context.caller, id),
  meters: (_, { propertyId, filter, ...page }, context) =>
    context.estateReads.meters(context.caller, propertyId, filter ?? {}, page),
  facilityInspection: (_, { id }, context) => context.estateReads.inspection(context.caller, id),
  facilityInspections: (_, { propertyId, ...page }, context) =>
    context.estateReads.inspections(context.caller, propertyId, page),
};
