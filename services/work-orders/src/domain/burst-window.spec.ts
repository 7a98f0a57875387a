import { describe, expect, it } from '@jest/globals';
import { loadEventSchemas } from '@courtyard/kernel';
import { countComplaint, countsTowardsBursts, type BurstDecision } from './burst-window.js';
import { as, NOW, received } from './fixtures.js';
import { DEFAULT_INCIDENT_RULES, ruleFor } from './incident-rules.js';
import type { Category } from './catalogue.js';
import type { ComplaintWindowRecord, HelpRequestRecord, IncidentRecord } from './records.js';

const schemas = loadEventSchemas(new URL('../../../../schema/events', import.meta.url).pathname, {
  closed: true,
});
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const idOf = (generation: number) => `incident-${generation}`;

function complaint(id: string, category: Category): HelpRequestRecord {
  return { ...received({ type: 'COMPLAINT', category, complaintSeverity: 'GENERAL' }), _id: id };
}

/** Feeds complaints one after another through the window, as intake would, keeping the state. */
function run(category: Category, calls: Array<{ at: number; vip: boolean }>) {
  const rule = ruleFor(DEFAULT_INCIDENT_RULES, category)!;
  let window: ComplaintWindowRecord | null = null;
  let open: IncidentRecord | null = null;
  const decisions: BurstDecision[] = [];
  calls.forEach(({ at, vip }, i) => {
    const decision = countComplaint(
      window,
      open,
      complaint(`hr${i + 1}`, category),
      vip,
      rule,
      idOf,
      as({}, minutes(at)),
    );
    decisions.push(decision);
    window = decision.window;
    if (decision.kind === 'RAISED') open = decision.incident.record;
    if (decision.kind === 'LINKED' && decision.incident) open = decision.incident.record;
  });
  return decisions;
}

const kinds = (decisions: BurstDecision[]) => decisions.map((d) => d.kind);
const vips = (n: number, every = 1) => Array.from({ length: n }, (_, i) => ({ at: i * every, vip: true }));
const regulars = (n: number, every = 1) =>
  Array.from({ length: n }, (_, i) => ({ at: i * every, vip: false }));

