import type { IncidentResolvers } from '../__generated__/resolvers-types.js';
import type { HelpRequestRecord } from '../domain/records.js';

export const Incident: IncidentResolvers = {
  id: (incident) => incident._id,
  raisedAt: (incident) => incident.createdAt,
  // Each linked request passes the same read rule as a direct read.
  helpRequests: async (incident, _, context) =>
    (
      await Promise.all(
        incident.helpRequestIds.map((id) => context.reads.helpRequestOrNull(context.caller, id)),
      )
    ).filter((request): request is HelpRequestRecord => request !== null),
  escalatedTo: async ({ escalation }, _, context) =>
    escalation && {
      ...escalation,
      responsible: escalation.staffId ? await context.loaders.staffById.load(escalation.staffId) : null,
    },
  responsible: (incident, _, context) =>
    incident.responsibleStaffId ? context.loaders.staffById.load(incident.responsibleStaffId) : null,
};
