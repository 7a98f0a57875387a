import { describe, expect, it } from '@jest/globals';
import { loadEventSchemas } from '@courtyard/kernel';
import { DomainError, sequentialIds, type Caller, type CommandContext } from '@courtyard/kernel/domain';
import type { ResidentRecord } from './records.js';
import { updateResident, updateResidentContactDetails } from './resident-changes.js';

// The producer's (closed) form: no property the schema does not list.
const schemas = loadEventSchemas(new URL('../../../../schema/events', import.meta.url).pathname, {
  closed: true,
});
const now = new Date('2026-12-01T09:30:00Z');
const as = (actor: Caller): CommandContext => ({ actor, now, newId: sequentialIds() });
const desk = as({ subject: 'desk-1', role: 'FRONT_DESK', propertyIds: ['p1'], name: 'Wang Fang' });
const self = as({ subject: 'resident-r1', role: 'RESIDENT', propertyIds: ['p1'], residentId: 'r1' });
const resident: ResidentRecord = {
  _id: 'r1',
  version: 2,
  createdAt: new Date('2026-01-15T00:00:00Z'),
  propertyId: 'p1',
  name: 'Li Wei',
  kind: 'TENANT',
  phone: '13812345678',
  idDocumentNumber: null,
  vip: false,
};

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}/${error.reason}`;
    throw error;
  }
  return 'accepted';
};

describe('the office changes a resident’s record, kept on its history', () => {
  it('changes kind and VIP: the history says who, when, from what to what and why; one event names both', () => {
    const update = updateResident(
      { residentId: 'r1', kind: 'OWNER', vip: true, reason: 'Bought the flat' },
      resident,
      desk,
    );
    expect(update.record).toMatchObject({ kind: 'OWNER', vip: true, version: 3, phone: '13812345678' });
    expect(update.change).toEqual({
      at: now,
      actorId: 'desk-1',
      actorRole: 'FRONT_DESK',
      actorName: 'Wang Fang',
      reason: 'Bought the flat',
      changes: [
        { field: 'kind', from: 'TENANT', to: 'OWNER' },
        { field: 'vip', from: 'false', to: 'true' },
      ],
    });
    expect(update.record.history).toEqual([update.change]);
    expect(update.events).toHaveLength(1);
    const [event] = update.events;
    expect(schemas.validate(event!)).toEqual([]);
    expect(event).toMatchObject({ type: 'resident.updated.v1', subject: 'r1', propertyid: 'p1' });
    expect(event!.data).toEqual({
      residentId: 'r1',
      propertyId: 'p1',
      version: 3,
      changedFields: ['kind', 'vip'],
      kind: 'OWNER',
      vip: true,
      preferredContactChannel: null,
      changedBy: { actorId: 'desk-1', actorRole: 'FRONT_DESK' },
      updatedAt: now.toISOString(),
    });
  });

  it('a phone change is named in the event but its number never travels', () => {
    const update = updateResident({ residentId: 'r1', phone: '13900001111' }, resident, desk);
    expect(update.change?.changes).toEqual([{ field: 'phone', from: '13812345678', to: '13900001111' }]);
    expect(update.events[0]!.data).toMatchObject({ changedFields: ['phone'] });
    expect(JSON.stringify(update.events)).not.toContain('13900001111');
    expect(JSON.stringify(update.events)).not.toContain('13812345678');
  });

  it('appends to an existing history, never rewriting it', () => {
    const first = updateResident({ residentId: 'r1', vip: true }, resident, desk).record;
    const second = updateResident(
      { residentId: 'r1', vip: false, reason: 'Flagged by mistake' },
      first,
      desk,
    );
    expect(second.record.history?.map((entry) => entry.changes)).toEqual([
      [{ field: 'vip', from: 'false', to: 'true' }],
      [{ field: 'vip', from: 'true', to: 'false' }],
    ]);
  });

  it('input that changes nothing writes nothing and publishes nothing', () => {
    const update = updateResident(
      { residentId: 'r1', kind: 'TENANT', vip: false, phone: null },
      resident,
      desk,
    );
    expect(update).toEqual({ record: resident, events: [], change: null });
  });

  it('refuses bad input with every problem at once, before any rule', () => {
    const run = () =>
      updateResident(
        { residentId: 'r1', phone: '12-34', name: ' ', reason: 'x'.repeat(501) },
        resident,
        desk,
      );
    expect(run).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        reason: 'VALIDATION_FAILED',
        details: {
          fields: [
            expect.objectContaining({ path: 'name' }),
            expect.objectContaining({ path: 'phone' }),
            expect.objectContaining({ path: 'reason' }),
          ],
        },
      }),
    );
  });

  it('only the office of the resident’s property may change it', () => {
    const otherDesk = as({ subject: 'desk-2', role: 'FRONT_DESK', propertyIds: ['p2'] });
    const technician = as({ subject: 't1', role: 'TECHNICIAN', propertyIds: ['p1'] });
    expect(refusal(() => updateResident({ residentId: 'r1', vip: true }, resident, otherDesk))).toBe(
      'FORBIDDEN/OUTSIDE_PROPERTY_SCOPE',
    );
    expect(refusal(() => updateResident({ residentId: 'r1', vip: true }, resident, technician))).toBe(
      'FORBIDDEN/ROLE_NOT_ALLOWED',
    );
    expect(refusal(() => updateResident({ residentId: 'r1', vip: true }, resident, self))).toBe(
      'FORBIDDEN/ROLE_NOT_ALLOWED',
    );
  });
});

describe('a resident updates their own contact details', () => {
  it('changes their phone and preferred channel, recorded as their own change', () => {
    const update = updateResidentContactDetails(
      { phone: '+8613900001111', preferredContactChannel: 'WECHAT' },
      resident,
      self,
    );
    expect(update.record).toMatchObject({ phone: '+8613900001111', preferredContactChannel: 'WECHAT' });
    expect(update.change).toMatchObject({
      actorId: 'resident-r1',
      actorRole: 'RESIDENT',
      reason: null,
      changes: [
        { field: 'phone', from: '13812345678', to: '+8613900001111' },
        { field: 'preferredContactChannel', from: null, to: 'WECHAT' },
      ],
    });
    expect(update.events[0]!.data).toMatchObject({
      changedFields: ['phone', 'preferredContactChannel'],
      preferredContactChannel: 'WECHAT',
      changedBy: { actorId: 'resident-r1', actorRole: 'RESIDENT' },
    });
  });

  it('cannot change anything else, nor anyone else’s record', () => {
    const other = { ...resident, _id: 'r2' };
    expect(refusal(() => updateResidentContactDetails({ phone: '13900001111' }, other, self))).toBe(
      'NOT_FOUND/RESIDENT_NOT_FOUND',
    );
    expect(refusal(() => updateResidentContactDetails({ phone: '13900001111' }, resident, desk))).toBe(
      'NOT_FOUND/RESIDENT_NOT_FOUND',
    );
    // Unknown input fields (vip) are not part of the contract: zod drops them, nothing changes.
    expect(updateResidentContactDetails({ vip: true }, resident, self).change).toBeNull();
  });

  it('refuses a malformed phone', () => {
    expect(refusal(() => updateResidentContactDetails({ phone: 'call me' }, resident, self))).toBe(
      'BAD_USER_INPUT/VALIDATION_FAILED',
    );
  });
});