describe('burst windows (seed 001-G): same-category complaints per property in a sliding 30 minutes', () => {
  it('groups categories as seed 001-G does, with its thresholds and grades', () => {
    expect(ruleFor(DEFAULT_INCIDENT_RULES, 'SECURITY')).toMatchObject({
      group: 'SECURITY_SENSITIVE',
      regularThreshold: 1,
      vipThreshold: 1,
      grade: 'CRITICAL',
    });
    expect(ruleFor(DEFAULT_INCIDENT_RULES, 'FEES')).toMatchObject({ group: 'SECURITY_SENSITIVE' });
    expect(ruleFor(DEFAULT_INCIDENT_RULES, 'ELEVATOR')).toMatchObject({
      group: 'KEY_SERVICE',
      regularThreshold: 5,
      vipThreshold: 3,
      grade: 'MAJOR',
    });
    expect(ruleFor(DEFAULT_INCIDENT_RULES, 'NOISE')).toMatchObject({
      group: 'ROUTINE',
      regularThreshold: 10,
      vipThreshold: 5,
      grade: 'MINOR',
    });
  });

  it('counts complaints only', () => {
    expect(countsTowardsBursts({ type: 'COMPLAINT' })).toBe(true);
    expect(countsTowardsBursts({ type: 'REPAIR' })).toBe(false);
  });

  it('a single security complaint, regular or VIP, raises a critical incident due to be taken in 2 h', () => {
    const [regular] = run('SECURITY', regulars(1));
    expect(regular!.kind).toBe('RAISED');
    const incident = (regular as Extract<BurstDecision, { kind: 'RAISED' }>).incident;
    expect(incident.record).toMatchObject({
      grade: 'CRITICAL',
      state: 'RAISED',
      helpRequestIds: ['hr1'],
      deadlineAt: minutes(120),
    });
    expect(kinds(run('SECURITY', vips(1)))).toEqual(['RAISED']);
  });

  it('key services: three VIP complaints raise it (grade MAJOR, 3 h), five regular ones too, four do not', () => {
    const three = run('ELEVATOR', vips(3, 10));
    expect(kinds(three)).toEqual(['COUNTED', 'COUNTED', 'RAISED']);
    const raised = (three[2] as Extract<BurstDecision, { kind: 'RAISED' }>).incident;
    expect(raised.record).toMatchObject({
      _id: 'incident-1',
      grade: 'MAJOR',
      complaints: 3,
      vipComplaints: 3,
      helpRequestIds: ['hr1', 'hr2', 'hr3'],
      deadlineAt: minutes(20 + 180),
    });
    expect(raised.events.map((e) => e.type)).toEqual(['incident.raised.v1']);
    expect(schemas.validate(raised.events[0]!)).toEqual([]);
    expect(raised.events[0]!.data).toMatchObject({
      helpRequestIds: ['hr1', 'hr2', 'hr3'],
      windowMinutes: 30,
      level: 0,
    });
    expect(kinds(run('ELEVATOR', regulars(5)))).toEqual([
      'COUNTED',
      'COUNTED',
      'COUNTED',
      'COUNTED',
      'RAISED',
    ]);
    expect(kinds(run('ELEVATOR', regulars(4)))).toEqual(['COUNTED', 'COUNTED', 'COUNTED', 'COUNTED']);
  });

  it('VIPs count among all complaints too: two VIP and three regular complaints reach the regular threshold', () => {
    const calls = [...vips(2), ...regulars(3).map((c) => ({ ...c, at: c.at + 2 }))];
    expect(kinds(run('WATER_SUPPLY', calls)).at(-1)).toBe('RAISED');
  });

  it('routine problems: five VIP or ten regular complaints (grade MINOR, 4 h)', () => {
    const five = run('NOISE', vips(5));
    expect(kinds(five).at(-1)).toBe('RAISED');
    expect((five[4] as Extract<BurstDecision, { kind: 'RAISED' }>).incident.record.deadlineAt).toEqual(
      minutes(4 + 240),
    );
    expect(kinds(run('NOISE', regulars(9))).includes('RAISED')).toBe(false);
    expect(kinds(run('NOISE', regulars(10))).at(-1)).toBe('RAISED');
  });

  it('the window slides: complaints more than 30 minutes before are not counted', () => {
    expect(kinds(run('ELEVATOR', vips(3, 16)))).toEqual(['COUNTED', 'COUNTED', 'COUNTED']);
    expect(kinds(run('ELEVATOR', vips(3, 14)))).toEqual(['COUNTED', 'COUNTED', 'RAISED']);
  });

  it('later complaints link to the open incident instead of raising a second one', () => {
    const decisions = run('ELEVATOR', vips(6));
    expect(kinds(decisions)).toEqual(['COUNTED', 'COUNTED', 'RAISED', 'LINKED', 'LINKED', 'LINKED']);
    const last = decisions.at(-1) as Extract<BurstDecision, { kind: 'LINKED' }>;
    expect(last.incident!.record.helpRequestIds).toEqual(['hr1', 'hr2', 'hr3', 'hr4', 'hr5', 'hr6']);
    expect(last.incident!.events).toEqual([]);
  });

  it('once the incident is closed, counting starts again and the next incident has the next id', () => {
    const rule = ruleFor(DEFAULT_INCIDENT_RULES, 'SECURITY')!;
    const first = countComplaint(null, null, complaint('hr1', 'SECURITY'), false, rule, idOf, as({}));
    const closed = {
      ...(first as Extract<BurstDecision, { kind: 'RAISED' }>).incident.record,
      state: 'CLOSED' as const,
    };
    const second = countComplaint(
      first.window,
      closed,
      complaint('hr2', 'SECURITY'),
      false,
      rule,
      idOf,
      as({}, minutes(5)),
    );
    expect(second.kind).toBe('RAISED');
    expect((second as Extract<BurstDecision, { kind: 'RAISED' }>).incident.record._id).toBe('incident-2');
  });

  it('two intakes deciding on the same window version decide the same incident', () => {
    const rule = ruleFor(DEFAULT_INCIDENT_RULES, 'ELEVATOR')!;
    const [, second] = run('ELEVATOR', vips(2));
    const a = countComplaint(
      second!.window,
      null,
      complaint('hr3', 'ELEVATOR'),
      true,
      rule,
      idOf,
      as({}, minutes(3)),
    );
    const b = countComplaint(
      second!.window,
      null,
      complaint('hr4', 'ELEVATOR'),
      true,
      rule,
      idOf,
      as({}, minutes(3)),
    );
    expect([a.kind, b.kind]).toEqual(['RAISED', 'RAISED']);
    expect((a as Extract<BurstDecision, { kind: 'RAISED' }>).incident.record._id).toBe(
      (b as Extract<BurstDecision, { kind: 'RAISED' }>).incident.record._id,
    );
  });
});
