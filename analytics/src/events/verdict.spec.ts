import { describe, expect, it } from '@jest/globals';
import { createEvent, loadEventSchemas } from '@courtyard/kernel';
import { createJudge } from './verdict.js';

const judge = createJudge(loadEventSchemas(new URL('../../../schema/events', import.meta.url).pathname));
const value = (body: unknown) => Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
const property = (data: Record<string, unknown>) =>
  createEvent('residents', {
    type: 'property.created.v1',
    subject: 'p1',
    propertyId: 'p1',
    time: new Date('2026-11-23T08:00:00Z'),
    data,
  });

describe('judging a message against the published event schemas', () => {
  const valid = {
    propertyId: 'p1',
    code: 'GARDEN-01',
    name: 'Garden Court',
    timeZone: 'Asia/Shanghai',
    createdAt: '2026-11-23T08:00:00.000Z',
  };

  it('accepts an event that matches its schema', () => {
    expect(judge(value(property(valid)))).toMatchObject({
      kind: 'event',
      event: { type: 'property.created.v1' },
    });
  });

  it('reads an event whose data carries a property its schema does not list yet', () => {
    // A producer on a later compatible edit of v1 may add an optional property; readers ignore it.
    expect(judge(value(property({ ...valid, openedOn: '2026-12-01' })))).toMatchObject({
      kind: 'event',
      event: { data: { openedOn: '2026-12-01' } },
    });
  });

  it('finds unreadable what is not JSON, not a CloudEvent, or breaks its schema', () => {
    expect(judge(value('not json'))).toEqual({
      kind: 'unreadable',
      reason: 'not a CloudEvents 1.0 JSON message',
    });
    expect(judge(value({ hello: 'world' }))).toMatchObject({ kind: 'unreadable' });
    expect(judge(null)).toMatchObject({ kind: 'unreadable' });
    const broken = judge(value(property({ ...valid, createdAt: 'yesterday' })));
    expect(broken).toMatchObject({ kind: 'unreadable' });
    expect(broken.kind === 'unreadable' && broken.reason).toContain(
      'property.created.v1 does not match its schema',
    );
  });

  it('calls a type without a published schema unknown', () => {
    const notice = createEvent('billing', {
      type: 'parking_permit.issued.v1',
      subject: 'notice-1',
      time: new Date(),
      data: { propertyId: 'p1', unitId: 'u1' },
    });
    expect(judge(value(notice))).toEqual({ kind: 'unknown', type: 'parking_permit.issued.v1' });
  });
});
