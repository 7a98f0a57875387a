import { describe, expect, it } from '@jest/globals';
import { as, NOW, received } from './fixtures.js';
import * as lifecycle from './lifecycle.js';
import * as moments from './sla-moments.js';
import { slaReport } from './sla-report.js';

const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe('SLA report', () => {
  it('counts met and breached per clock, nearest-rank median and p90, and lists every breach', () => {
    const replies = [1, 2, 3, 4, 10].map(
      (minute) => moments.recordFirstReply(received(), { channel: 'PHONE' }, as({}, at(minute))).record,
    );
    const report = slaReport(replies, at(60));
    expect(report.requests).toBe(5);
    expect(report.clocks.find((c) => c.kind === 'FIRST_REPLY')).toEqual({
      kind: 'FIRST_REPLY',
      met: 4,
      breached: 1,
      open: 0,
    });
    expect(report.firstReply).toEqual({ count: 5, medianSeconds: 180, p90Seconds: 600 });
    expect(report.breaches).toEqual([
      expect.objectContaining({ clock: 'FIRST_REPLY', secondsLate: 300, stoppedAt: at(10) }),
      // The resolution (4 h) and feedback clocks still run and are not yet due.
    ]);
    expect(report.onSite).toEqual({ count: 0, medianSeconds: null, p90Seconds: null });
  });

  it('keeps a request resolved late in the breach history after it is closed', () => {
    const late = lifecycle.acknowledge(received(), null, as({}, at(1))).record;
    const resolved = { ...late, state: 'CLOSED' as const };
    const stoppedLate = {
      ...resolved,
      clocks: resolved.clocks.map((c) => (c.kind === 'RESOLUTION' ? { ...c, stoppedAt: at(300) } : c)),
    };
    const report = slaReport([stoppedLate], at(10_000));
    expect(report.breaches).toContainEqual(
      expect.objectContaining({ state: 'CLOSED', clock: 'RESOLUTION', secondsLate: 3600 }),
    );
  });
});
