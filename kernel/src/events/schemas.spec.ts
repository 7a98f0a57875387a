import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { loadEventSchemas } from './schemas.js';

const directory = fileURLToPath(new URL('../../../schema/events', import.meta.url));
const published = loadEventSchemas(directory);
const closed = loadEventSchemas(directory, { closed: true });

const event = (type: string, data: Record<string, unknown>) => ({
  specversion: '1.0',
  id: '0b7e6c2a-1d4f-4e8a-9c3b-000000000001',
  source: '/courtyard/work-orders',
  type,
  subject: 'hr-1',
  time: '2026-11-23T08:00:00.000Z',
  datacontenttype: 'application/json',
  propertyid: 'p1',
  data,
});
// Common fields come from workorder.common.json (allOf + $ref), `notice` is the type's own object.
const waitingParts = {
  helpRequestId: 'hr-1',
  number: 'WO-2026-000123',
  propertyId: 'p1',
  type: 'REPAIR',
  category: 'WATER_LEAK',
  channel: 'PHONE',
  urgent: false,
  paid: false,
  repeatCall: false,
  ownerId: 'desk-001',
  actorId: 'tech-007',
  state: 'WAITING_PARTS',
  previousState: 'IN_PROGRESS',
  receivedAt: '2026-11-23T08:00:00.000Z',
  occurredAt: '2026-11-23T08:45:00.000Z',
  secondsSinceReceived: 2700,
  dueAt: '2026-11-23T12:00:00.000Z',
  notice: { message: 'Valve arrives tomorrow.', notifiedUnitIds: ['u1'], expectedBy: null },
};
const TYPE = 'workorder.waiting_parts.v1';

describe('the two forms of the event schemas', () => {
  it('lists the event types, not the envelope or the shared definitions', () => {
    expect(published.types()).toContain(TYPE);
    expect(published.types()).not.toContain('workorder.common');
    expect(published.types()).not.toContain('envelope');
  });

  it('accepts a complete event in both forms, fields from the shared definitions included', () => {
    expect(published.validate(event(TYPE, waitingParts))).toEqual([]);
    expect(closed.validate(event(TYPE, waitingParts))).toEqual([]);
  });

  it('lets readers ignore properties the schema does not list, at any depth of data', () => {
    const grown = {
      ...waitingParts,
      partsOrderId: 'po-9',
      notice: { ...waitingParts.notice, channel: 'SMS' },
    };
    expect(published.validate(event(TYPE, grown))).toEqual([]);
  });

  it('holds producers to the listed properties, at any depth of data', () => {
    expect(closed.validate(event(TYPE, { ...waitingParts, partsOrderId: 'po-9' }))).toEqual([
      '/data must NOT have unevaluated properties: partsOrderId',
    ]);
    const notice = { ...waitingParts.notice, channel: 'SMS' };
    expect(closed.validate(event(TYPE, { ...waitingParts, notice }))).toContain(
      '/data/notice must NOT have unevaluated properties: channel',
    );
  });

  it('requires every field in both forms, shared or the type’s own', () => {
    const { urgent: _shared, ...withoutShared } = waitingParts;
    const { notice: _own, ...withoutOwn } = waitingParts;
    for (const registry of [published, closed]) {
      expect(registry.validate(event(TYPE, withoutShared))).toEqual([
        "/data must have required property 'urgent'",
      ]);
      expect(registry.validate(event(TYPE, withoutOwn))).toEqual([
        "/data must have required property 'notice'",
      ]);
    }
  });

  it('keeps the envelope closed in both forms', () => {
    const withAttribute = { ...event(TYPE, waitingParts), tenant: 'x' };
    expect(published.validate(withAttribute)).toContain('/ must NOT have additional properties: tenant');
  });
});
