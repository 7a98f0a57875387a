import { describe, expect, it } from '@jest/globals';
import { as, NOW, REPAIR_CALL } from './fixtures.js';
import { receive, validateIntake } from './intake.js';
import { projectProperty } from './properties.js';
import type { PropertyRecord } from './records.js';
import { createSlaPolicyVersion, policyInForce, publishSlaPolicyVersion, termsAt } from './sla-policies.js';
import { DEFAULT_SLA_RULES } from './sla-policy.js';
import { setCalendarDay } from './working-calendar.js';

const director = as({ subject: 'dir-1', role: 'OFFICE_DIRECTOR' });
const later = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);
const property = (): PropertyRecord =>
  projectProperty(
    { propertyId: 'p1', code: 'GARDEN', name: 'Garden Court', timeZone: 'Asia/Shanghai' } as never,
    as({ subject: 'work-orders', role: 'SYSTEM' }, new Date('2026-01-01T00:00:00Z')),
  );
const urgentOnSite = (minutes: number) => [
  {
    clock: 'ON_SITE',
    limit: { amount: minutes, unit: 'MINUTES' },
    description: `urgent repair: on site within ${minutes} min`,
    when: { types: ['REPAIR'], urgent: true },
  },
  ...DEFAULT_SLA_RULES.filter((rule) => rule.clock !== 'ON_SITE'),
];
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { code, reason } = error as { code: string; reason: string };
    return { code, reason };
  }
  throw new Error('expected a refusal');
};
const intake = (p: PropertyRecord, at: Date) => {
  const context = as({}, at);
  return receive(
    validateIntake({ ...REPAIR_CALL, urgent: true }, context),
    'WO-2026-000001',
    null,
    context,
    'Asia/Shanghai',
    null,
    {
      terms: termsAt(p, at),
    },
  ).record;
};
const onSiteMinutes = (request: ReturnType<typeof intake>) => {
  const onSite = request.clocks.find((c) => c.kind === 'ON_SITE')!;
  return (onSite.dueAt.getTime() - onSite.startedAt.getTime()) / 60_000;
};

describe('SLA policies: versioned per property', () => {
  it('a new property starts with the default table as version 1.0, in force from its creation', () => {
    const p = property();
    expect(policyInForce(p.slaPolicies!, NOW)).toMatchObject({ version: '1.0', rules: DEFAULT_SLA_RULES });
    expect(onSiteMinutes(intake(p, NOW))).toBe(30);
  });

  it('a draft (below 1.0) is never applied and cannot be published', () => {
    const drafted = createSlaPolicyVersion(
      property(),
      { version: '0.9', rules: urgentOnSite(10) },
      director,
    ).record;
    expect(termsAt(drafted, NOW).policyVersion).toBe('1.0');
    expect(onSiteMinutes(intake(drafted, NOW))).toBe(30);
    expect(
      refusal(() => publishSlaPolicyVersion(drafted, { version: '0.9', effectiveFrom: NOW }, director)),
    ).toEqual({
      code: 'CONFLICT',
      reason: 'DRAFT_NOT_PUBLISHABLE',
    });
  });

  it('a published version is in force from its stated time; a request keeps the version it was opened under', () => {
    let p = createSlaPolicyVersion(property(), { version: '1.1', rules: urgentOnSite(20) }, director).record;
    // Created but not published: not in force.
    expect(termsAt(p, later(5)).policyVersion).toBe('1.0');
    p = publishSlaPolicyVersion(p, { version: '1.1', effectiveFrom: later(2) }, director).record;
    const before = intake(p, later(1));
    const after = intake(p, later(3));
    expect([before.policyVersion, onSiteMinutes(before)]).toEqual(['1.0', 30]);
    expect([after.policyVersion, onSiteMinutes(after)]).toEqual(['1.1', 20]);
    // Later changes to the property's policies do not touch a request already open.
    expect(before.clocks.find((c) => c.kind === 'ON_SITE')?.limit.amount).toBe(30);
  });

  it('refuses a duplicate version, a second publication, a start in the past, and anyone below the director', () => {
    let p = createSlaPolicyVersion(property(), { version: '1.1', rules: urgentOnSite(20) }, director).record;
    expect(
      refusal(() => createSlaPolicyVersion(p, { version: '1.1', rules: urgentOnSite(15) }, director)),
    ).toEqual({
      code: 'CONFLICT',
      reason: 'POLICY_VERSION_EXISTS',
    });
    expect(
      refusal(() => publishSlaPolicyVersion(p, { version: '1.1', effectiveFrom: later(-2) }, director)),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'EFFECTIVE_IN_PAST',
    });
    p = publishSlaPolicyVersion(p, { version: '1.1', effectiveFrom: NOW }, director).record;
    expect(
      refusal(() => publishSlaPolicyVersion(p, { version: '1.1', effectiveFrom: NOW }, director)),
    ).toEqual({
      code: 'CONFLICT',
      reason: 'POLICY_ALREADY_PUBLISHED',
    });
    expect(
      refusal(() => createSlaPolicyVersion(p, { version: '1.2', rules: urgentOnSite(15) }, as({}))),
    ).toEqual({
      code: 'FORBIDDEN',
      reason: 'ROLE_NOT_ALLOWED',
    });
  });

  it('an administrator marks holidays and make-up days; working-day limits of new requests follow them', () => {
    const p = setCalendarDay(
      property(),
      { date: '2026-11-24', kind: 'HOLIDAY', name: '公司年会' },
      director,
    ).record;
    const context = as({}, NOW); // Monday 10:00 in Shanghai
    const serious = validateIntake(
      { ...REPAIR_CALL, type: 'COMPLAINT', category: 'SERVICE_QUALITY', complaintSeverity: 'SERIOUS' },
      context,
    );
    const request = receive(serious, 'WO-2026-000002', null, context, 'Asia/Shanghai', null, {
      terms: termsAt(p, NOW),
    }).record;
    // Tuesday off: 5 working days run Wed, Thu, Fri, Mon, Tue -> Tuesday 1 December 10:00.
    expect(request.clocks.find((c) => c.kind === 'RESOLUTION')?.dueAt).toEqual(
      new Date('2026-12-01T02:00:00Z'),
    );
    const back = setCalendarDay(p, { date: '2026-11-24', kind: 'REGULAR' }, director).record;
    expect(back.calendar!.holidays).toEqual([]);
  });
});
