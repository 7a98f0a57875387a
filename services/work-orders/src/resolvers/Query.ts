import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { incidentRulesOf } from '../domain/incident-rules.js';
import { DomainError } from '@courtyard/kernel';
import { reportsDueBetween } from '../domain/report-schedule.js';
import { calendarOf } from '../domain/sla-policies.js';
import { calendarView, policyView } from './SlaPolicy.js';
import { slaReportView } from './sla-report-view.js';

/** The longest range `slaReportsDue` lists (each report's figures are read when asked for). */
const DUE_RANGE_DAYS = 400;

/** Each field maps its arguments to one call of the repository's read API. */
import { frontDeskQueries } from './Query.frontdesk.js';

export const Query: QueryResolvers = {
  ...frontDeskQueries,
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
  slaReport: async (_, { filter }, context) =>
    slaReportView(context, await context.reads.reportRequests(context.caller, filter)),
  helpRequestRegister: (_, { propertyId, year }, context) => context.reads.register(propertyId, year),
  registerJobRuns: (_, { first }, context) =>
    context.reads.registerRuns(Math.min(100, Math.max(1, first ?? 20))),
  slaReportsDue: async (_, { propertyId, from, to }, context) => {
    const days = (to.getTime() - from.getTime()) / 86_400_000;
    if (!(days > 0) || days > DUE_RANGE_DAYS)
      throw new DomainError(
        'BAD_USER_INPUT',
        'DUE_RANGE_INVALID',
        `to must be after from, at most ${DUE_RANGE_DAYS} days later`,
        { days },
      );
    const property = await context.properties.property(propertyId);
    return reportsDueBetween(from, to, calendarOf(property)).map((report) => ({ ...report, propertyId }));
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
