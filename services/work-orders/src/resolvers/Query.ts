import { DomainError, paginate } from '@courtyard/kernel';
import type { FilterQuery } from 'mongoose';
import type { HelpRequestFilter, QueryResolvers } from '../__generated__/resolvers-types.js';
import type { HelpRequestRecord } from '../domain/records.js';
import { CLOCK_STOPPED_STATES, STATES } from '../domain/transitions.js';
import type { WorkOrdersContext } from '../context.js';
import { loadReadable, visibleTo } from './visibility.js';

const identity = <T>(doc: T) => doc;
const QUEUE_STATES = ['ASSIGNED', 'IN_PROGRESS', 'WAITING_PARTS', 'REOPENED', 'ESCALATED'] as const;

function toQuery(
  filter: HelpRequestFilter | null | undefined,
  context: WorkOrdersContext,
): FilterQuery<HelpRequestRecord> {
  const clauses: Array<FilterQuery<HelpRequestRecord>> = [visibleTo(context.caller)];
  if (filter?.propertyId) clauses.push({ propertyId: filter.propertyId });
  if (filter?.states?.length) clauses.push({ state: { $in: filter.states } });
  if (filter?.type) clauses.push({ type: filter.type });
  if (filter?.category) clauses.push({ category: filter.category });
  if (filter?.ownerId) clauses.push({ ownerId: filter.ownerId });
  if (filter?.assigneeId) clauses.push({ assigneeIds: filter.assigneeId });
  if (filter?.createdAfter) clauses.push({ createdAt: { $gte: filter.createdAfter } });
  if (filter?.createdBefore) clauses.push({ createdAt: { $lt: filter.createdBefore } });
  if (filter?.overdue != null) {
    const late = { dueAt: { $lt: context.now }, state: { $nin: [...CLOCK_STOPPED_STATES] } };
    clauses.push(filter.overdue ? late : { $nor: [late] });
  }
  return { $and: clauses };
}

export const Query: QueryResolvers = {
  helpRequest: (_, { id }, context) => loadReadable(context, id),
  helpRequestByNumber: async (_, { propertyId, number }, context) => {
    const found = (await context.models.HelpRequest.findOne(
      { propertyId, number },
      { outbox: 0 },
    ).lean()) as HelpRequestRecord | null;
    return found ? loadReadable(context, found._id) : null;
  },
  helpRequests: (_, { filter, ...page }, context) =>
    paginate(context.models.HelpRequest, toQuery(filter, context), page, identity),
  helpRequestsByPhoneSuffix: (_, { propertyId, phoneSuffix, ...page }, context) => {
    if (!/^[0-9]{4,15}$/.test(phoneSuffix)) {
      throw new DomainError('BAD_USER_INPUT', 'INVALID_PHONE_SUFFIX', 'phoneSuffix must be 4 to 15 digits');
    }
    return paginate(
      context.models.HelpRequest,
      { $and: [visibleTo(context.caller), { propertyId, 'contact.phone': { $regex: `${phoneSuffix}$` } }] },
      page,
      identity,
    );
  },
  technicianQueue: async (_, { staffId }, context) =>
    (await context.models.HelpRequest.find(
      {
        $and: [
          visibleTo(context.caller),
          { assigneeIds: staffId ?? context.caller.subject, state: { $in: [...QUEUE_STATES] } },
        ],
      },
      { outbox: 0 },
    )
      .sort({ dueAt: 1 })
      .limit(200)
      .lean()) as HelpRequestRecord[],
  frontDeskBoard: async (_, { propertyId }, context) => {
    const match = { $and: [visibleTo(context.caller), { propertyId }] };
    const [rows, overdue] = await Promise.all([
      context.models.HelpRequest.aggregate<{ _id: string; count: number }>([
        { $match: match },
        { $group: { _id: '$state', count: { $sum: 1 } } },
      ]),
      context.models.HelpRequest.countDocuments({
        $and: [match, { dueAt: { $lt: context.now }, state: { $nin: [...CLOCK_STOPPED_STATES] } }],
      }).exec(),
    ]);
    const counts = new Map(rows.map((row) => [row._id, row.count]));
    return { propertyId, overdue, counts: STATES.map((state) => ({ state, count: counts.get(state) ?? 0 })) };
  },
  staff: (_, { id }, context) => context.loaders.staffById.load(id),
  staffAtProperty: async (_, { propertyId }, context) => {
    return context.models.Staff.find({ propertyIds: propertyId }, { outbox: 0 }).sort({ name: 1 }).lean();
  },
};
