import { describe, expect, it } from '@jest/globals';
import type { Decision } from '@courtyard/kernel';
import { addMonths } from '../domain/call-backs.js';
import type { CallBackRecord, CallBackScheduleRecord } from '../domain/records.js';
import { callBackSweep } from './call-back-scheduler.js';

/** The store's contract in memory: unique call-back ids, version-checked schedule updates. */
function memoryStore(schedules: CallBackScheduleRecord[]) {
  const callBacks = new Map<string, CallBackRecord>();
  const byId = new Map(schedules.map((s) => [s._id, { ...s }]));
  return {
    callBacks,
    schedules: byId,
    dueSchedules: async (now: Date) =>
      [...byId.values()].filter((s) => s.nextDueAt <= now).map((s) => ({ ...s })),
    createDue: async (
      schedule: CallBackScheduleRecord,
      callBack: Decision<CallBackRecord> | null,
      nextDueAt: Date,
    ) => {
      let outcome: 'created' | 'already' | 'moved' = 'moved';
      if (callBack) {
        outcome = callBacks.has(callBack.record._id) ? 'already' : 'created';
        if (outcome === 'created') callBacks.set(callBack.record._id, callBack.record);
      }
      const stored = byId.get(schedule._id)!;
      if (stored.version === schedule.version)
        byId.set(schedule._id, { ...stored, nextDueAt, version: stored.version + 1 });
      return outcome;
    },
  };
}

const handoverAt = new Date('2025-01-15T00:00:00Z');
const schedule: CallBackScheduleRecord = {
  _id: 'p1',
  version: 1,
  createdAt: handoverAt,
  name: 'Garden Court',
  handoverAt,
  handoverSource: 'PROPERTY_CREATED',
  nextDueAt: handoverAt,
};

describe('the call-back scheduler (injected clock)', () => {
  it('creates one call-back a month in the first year, then one a quarter, however often it runs', async () => {
    const store = memoryStore([schedule]);
    let now = handoverAt;
    const sweep = callBackSweep(store);
    // Every ten days for 30 months, twice each time.
    for (let day = 0; day <= 30 * 30.5; day += 10) {
      now = new Date(handoverAt.getTime() + day * 86_400_000);
      await sweep.tick(now);
      await sweep.tick(now);
    }
    const made = [...store.callBacks.values()].sort((a, b) => a.period - b.period);
    expect(made.map((c) => [c.period, c.cadence])).toEqual([
      ...Array.from({ length: 12 }, (_, month) => [month, 'MONTHLY']),
      ...[12, 13, 14, 15, 16, 17].map((period) => [period, 'QUARTERLY']),
    ]);
    expect(made[13]?.dueAt).toEqual(addMonths(handoverAt, 15));
  });

  it('two schedulers on the same store (a restart, a second instance) create each call-back once', async () => {
    const store = memoryStore([schedule]);
    const now = new Date('2025-04-20T00:00:00Z');
    const [a, b] = [callBackSweep(store), callBackSweep(store)];
    await Promise.all([a.tick(now), b.tick(now), a.tick(now), b.tick(now)]);
    expect([...store.callBacks.values()].map((c) => [c.period, c.cadence])).toEqual([[3, 'MONTHLY']]);
    expect(store.schedules.get('p1')?.nextDueAt).toEqual(new Date('2025-05-15T00:00:00Z'));
  });

  it('creates nothing before the handover', async () => {
    const store = memoryStore([{ ...schedule, nextDueAt: new Date('2025-01-01T00:00:00Z') }]);
    expect(await callBackSweep(store).tick(new Date('2025-01-10T00:00:00Z'))).toEqual({
      created: 0,
      already: 0,
    });
    expect(store.schedules.get('p1')?.nextDueAt).toEqual(handoverAt);
  });
});
