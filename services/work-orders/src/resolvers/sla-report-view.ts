import type { HelpRequestRecord } from '../domain/records.js';
import { slaReport } from '../domain/sla-report.js';
import type { WorkOrdersContext } from '../context.js';

/** An SLA report of requests the caller read, each breach's request passed through the same read rule. */
export async function slaReportView(context: WorkOrdersContext, requests: readonly HelpRequestRecord[]) {
  const report = slaReport(requests, context.now);
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
}
