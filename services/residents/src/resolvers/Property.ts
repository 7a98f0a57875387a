import { referenceId } from '@courtyard/kernel';
import type { PropertyResolvers } from '../__generated__/resolvers-types.js';
import { unitPageJoinOf } from './unit-page-selection.js';

/** A property's lists; `units` and `residents` are gated to its own staff (schema/access.ts). */
export const Property: PropertyResolvers = {
  __resolveReference: (ref, context) => context.loaders.propertyById.load(referenceId(ref)),
  id: (property) => property._id,
  buildings: (property, page, context) => context.reads.buildingsOf(property._id, page),
  units: (property, { filter, ...page }, context, info) =>
    context.reads.units({ propertyId: property._id }, filter ?? {}, page, unitPageJoinOf(info)),
  residents: (property, { filter, ...page }, context) =>
    context.reads.residents(context.caller, property._id, filter ?? {}, page),
};
