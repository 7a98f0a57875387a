import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { incidentRulesOf } from '../domain/incident-rules.js';
import { slaReport } from '../domain/sla-report.js';
import { calendarView, policyView } from './SlaPolicy.js';

/** Each field maps its arguments to one call of the repository's read API. */
export const Query: QueryResolvers = {
  helpRequest: (_, { id }, context) => context.reads.helpRequest(context.caller, id),
  helpRequestByNumber: (_, { propertyId, number }, context) =>
    context.reads.helpRequestByNumber(context.caller, propertyId, number),
  helpRequests: (_, { filter, ...page }, context) =>
    context.reads.listHelpRequests(context.caller, filter ?? {}, page, context.now),
  helpRequestsByPhoneSuffix: (_, { propertyId, phoneSuffix, ...page }, context) =>
    context.reads.helpRequestsByPhoneSuffix(context.caller, propertyId, phoneSuffix, page),
  technicianQueue: (_, { staffId }, context) =>
    context.reads.technicianQueue(context.caller, staffId ?? context.caller.subject),
  frontDeskBoard: async (_, { propertyId }, context) => ({
    propertyId,
    ...(await context.reads.frontDeskBoard(context.caller, propertyId, context.now)),
  }),
  slaReport: async (_, { filter }, context) => {
    const report = slaReport(await context.reads.reportRequests(context.caller, filter), context.now);
    return {
      ...report,
      // The same read rule as a direct read: a request the caller may not see is null.
      breaches: await Promise.all(
        report.breaches.map(async (breach) => ({
          ...breach,
          helpRequest: await context.reads.helpRequestOrNull(context.caller, breach.helpRequestId),
        })),
      ),
    };
  },
  escalatedToMe: (_, __, context) => context.reads.escalatedTo(context.caller),
  incident: (_, { id }, context) => context.incidentReads.incident(context.caller, id),
  incidents: (_, { filter, ...page }, context) => context.incidentReads.list(context.caller, filter, page),
  incidentsEscalatedToMe: (_, __, context) => context.incidentReads.escalatedTo(context.caller),
  incidentRules: async (_, { propertyId }, context) => [
    ...incidentRulesOf(await context.properties.property(propertyId)),
  ],
  slaPolicies: async (_, { propertyId }, context) => {
    const property = await context.properties.property(propertyId);
    return (property.slaPolicies ?? []).map((policy) => policyView(property, policy, context.now));
  },
  workingCalendar: async (_, { propertyId }, context) =>
    calendarView(await context.properties.property(propertyId)),
  staff: (_, { id }, context) => context.loaders.staffById.load(id),
  staffAtProperty: (_, { propertyId }, context) => context.reads.staffAtProperty(propertyId),
};
