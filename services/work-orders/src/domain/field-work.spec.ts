import { describe, expect, it } from '@jest/globals';
import { as, received, staff } from './fixtures.js';
import { recordPartsUsed, recordSignOff, recordWorkNote } from './field-work.js';
import * as lifecycle from './lifecycle.js';
import { recordArrival } from './sla-moments.js';

const tech = as({ subject: 'tech-1', role: 'TECHNICIAN' });
const otherTech = as({ subject: 'tech-2', role: 'TECHNICIAN' });
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { code, reason } = error as { code: string; reason: string };
    return { code, reason };
  }
  throw new Error('expected a refusal');
};

function assigned(input: Record<string, unknown> = {}) {
  const acknowledged = lifecycle.acknowledge(received(input), null, as({})).record;
  return lifecycle.assign(acknowledged, { assigneeIds: ['tech-1'] }, [staff()], as({})).record;
}

describe('work on site', () => {
  it('records the arrival of an ordinary repair (no on-site clock) once, with workorder.arrived.v1', () => {
    const { record, events } = recordArrival(assigned(), null, tech);
    expect(record.fieldWork).toMatchObject({ arrivedById: 'tech-1' });
    expect(record.timeline.at(-1)).toMatchObject({ note: 'arrived on site', to: 'ASSIGNED' });
    expect(events.map((e) => e.type)).toEqual(['workorder.arrived.v1']);
    expect(refusal(() => recordArrival(record, null, tech)).reason).toBe('ALREADY_ARRIVED');
  });

  it('an urgent repair’s arrival stops its ON_SITE clock and is kept on the record too', () => {
    const { record, events } = recordArrival(assigned({ urgent: true }), 'at the door', tech);
    expect(events.map((e) => e.type)).toEqual(['workorder.clock_stopped.v1']);
    expect(record.clocks.find((c) => c.kind === 'ON_SITE')?.stoppedAt).toBeTruthy();
    expect(record.fieldWork?.arrivedAt).toBeTruthy();
  });

  it('notes with photos and parts mid-job; the sign-off once resolved; never by another technician', () => {
    const started = lifecycle.startWork(assigned(), null, tech).record;
    const note = recordWorkNote(
      started,
      { note: 'Joint worn', photos: ['https://files.example/a.jpg'] },
      tech,
    );
    expect(note.events[0]).toMatchObject({
      type: 'workorder.work_noted.v1',
      data: { photoCount: 1, noteCount: 1 },
    });
    const parts = recordPartsUsed(
      note.record,
      {
        parts: [
          { name: 'Pipe joint', quantity: 2, cost: { amount: 1800, currency: 'CNY' } },
          { name: 'Tape', quantity: 1 },
        ],
      },
      tech,
    );
    expect(parts.record.fieldWork?.parts.map((p) => [p.name, p.quantity, p.cost])).toEqual([
      ['Pipe joint', 2, { amount: 1800, currency: 'CNY' }],
      ['Tape', 1, null],
    ]);
    expect(refusal(() => recordSignOff(parts.record, { residentName: 'Li Wei' }, tech)).reason).toBe(
      'NOT_RESOLVED',
    );
    const resolved = lifecycle.resolve(parts.record, 'Replaced the joint', tech).record;
    const signed = recordSignOff(
      resolved,
      { residentName: 'Li Wei', signature: 'https://files.example/sig.png' },
      tech,
    );
    expect(signed.record.state).toBe('RESOLVED');
    expect(signed.events[0]).toMatchObject({
      type: 'workorder.signed_off.v1',
      data: { withSignature: true },
    });
    expect(refusal(() => recordSignOff(signed.record, { residentName: 'Li Wei' }, tech)).reason).toBe(
      'ALREADY_SIGNED_OFF',
    );
    expect(refusal(() => recordWorkNote(started, { note: 'mine now' }, otherTech))).toEqual({
      code: 'FORBIDDEN',
      reason: 'ROLE_NOT_ALLOWED',
    });
    expect(
      refusal(() => recordPartsUsed(started, { parts: [{ name: 'x', quantity: 0 }] }, tech)).reason,
    ).toBe('VALIDATION_FAILED');
    expect(
      refusal(() => recordWorkNote(started, { note: 'x', photos: ['javascript:alert(1)'] }, tech)).reason,
    ).toBe('VALIDATION_FAILED');
  });
});
