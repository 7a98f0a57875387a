import { describe, expect, it } from '@jest/globals';
import { loadEventSchemas, systemActor, type CloudEvent } from '@courtyard/kernel';
import { as, NOW, received } from './fixtures.js';
import type { HelpRequestRecord } from './records.js';
import {
  ANONYMISED,
  anonymise,
  archiveBefore,
  completeBatch,
  newRegister,
  planBatch,
  registerYearOf,
  requireNotArchived,
  retainedUntil,
} from './register.js';
import { slaReport } from './sla-report.js';

const archived = (overrides: Partial<HelpRequestRecord> = {}): HelpRequestRecord => ({
  ...received(),
  state: 'CLOSED',
  outcome: 'Replaced the joint; told Mrs Li on 13812345678',
  referral: { department: 'Water company', contact: 'Mr Zhao 0755-1234567', residentToldAt: NOW },
  followUp: { result: 'SATISFIED', note: 'Mrs Li is happy', at: NOW, byId: 'desk-1' },
  partsNotices: [{ message: 'Room 1201: joint ordered', notifiedUnitIds: ['u1'], expectedBy: null, at: NOW }],
  inspections: [{ at: NOW, inspectorId: 'qi-1', finding: 'Li Wei confirmed', passed: true }],
  attachments: ['photo-1'],
  register: { year: 2026, archivedAt: new Date('2027-01-01T00:00:00Z'), anonymisedAt: null },
  ...overrides,
});
const system = { ...as({}), actor: systemActor('work-orders') };
// Producers are held to the closed form: nothing a schema does not name.
const schemas = loadEventSchemas(new URL('../../../../schema/events', import.meta.url).pathname, {
  closed: true,
});
const validateEvent = (event: CloudEvent) => schemas.validate(event);

describe('the help-request register (seed 002: archived at the start of the next year, kept two years)', () => {
  it('counts years in the property’s zone: 23:30 on 31 December in Shanghai is still that year', () => {
    expect(registerYearOf(new Date('2026-12-31T15:30:00Z'), 'Asia/Shanghai')).toBe(2026);
    expect(registerYearOf(new Date('2026-12-31T16:00:00Z'), 'Asia/Shanghai')).toBe(2027);
    expect(registerYearOf(new Date('2027-01-01T03:00:00Z'), 'America/New_York')).toBe(2026);
    expect(archiveBefore(new Date('2027-01-01T00:10:00Z'), 'Asia/Shanghai')).toEqual(
      new Date('2026-12-31T16:00:00Z'),
    );
  });

  it('keeps a register two years after archiving: 2026’s personal data goes from 1 January 2029', () => {
    expect(retainedUntil(2026, 'Asia/Shanghai')).toEqual(new Date('2028-12-31T16:00:00Z'));
    expect(retainedUntil(2026, 'America/New_York')).toEqual(new Date('2029-01-01T05:00:00Z'));
  });

  it('refuses every change to an archived request with a stable code', () => {
    expect(() => requireNotArchived(archived())).toThrow(
      expect.objectContaining({ code: 'CONFLICT', reason: 'HELP_REQUEST_ARCHIVED' }),
    );
    expect(() => requireNotArchived({ ...archived(), register: null })).not.toThrow();
    expect(() => requireNotArchived({ ...archived(), register: undefined })).not.toThrow();
  });

  it('announces a batch when it is planned, and counts it when it is completed', () => {
    const register = { ...newRegister('p1', 2026, 'Asia/Shanghai', NOW), version: 1 };
    const { record, events } = planBatch(register, 'ARCHIVE', ['hr1', 'hr2'], 'run-1', system);
    expect(record.pending).toMatchObject({ number: 1, kind: 'ARCHIVE', helpRequestIds: ['hr1', 'hr2'] });
    expect(events.map((e) => e.type)).toEqual(['register.archived.v1']);
    expect(events[0]!.data).toMatchObject({ registerId: 'p1:2026', year: 2026, count: 2, archivedTotal: 2 });
    expect(validateEvent(events[0]!)).toEqual([]);
    expect(() => planBatch(record, 'ARCHIVE', ['hr3'], 'run-1', system)).toThrow(/pending/);
    const done = completeBatch(record);
    expect(done).toMatchObject({ pending: null, batches: 1, archivedCount: 2, firstArchivedAt: NOW });
    const anonymising = planBatch(done, 'ANONYMISE', ['hr1'], 'run-2', system);
    expect(validateEvent(anonymising.events[0]!)).toEqual([]);
    expect(completeBatch(anonymising.record)).toMatchObject({
      anonymisedCount: 1,
      anonymisedAt: NOW,
      batches: 2,
    });
  });

  it('anonymising removes names, phones, the household references and every free text', () => {
    const at = new Date('2029-01-01T00:00:00Z');
    const request = archived();
    const anonymous = anonymise(request, at);
    expect(anonymous).toMatchObject({
      contact: { name: ANONYMISED, phone: '' },
      description: ANONYMISED,
      requesterId: null,
      unitId: null,
      attachments: [],
      outcome: ANONYMISED,
      referral: { department: 'Water company', contact: null },
      followUp: { result: 'SATISFIED', note: null },
      partsNotices: [{ message: ANONYMISED, notifiedUnitIds: [] }],
      inspections: [{ finding: ANONYMISED, passed: true }],
      register: { year: 2026, anonymisedAt: at },
    });
    expect(anonymous.timeline.every((entry) => entry.note === null)).toBe(true);
    const text = JSON.stringify(anonymous);
    for (const personal of ['Li Wei', '13812345678', 'Mrs Li', 'Zhao', '1201', '"r1"', '"u1"'])
      expect(text).not.toContain(personal);
  });

  it('…and keeps the statistics: the SLA report of the anonymised requests is the same', () => {
    const requests = [archived(), archived({ _id: 'hr2', category: 'ELECTRICAL', urgent: true })];
    const at = new Date('2029-01-01T00:00:00Z');
    expect(
      slaReport(
        requests.map((r) => anonymise(r, at)),
        at,
      ),
    ).toEqual(slaReport(requests, at));
    const kept = anonymise(requests[1]!, at);
    for (const field of [
      'number',
      'type',
      'category',
      'channel',
      'urgent',
      'state',
      'clocks',
      'breaches',
    ] as const)
      expect(kept[field]).toEqual(requests[1]![field]);
  });
});
