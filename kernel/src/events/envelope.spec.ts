import { describe, expect, it } from '@jest/globals';
import { createEvent, parseEvent } from './envelope.js';

describe('CloudEvents envelope', () => {
  const event = createEvent('residents', {
    type: 'unit.created.v1',
    subject: 'u1',
    propertyId: 'p1',
    data: { unitId: 'u1' },
    time: new Date('2026-11-23T08:00:00Z'),
    requestId: 'req-1',
  });

  it('carries the CloudEvents 1.0 attributes and the tenant', () => {
    expect(event).toMatchObject({
      specversion: '1.0',
      source: '/courtyard/residents',
      type: 'unit.created.v1',
      subject: 'u1',
      time: '2026-11-23T08:00:00.000Z',
      datacontenttype: 'application/json',
      propertyid: 'p1',
      requestid: 'req-1',
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('round-trips through a Kafka message value, and rejects what is not an event', () => {
    expect(parseEvent(Buffer.from(JSON.stringify(event)))).toEqual(event);
    expect(parseEvent(Buffer.from('not json'))).toBeNull();
    expect(parseEvent(Buffer.from(JSON.stringify({ hello: 'world' })))).toBeNull();
    expect(parseEvent(null)).toBeNull();
  });
});
