import { describe, expect, it } from '@jest/globals';
import { ReactionAlreadyApplied, type Decision } from '@courtyard/kernel';
import { exampleEvent, feed } from '../../../../../test/support/handler-harness.js';
import type { HelpRequestRecord } from '../../domain/records.js';
import { defaultTerms } from '../../domain/sla-terms.js';
import { onFaultReported } from './facility.fault_reported.v1.js';

/** The repository as the handler sees it: numbers handed out, requests inserted, replays told apart. */
function fakeRequests() {
  const inserted: Array<{ record: HelpRequestRecord; causationId: string | undefined }> = [];
  let numbers = 0;
  return {
    inserted,
    allocated: () => numbers,
    repository: () => ({
      assertNotCreatedBy: async (id: string, causationId: string) => {
        if (inserted.some((i) => i.record._id === id && i.causationId === causationId))
          throw new ReactionAlreadyApplied('help_requests', id, causationId);
      },
      insertNumbered: async (
        _propertyId: string,
        year: number,
        _now: Date,
        decide: (number: string) => Decision<HelpRequestRecord>,
        causationId?: string,
      ) => {
        const { record } = decide(`WO-${year}-${String(++numbers).padStart(6, '0')}`);
        inserted.push({ record, causationId });
        return record;
      },
    }),
  };
}
const shanghai = {
  termsOf: async () => ({ timeZone: 'Asia/Shanghai', terms: defaultTerms('Asia/Shanghai') }),
};

describe('facility.fault_reported.v1 → one repair request', () => {
  it('opens an urgent REPAIR in the mapped category, owned by the system, for the facility and fault', async () => {
    const requests = fakeRequests();
    const event = exampleEvent('facility.fault_reported.v1');
    const now = new Date('2026-11-23T08:00:05Z');
    await feed(onFaultReported(requests.repository, shanghai, '4008123123'), event, {
      now,
      actor: 'work-orders',
    });
    const [{ record, causationId }] = requests.inserted as [(typeof requests.inserted)[number]];
    expect(causationId).toBe(event.id);
    expect(record).toMatchObject({
      number: 'WO-2026-000001',
      propertyId: event.data.propertyId,
      type: 'REPAIR',
      category: 'ELEVATOR',
      channel: 'FRONT_DESK',
      urgent: true,
      faultComplexity: 'GENERAL',
      state: 'RECEIVED',
      ownerId: 'work-orders',
      contact: { name: 'Li Wei', phone: '13812345678' },
      description: 'Elevator A (EL-001, Building 1 lobby): Stuck on floor 3',
      facilityId: event.data.facilityId,
      faultId: event.data.faultId,
      createdAt: now,
    });
    // A 30-minute on-site limit: the elevator is a shared utility and the repair urgent.
    expect(record.onSiteDueAt).toEqual(new Date('2026-11-23T08:30:05Z'));
  });

  it('calls back on the service line when the reporter left no phone; a resident report came by the app', async () => {
    const requests = fakeRequests();
    const event = exampleEvent('facility.fault_reported.v1', {
      data: { contactPhone: null, source: 'RESIDENT' },
    });
    await feed(onFaultReported(requests.repository, shanghai, '4008123123'), event);
    expect(requests.inserted[0]?.record).toMatchObject({ contact: { phone: '4008123123' }, channel: 'APP' });
  });

  it('decides the same request on a replay, recognised before a number is allocated', async () => {
    const requests = fakeRequests();
    const event = exampleEvent('facility.fault_reported.v1');
    const handler = onFaultReported(requests.repository, shanghai, '4008123123');
    await feed(handler, event);
    await expect(feed(handler, event)).rejects.toBeInstanceOf(ReactionAlreadyApplied);
    expect(requests.inserted).toHaveLength(1);
    expect(requests.allocated()).toBe(1);
  });
});
