import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import type { ResidentsContext } from '../context.js';
import { canListPropertyRecords } from '../domain/visibility.js';
import { unitPageJoinOf } from './unit-page-selection.js';

const readable = <T extends { propertyId: string }>(
  context: ResidentsContext,
  record: T | null | undefined,
) => (record && canListPropertyRecords(context.caller, record.propertyId) ? record : null);

/** Each field maps its arguments to one call of the repository's read API. */
export const Query: QueryResolvers = {
  property: (_, { id }, context) => context.loaders.propertyById.load(id),
  propertyByCode: (_, { code }, context) => context.reads.propertyByCode(code),
  properties: (_, page, context) => context.reads.propertiesInScope(context.caller, page),
  // Another property's building or unit is answered as one that does not exist.
  building: async (_, { id }, context) => readable(context, await context.loaders.buildingById.load(id)),
  unit: async (_, { id }, context) => readable(context, await context.loaders.unitById.load(id)),
  units: (_, { propertyId, filter, ...page }, context, info) =>
    context.reads.units({ propertyId }, filter ?? {}, page, unitPageJoinOf(info)),
  resident: (_, { id }, context) => context.reads.resident(context.caller, id),
  residents: (_, { propertyId, filter, ...page }, context) =>
    context.reads.residents(context.caller, propertyId, filter ?? {}, page),
  household: (_, { id }, context) => context.reads.household(context.caller, id),
  piiAccessLog: (_, { propertyId, ...page }, context) => context.reads.piiAccessLog(propertyId, page),
};
