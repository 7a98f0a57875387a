import { referenceId } from '@courtyard/kernel';
import type { HelpRequestResolvers } from '../__generated__/resolvers-types.js';
import { CLOCK_STOPPED_STATES } from '../domain/transitions.js';
import type { HelpRequestRecord, StaffRecord } from '../domain/records.js';
import { loadReadable } from './visibility.js';

export const isOverdue = (request: HelpRequestRecord, now: Date) =>
  !CLOCK_STOPPED_STATES.includes(request.state) && request.dueAt.getTime() < now.getTime();

export const HelpRequest: HelpRequestResolvers = {
  __resolveReference: (reference, context) => loadReadable(context, referenceId(reference)),
  id: (request) => request._id,
  contactName: (request) => request.contact.name,
  contactPhone: (request) => request.contact.phone,
  requester: (request) => (request.requesterId ? { id: request.requesterId } : null),
  unit: (request) => (request.unitId ? { id: request.unitId } : null),
  owner: (request, _, context) => context.loaders.staffById.load(request.ownerId),
  assignees: async (request, _, context) =>
    (await context.loaders.staffById.loadMany(request.assigneeIds)).filter(
      (staff): staff is StaffRecord => staff !== null && !(staff instanceof Error),
    ),
  receivedAt: (request) => request.createdAt,
  overdue: (request, _, context) => isOverdue(request, context.now),
  repeatCall: (request) => request.repeatOfId !== null,
  repeatOf: (request, _, context) =>
    request.repeatOfId ? context.loaders.helpRequestById.load(request.repeatOfId) : null,
  repeatCalls: (request, _, context) => context.loaders.repeatCallsOf.load(request._id),
};
