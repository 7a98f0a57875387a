import { ALL_PROPERTIES, DomainError, paginate } from '@courtyard/kernel';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { loadReadableHousehold, loadReadableResident } from './access.js';

const identity = <T>(doc: T) => doc;
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const Query: QueryResolvers = {
  property: (_, { id }, context) => context.loaders.propertyById.load(id),
  propertyByCode: async (_, { code }, context) => context.models.Property.findOne({ code }).lean(),
  properties: (_, args, context) => {
    const scope = context.caller.propertyIds;
    const all = context.caller.role === 'SYSTEM' || scope.includes(ALL_PROPERTIES);
    return paginate(context.models.Property, all ? {} : { _id: { $in: [...scope] } }, args, identity);
  },
  building: (_, { id }, context) => context.loaders.buildingById.load(id),
  unit: (_, { id }, context) => context.loaders.unitById.load(id),
  units: (_, { propertyId, filter, ...page }, context) =>
    paginate(
      context.models.Unit,
      {
        propertyId,
        ...(filter?.buildingId ? { buildingId: filter.buildingId } : {}),
        ...(filter?.floor != null ? { floor: filter.floor } : {}),
        ...(filter?.number ? { number: filter.number } : {}),
      },
      page,
      identity,
    ),
  resident: (_, { id }, context) => loadReadableResident(context, id),
  residents: (_, { propertyId, filter, ...page }, context) => {
    if (filter?.phoneSuffix != null && !/^[0-9]{4,15}$/.test(filter.phoneSuffix)) {
      throw new DomainError('BAD_USER_INPUT', 'INVALID_PHONE_SUFFIX', 'phoneSuffix must be 4 to 15 digits');
    }
    return paginate(
      context.models.Resident,
      {
        propertyId,
        ...(filter?.kind ? { kind: filter.kind } : {}),
        ...(filter?.vip != null ? { vip: filter.vip } : {}),
        ...(filter?.phoneSuffix ? { phone: { $regex: `${escapeRegex(filter.phoneSuffix)}$` } } : {}),
      },
      page,
      identity,
    );
  },
  household: (_, { id }, context) => loadReadableHousehold(context, id),
  piiAccessLog: (_, { propertyId, ...page }, context) =>
    paginate(context.models.PiiAccess, { propertyId }, page, identity),
};
