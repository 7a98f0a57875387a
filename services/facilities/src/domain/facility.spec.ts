import { describe, expect, it } from '@jest/globals';
import { sequentialIds, type Caller, type CommandContext } from '@courtyard/kernel/domain';
import { createFacility } from './facility.js';

const now = new Date('2026-11-23T02:00:00Z');
const as = (caller: Partial<Caller>): CommandContext => ({
  actor: { subject: 'desk-1', role: 'FRONT_DESK', propertyIds: ['p1'], ...caller },
  now,
  newId: sequentialIds(),
});

describe('createFacility', () => {
  it('records the facility with one event, ids and time from the command context', () => {
    const { record, events } = createFacility({ propertyId: 'p1', name: ' North gate ' }, as({}));
    expect(record).toMatchObject({ propertyId: 'p1', name: 'North gate', version: 1, createdAt: now });
    expect(events).toMatchObject([
      { type: 'facility.created.v1', subject: record._id, propertyid: 'p1', data: { name: 'North gate' } },
    ]);
    expect(createFacility({ propertyId: 'p1', name: 'North gate' }, as({}))).toEqual(
      createFacility({ propertyId: 'p1', name: 'North gate' }, as({})),
    );
  });

  it('refuses staff of another property and bad input, with stable reasons', () => {
    expect(() => createFacility({ propertyId: 'p1', name: 'x' }, as({ propertyIds: ['p2'] }))).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', reason: 'OUTSIDE_PROPERTY_SCOPE' }) as unknown as Error,
    );
    expect(() => createFacility({ propertyId: 'p1', name: '' }, as({}))).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'VALIDATION_FAILED' }) as unknown as Error,
    );
  });
});
