import { describe, expect, it } from '@jest/globals';
import { loadEventSchemas } from '@courtyard/kernel';
import { as, NOW, received, staff } from './fixtures.js';
import { correct } from './corrections.js';
import * as lifecycle from './lifecycle.js';
import * as moments from './sla-moments.js';
import type { PropertyRecord } from './records.js';

const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const property: PropertyRecord = {
  _id: 'p1',
  version: 1,
  createdAt: NOW,
  code: 'P1',
  name: 'Garden',
  timeZone: 'Asia/Shanghai',
};
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { code, reason } = error as { code: string; reason: string };
    return { code, reason };
  }
  throw new Error('expected a refusal');
};
const desk = (minutes = 10) => as({}, later(minutes));
const clock = (
  request: { clocks: Array<{ kind: string; dueAt: Date; stoppedAt: Date | null }> },
  kind: string,
) => request.clocks.find((c) => c.kind === kind);

describe('a correction after intake (issue 19)', () => {
  it('recomputes the clocks from the received time under the corrected kind, keeping what was met', () => {
    // Recorded as a plain repair (4 h); it is an urgent repair: on site within 30 min.
    const first = moments.recordFirstReply(received(), { channel: 'PHONE' }, desk(2)).record;
    const { record, events } = correct(
      first,
      { urgent: true, reason: 'Water is pouring through' },
      property,
      desk(),
    );
    expect(clock(record, 'ON_SITE')?.dueAt).toEqual(later(30));
    expect(record.onSiteDueAt).toEqual(later(30));
    expect(clock(record, 'FIRST_REPLY')).toEqual(clock(first, 'FIRST_REPLY'));
    expect(clock(record, 'FIRST_REPLY')?.stoppedAt).toEqual(later(2));
    expect(record.slaWakeAt).toEqual(later(30));
    expect(record.corrections).toEqual([
      {
        at: later(10),
        byId: 'desk-1',
        byRole: 'FRONT_DESK',
        reason: 'Water is pouring through',
        changes: [{ field: 'urgent', from: 'false', to: 'true' }],
      },
    ]);
    expect(record.timeline.at(-1)?.note).toBe(
      'corrected: urgent false → true; reason: Water is pouring through',
    );
    expect(events.map((e) => e.type)).toEqual(['workorder.corrected.v1']);
  });

  it('a category and type correction: a complaint gets its own limits, and its clocks', () => {
    const { record } = correct(
      received(),
      {
        type: 'COMPLAINT',
        category: 'SERVICE_QUALITY',
        complaintSeverity: 'GENERAL',
        reason: 'It is a complaint',
      },
      property,
      desk(),
    );
    expect(record).toMatchObject({
      type: 'COMPLAINT',
      category: 'SERVICE_QUALITY',
      complaintSeverity: 'GENERAL',
    });
    expect(record.dueAt).toEqual(later(8 * 60));
    expect(record.onSiteDueAt).toEqual(later(60));
    // The complaint's feedback starts at the visit; it waits for it.
    expect(record.pendingClocks.map((p) => p.kind)).toEqual(['FEEDBACK']);
    expect(record.corrections?.[0]?.changes.map((c) => c.field)).toEqual([
      'type',
      'category',
      'complaintSeverity',
    ]);
  });

  it('keeps an earlier due time an assignment set, within the new limit', () => {
    const acknowledged = lifecycle.acknowledge(received(), null, desk(1)).record;
    const assigned = lifecycle.assign(
      acknowledged,
      { assigneeIds: ['tech-1'], dueAt: later(60) },
      [staff()],
      desk(2),
    ).record;
    const { record } = correct(
      assigned,
      { category: 'DRAINAGE', reason: 'It is the drain' },
      property,
      desk(),
    );
    expect(record.dueAt).toEqual(later(60));
  });

  it('refuses a correction that changes nothing, leaves a complaint without severity, or comes too late', () => {
    expect(
      refusal(() => correct(received(), { category: 'WATER_LEAK', reason: 'same' }, property, desk())),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'NOTHING_TO_CORRECT',
    });
    expect(refusal(() => correct(received(), { type: 'COMPLAINT', reason: 'x' }, property, desk()))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'CORRECTION_INCOMPLETE',
    });
    expect(
      refusal(() =>
        correct(
          received(),
          { urgent: true, reason: 'x' },
          property,
          as({ role: 'TECHNICIAN', subject: 't' }),
        ),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const referred = lifecycle.refer(
      received(),
      { department: 'Water company', residentToldAt: NOW },
      as({ role: 'SERVICE_SUPERVISOR', subject: 'sup-1' }),
    ).record;
    expect(refusal(() => correct(referred, { urgent: true, reason: 'x' }, property, desk()))).toEqual({
      code: 'CONFLICT',
      reason: 'REQUEST_FINISHED',
    });
  });

  it('publishes an event valid against its closed schema', () => {
    const schemas = loadEventSchemas(new URL('../../../../schema/events', import.meta.url).pathname, {
      closed: true,
    });
    const { events } = correct(
      received(),
      { category: 'DRAINAGE', attachments: ['https://example.com/p.jpg'], reason: 'x' },
      property,
      desk(),
    );
    expect(events.flatMap((event) => schemas.validate(event))).toEqual([]);
  });
});
