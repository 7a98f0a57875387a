import { describe, expect, it } from '@jest/globals';
import { defaultDueTimes, type SlaSubject } from './sla.js';

const ZONE = 'Asia/Shanghai';
const at = new Date('2026-11-20T02:00:00Z'); // a Friday
const subject = (overrides: Partial<SlaSubject>): SlaSubject => ({
  type: 'REPAIR',
  category: 'WATER_LEAK',
  urgent: false,
  complaintSeverity: null,
  consultationMode: null,
  faultComplexity: null,
  ...overrides,
});
const hoursTo = (date: Date | null) => (date ? (date.getTime() - at.getTime()) / 3_600_000 : null);

describe('default SLA table (spec §2)', () => {
  it('gives every request a first reply within 5 minutes', () => {
    expect(hoursTo(defaultDueTimes(subject({}), at, ZONE).firstReplyDueAt)).toBeCloseTo(5 / 60);
  });

  it.each([
    ['repair: 4 h', subject({}), 4, null],
    ['urgent repair: on site 30 min', subject({ urgent: true }), 4, 0.5],
    ['elevator general fault: 30 min', subject({ category: 'ELEVATOR' }), 0.5, null],
    ['public lighting general: 8 h', subject({ category: 'PUBLIC_LIGHTING' }), 8, null],
    [
      'public lighting complex: 48 h',
      subject({ category: 'PUBLIC_LIGHTING', faultComplexity: 'COMPLEX' }),
      48,
      null,
    ],
    [
      'general complaint: on site 1 h, resolved 8 h',
      subject({ type: 'COMPLAINT', complaintSeverity: 'GENERAL' }),
      8,
      1,
    ],
    [
      'written consultation: 2 days',
      subject({ type: 'CONSULTATION', consultationMode: 'WRITTEN' }),
      48,
      null,
    ],
    ['oral consultation: 24 h', subject({ type: 'CONSULTATION', consultationMode: 'ORAL' }), 24, null],
    // The supervisor is notified at intake (a timeline entry), not an on-site clock.
    ['medical emergency: handled in 24 h', subject({ type: 'MEDICAL_EMERGENCY' }), 24, null],
  ])('%s', (_, input, resolutionHours, onSiteHours) => {
    const due = defaultDueTimes(input, at, ZONE);
    expect(hoursTo(due.resolutionDueAt)).toBeCloseTo(resolutionHours);
    expect(hoursTo(due.onSiteDueAt)).toBe(onSiteHours);
  });

  it('counts a serious complaint in working days (Friday + 5 working days = next Friday)', () => {
    const due = defaultDueTimes(subject({ type: 'COMPLAINT', complaintSeverity: 'SERIOUS' }), at, ZONE);
    expect(hoursTo(due.resolutionDueAt)).toBe(7 * 24);
  });

  it("counts working days on the property's calendar: Friday evening in UTC is Saturday in Shanghai", () => {
    const fridayEveningUtc = new Date('2026-11-20T20:00:00Z');
    const serious = subject({ type: 'COMPLAINT', complaintSeverity: 'SERIOUS' });
    // Saturday 04:00 in Shanghai: the five working days run Monday to Friday 04:00 local.
    expect(defaultDueTimes(serious, fridayEveningUtc, 'Asia/Shanghai').resolutionDueAt).toEqual(
      new Date('2026-11-26T20:00:00Z'),
    );
    expect(defaultDueTimes(serious, fridayEveningUtc, 'UTC').resolutionDueAt).toEqual(
      new Date('2026-11-27T20:00:00Z'),
    );
  });

  it('counts calendar days in the local zone across a daylight-saving change', () => {
    // 08:00 in New York on the Saturday before clocks go back: two days later is 08:00 again, 49 h on.
    const due = defaultDueTimes(
      subject({ type: 'CONSULTATION', consultationMode: 'WRITTEN' }),
      new Date('2026-10-31T12:00:00Z'),
      'America/New_York',
    );
    expect(due.resolutionDueAt).toEqual(new Date('2026-11-02T13:00:00Z'));
  });
});
