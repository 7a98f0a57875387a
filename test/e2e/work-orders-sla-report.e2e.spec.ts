import { describe, expect, it } from '@jest/globals';
import { gqlOk } from '../support/graphql.js';
import { createProperty } from '../support/residents.js';
import { startTestScheduler } from '../support/sla-scheduler.js';
import { act, recordHelpRequest, registerStaff, repairInput } from '../support/work-orders.js';

const REPORT = /* GraphQL */ `
  query ($filter: SlaReportFilter!) {
    slaReport(filter: $filter) {
      requests
      clocks {
        kind
        met
        breached
        open
      }
      firstReply {
        count
        medianSeconds
        p90Seconds
      }
      onSite {
        count
      }
      resolution {
        count
      }
      breaches {
        number
        state
        clock
        secondsLate
        helpRequest {
          id
        }
      }
    }
  }
`;
interface ReportView {
  slaReport: {
    requests: number;
    clocks: Array<{ kind: string; met: number; breached: number; open: number }>;
    firstReply: { count: number };
    onSite: { count: number };
    resolution: { count: number };
    breaches: Array<{
      number: string;
      state: string;
      clock: string;
      secondsLate: number;
      helpRequest: { id: string } | null;
    }>;
  };
}

describe('work-orders: the SLA report, through the gateway', () => {
  it('shows a request that breached its on-site limit and has since been closed', async () => {
    const propertyId = (await createProperty()).id;
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    const tech = await registerStaff(propertyId, 'TECHNICIAN');
    await registerStaff(propertyId, 'SERVICE_SUPERVISOR');
    const from = new Date(Date.now() - 60_000);
    const receivedAt = new Date();
    const id = await recordHelpRequest(repairInput(propertyId, { urgent: true }), desk.token);
    await act('acknowledgeHelpRequest', { id }, desk.token);
    await act('assignHelpRequest', { id, assigneeIds: [tech.id] }, desk.token);
    const scheduler = await startTestScheduler();
    try {
      await scheduler.tick(new Date(receivedAt.getTime() + 31 * 60_000));
    } finally {
      await scheduler.close();
    }
    await act('startHelpRequestWork', { id }, tech.token);
    await act('resolveHelpRequest', { id, outcome: 'Pipe joint replaced' }, tech.token);
    await act('confirmHelpRequestResolution', { id }, desk.token);
    await act('recordHelpRequestFollowUp', { id, result: 'SATISFIED' }, desk.token);
    await act('closeHelpRequest', { id }, desk.token);
    const onTime = await recordHelpRequest(repairInput(propertyId, { category: 'DRAINAGE' }), desk.token);
    await act('acknowledgeHelpRequest', { id: onTime }, desk.token);

    const { slaReport } = await gqlOk<ReportView>(
      REPORT,
      {
        filter: {
          propertyId,
          receivedFrom: from.toISOString(),
          receivedBefore: new Date(Date.now() + 60_000).toISOString(),
        },
      },
      { token: desk.token },
    );
    expect(slaReport.requests).toBe(2);
    expect(slaReport.clocks.find((c) => c.kind === 'ON_SITE')).toMatchObject({ breached: 1, met: 0 });
    expect(slaReport.clocks.find((c) => c.kind === 'FIRST_REPLY')).toMatchObject({ met: 2, breached: 0 });
    expect(slaReport.firstReply.count).toBe(2);
    expect(slaReport.breaches).toEqual([
      expect.objectContaining({ state: 'CLOSED', clock: 'ON_SITE', helpRequest: { id } }),
    ]);
    expect(slaReport.breaches[0]!.secondsLate).toBeGreaterThan(0);
  });
});
