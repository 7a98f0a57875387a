import { describe, expect, it } from '@jest/globals';
import { domainEvent } from './events.js';
import { sequentialIds, type CommandContext } from './command.js';

const context: CommandContext = {
  actor: { subject: 'gm-1', role: 'GENERAL_MANAGER', propertyIds: ['*'] },
  now: new Date('2026-11-23T02:00:00Z'),
  newId: sequentialIds(),
  requestId: 'req-1',
  traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
};
const data = {
  propertyId: 'p1',
  code: 'GARDEN',
  name: 'Garden Court',
  timeZone: 'Asia/Shanghai',
  createdAt: '2026-11-23T02:00:00.000Z',
};

describe('domainEvent', () => {
  it('wraps typed data in the envelope, taking id, time, request and trace from the command', () => {
    expect(domainEvent('property.created.v1', { id: 'p1', propertyId: 'p1' }, data, context)).toEqual({
      specversion: '1.0',
      id: '00000000-0000-4000-8000-000000000001',
      source: '/courtyard/residents',
      type: 'property.created.v1',
      subject: 'p1',
      time: '2026-11-23T02:00:00.000Z',
      datacontenttype: 'application/json',
      data,
      propertyid: 'p1',
      requestid: 'req-1',
      traceparent: context.traceparent,
    });
  });

  it('does not compile for data its schema would refuse (checked by `npm run typecheck`)', () => {
    const { timeZone: _forgotten, ...withoutZone } = data;
    const make = () => [
      // @ts-expect-error a required field is missing
      domainEvent('property.created.v1', { id: 'p1' }, withoutZone, context),
      // @ts-expect-error a field the schema does not name
      domainEvent('property.created.v1', { id: 'p1' }, { ...data, colour: 'red' }, context),
      // @ts-expect-error an event type with no schema
      domainEvent('property.renamed.v1', { id: 'p1' }, data, context),
    ];
    expect(make).not.toThrow();
  });
});
