import type { CommandContext, Decision } from '@courtyard/kernel/domain';
import type { Category } from './catalogue.js';
import { raiseIncident, linkRequest } from './incidents.js';
import { reachesThreshold, WINDOW_MINUTES, type IncidentRuleRecord } from './incident-rules.js';
import type { ComplaintWindowRecord, HelpRequestRecord, IncidentRecord } from './records.js';

/** Every intake of one property's complaints in one category meets on this document. */
export const windowIdOf = (propertyId: string, category: Category) => `${propertyId}:${category}`;

/** What a complaint did to its window: nothing, a count, a link to the open incident, or a new one. */
export type BurstDecision =
  | { kind: 'COUNTED'; window: ComplaintWindowRecord }
  | { kind: 'LINKED'; window: ComplaintWindowRecord; incident: Decision<IncidentRecord> | null }
  | { kind: 'RAISED'; window: ComplaintWindowRecord; incident: Decision<IncidentRecord> };

/** Only complaints count (seed 001-G counts 投诉); a request of another type never opens a window. */
export const countsTowardsBursts = (request: Pick<HelpRequestRecord, 'type'>) => request.type === 'COMPLAINT';

const emptyWindow = (request: HelpRequestRecord, context: CommandContext): ComplaintWindowRecord => ({
  _id: windowIdOf(request.propertyId, request.category),
  version: 0,
  createdAt: context.now,
  propertyId: request.propertyId,
  category: request.category,
  complaints: [],
  openIncidentId: null,
  raised: 0,
});

/**
 * Counts a complaint in its property's window for its category (seed 001-G): while an incident
 * of that category is open, the complaint is linked to it; otherwise the complaints of the last
 * 30 minutes are counted with it, and at the group's threshold (every complaint, or the VIPs'
 * alone) an incident is raised from them, the window emptied. The id of the n-th incident of a
 * window is derived from the window and n (`incidentIdOf`), so two intakes deciding the same
 * crossing decide the same incident, and the store's unique `_id` lets one of them create it.
 */
export function countComplaint(
  window: ComplaintWindowRecord | null,
  open: IncidentRecord | null,
  request: HelpRequestRecord,
  vip: boolean,
  rule: IncidentRuleRecord,
  incidentIdOf: (generation: number) => string,
  context: CommandContext,
): BurstDecision {
  const current = window ?? emptyWindow(request, context);
  if (open && open.state !== 'CLOSED' && open._id === current.openIncidentId) {
    return { kind: 'LINKED', window: current, incident: linkRequest(open, request._id, context) };
  }
  const since = context.now.getTime() - WINDOW_MINUTES * 60_000;
  const complaints = [
    ...current.complaints.filter((c) => c.at.getTime() > since && c.helpRequestId !== request._id),
    { helpRequestId: request._id, at: context.now, vip },
  ];
  const vips = complaints.filter((c) => c.vip).length;
  if (!reachesThreshold(rule, complaints.length, vips)) {
    return { kind: 'COUNTED', window: { ...current, complaints, openIncidentId: null } };
  }
  const generation = current.raised + 1;
  const incident = raiseIncident(
    {
      id: incidentIdOf(generation),
      propertyId: request.propertyId,
      category: request.category,
      rule,
      helpRequestIds: complaints.map((c) => c.helpRequestId),
      complaints: complaints.length,
      vipComplaints: vips,
    },
    context,
  );
  return {
    kind: 'RAISED',
    window: { ...current, complaints: [], openIncidentId: incident.record._id, raised: generation },
    incident,
  };
}
