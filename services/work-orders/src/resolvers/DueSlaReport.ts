import type { DueSlaReportResolvers } from '../__generated__/resolvers-types.js';
import { slaReportView } from './sla-report-view.js';

export const DueSlaReport: DueSlaReportResolvers = {
  moved: (report) => report.nominalDueOn !== report.dueOn,
  report: async (report, _, context) =>
    slaReportView(
      context,
      await context.reads.reportRequests(context.caller, {
        propertyId: report.propertyId,
        receivedFrom: report.periodStart,
        receivedBefore: report.periodEnd,
      }),
    ),
};
