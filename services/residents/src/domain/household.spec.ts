import { describe, expect, it } from '@jest/globals';
import { DomainError, sequentialIds, type CommandContext } from '@courtyard/kernel/domain';
import { moveIn, movedInByFirstAttempt, moveOut } from './household.js';
import type { ResidentRecord, UnitRecord } from './records.js';

const now = new Date('2026-11-23T08:00:00Z');
const desk: CommandContext = {
  actor: { subject: 'desk', role: 'FRONT_DESK', propertyIds: ['p1'] },
  now,
  newId: sequentialIds(),
};
const unit: UnitRecord = {
  _id: 'u1',
  version: 1,
  createdAt: now,
  propertyId: 'p1',
  buildingId: 'b1',
  number: '101',
  floor: 1,
  areaSquareMeters: 80,
};
const resident = (id: string, propertyId = 'p1'): ResidentRecord => ({
  _id: id,
  version: 1,
  createdAt: now,
  propertyId,
  name: id,
  kind: 'OWNER',
  phone: '13800000000',
  idDocumentNumber: null,
  vip: false,
});

describe('household: moving in and out', () => {
  const first = moveIn(
    { unitId: 'u1', residentId: 'r1', relation: 'OWNER', movedInOn: '2026-01-01' },
    unit,
    resident('r1'),
    null,
    desk,
  );

  it('creates the household on the first move-in (version 0 = not stored yet)', () => {
    expect(first.record).toMatchObject({
      version: 0,
      unitId: 'u1',
      members: [{ residentId: 'r1', movedOutOn: null }],
    });
    expect(first.events[0]).toMatchObject({
      type: 'resident.moved_in.v1',
      subject: first.record._id,
      data: { residentId: 'r1' },
    });
  });

  it('refuses moving the same person in twice, or a resident of another property', () => {
    expect(() =>
      moveIn(
        { unitId: 'u1', residentId: 'r1', relation: 'OWNER', movedInOn: '2026-02-01' },
        unit,
        resident('r1'),
        first.record,
        desk,
      ),
    ).toThrow(expect.objectContaining({ code: 'CONFLICT', reason: 'ALREADY_MOVED_IN' }) as unknown as Error);
    expect(() =>
      moveIn(
        { unitId: 'u1', residentId: 'r9', relation: 'TENANT', movedInOn: '2026-02-01' },
        unit,
        resident('r9', 'p2'),
        first.record,
        desk,
      ),
    ).toThrow(DomainError);
  });

  it('records the move-out date and keeps the member in the history', () => {
    const out = moveOut(
      { unitId: 'u1', residentId: 'r1', movedOutOn: '2026-06-30' },
      unit,
      first.record,
      desk,
    );
    expect(out.record.members).toEqual([
      { residentId: 'r1', relation: 'OWNER', movedInOn: '2026-01-01', movedOutOn: '2026-06-30' },
    ]);
    expect(out.events[0]).toMatchObject({
      type: 'resident.moved_out.v1',
      data: { movedOutOn: '2026-06-30' },
    });
  });

  it('refuses a move-out before the move-in, or of someone who does not live there', () => {
    expect(() =>
      moveOut({ unitId: 'u1', residentId: 'r1', movedOutOn: '2025-12-31' }, unit, first.record, desk),
    ).toThrow(expect.objectContaining({ reason: 'MOVE_OUT_BEFORE_MOVE_IN' }) as unknown as Error);
    expect(() =>
      moveOut({ unitId: 'u1', residentId: 'r2', movedOutOn: '2026-06-30' }, unit, first.record, desk),
    ).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', reason: 'NOT_A_CURRENT_MEMBER' }) as unknown as Error,
    );
  });
});

describe('household: a keyed re-run of a move-in whose first attempt moved the resident in', () => {
  const input = { unitId: 'u1', residentId: 'r1', relation: 'OWNER', movedInOn: '2026-01-01' };
  const stored = { ...moveIn(input, unit, resident('r1'), null, desk).record, version: 1 };

  it('answers the stored household when it carries the key and the resident lives there', () => {
    expect(movedInByFirstAttempt(input, unit, stored, true, desk)).toBe(stored);
  });

  it('decides as usual otherwise: no household, not written under the key, another resident', () => {
    expect(movedInByFirstAttempt(input, unit, null, true, desk)).toBeNull();
    expect(movedInByFirstAttempt(input, unit, stored, false, desk)).toBeNull();
    expect(movedInByFirstAttempt({ ...input, residentId: 'r2' }, unit, stored, true, desk)).toBeNull();
  });

  it('still checks who may record move-ins', () => {
    const elsewhere: CommandContext = { ...desk, actor: { ...desk.actor, propertyIds: ['p2'] } };
    expect(() => movedInByFirstAttempt(input, unit, stored, true, elsewhere)).toThrow(DomainError);
  });
});
