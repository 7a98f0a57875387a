import { referenceId } from '@courtyard/kernel';
import type { HelpRequestResolvers } from '../__generated__/resolvers-types.js';
import type { StaffRecord } from '../domain/records.js';
import { clockStatus, pausedMsAt, timeUsedMs } from '../domain/clocks.js';
import { isOverdue } from '../domain/visibility.js';
import { helpRequestOwnershipFields } from './ownership.fields.js';
import { frontDeskHelpRequestFields } from './HelpRequest.frontdesk.js';

export const HelpRequest: HelpRequestResolvers = {
  ...helpRequestOwnershipFields,
  ...frontDeskHelpRequestFields,
  __resolveReference: (reference, context) =>
    context.reads.helpRequest(context.caller, referenceId(reference)),
  id: (request) => request._id,
  contactName: (request) => request.contact.name,
  contactPhone: (request) => request.contact.phone,
  requester: (request) => (request.requesterId ? { id: request.requesterId } : null),
  unit: (request) => (request.unitId ? { id: request.unitId } : null),
  // Null while a partner's request or a resident's submission waits to be accepted.
  owner: (request, _, context) => (request.ownerId ? context.loaders.staffById.load(request.ownerId) : null),
  assignees: async (request, _, context) =>
    (await context.loaders.staffById.loadMany(request.assigneeIds)).filter(
      (staff): staff is StaffRecord => staff !== null && !(staff instanceof Error),
    ),
  receivedAt: (request) => request.createdAt,
  // Requests stored before issue 20 have no facilityId at all.
  facility: (request) => (request.facilityId ? { id: request.facilityId } : null),
  overdue: (request, _, context) => isOverdue(request, context.now),
  clocks: (request, _, context) =>
    request.clocks.map((clock) => ({
      ...clock,
      status: clockStatus(clock, context.now),
      secondsUsed: Math.floor(timeUsedMs(clock, context.now) / 1000),
      secondsPaused: Math.floor(pausedMsAt(clock, context.now) / 1000),
    })),
  escalatedTo: async ({ escalation }, _, context) =>
    escalation && {
      ...escalation,
      responsible: escalation.staffId ? await context.loaders.staffById.load(escalation.staffId) : null,
    },
  incident: (request, _, context) => context.incidentReads.incidentOf(context.caller, request._id),
  slaPolicyVersion: (request) => request.policyVersion,
  repeatCall: (request) => request.repeatOfId !== null,
  // Linked requests pass the same read rule as a direct read: a confidential original stays hidden.
  repeatOf: (request, _, context) =>
    request.repeatOfId ? context.reads.helpRequestOrNull(context.caller, request.repeatOfId) : null,
  repeatCalls: (request, _, context) => context.reads.repeatCallsOf(context.caller, request._id),
};
