import { describe, expect, it } from '@jest/globals';
import { loadEventSchemas } from '@courtyard/kernel';
import { sequentialIds, type Caller, type CommandContext } from '@courtyard/kernel/domain';
import { lastReadingOf, recordMeterReading, registerMeter, replaceMeter } from './meter.js';

const schemas = loadEventSchemas(new URL('../../../../schema/events', import.meta.url).pathname, {
  closed: true,
});
const day = (n: number) => new Date(Date.UTC(2026, 10, n, 2));
const as = (caller: Partial<Caller> = {}, now = day(28)): CommandContext => ({
  actor: { subject: 'desk-1', role: 'FRONT_DESK', propertyIds: ['p1'], ...caller },
  now,
  newId: sequentialIds(),
});
const handedOver = () =>
  registerMeter(
    {
      propertyId: 'p1',
      unitId: 'u1',
      type: 'WATER',
      serialNumber: 'W-1',
      location: 'Building 1 meter room',
      openingReading: 100.1,
      openingReadAt: day(1),
    },
    as(),
  );

describe('meters: opening readings, monotonic series, replacements', () => {
  it('records the opening reading at handover and publishes it as meter.read.v1', () => {
    const { record, events } = handedOver();
    expect(record).toMatchObject({ series: 1, serialNumber: 'W-1' });
    expect(lastReadingOf(record)).toMatchObject({ kind: 'OPENING', value: 100.1, consumption: null });
    expect(events.map((e) => [e.type, schemas.validate(e)])).toEqual([['meter.read.v1', []]]);
    expect(events[0]!.data).toMatchObject({ kind: 'OPENING', series: 1, consumption: null, unitId: 'u1' });
  });

  it('a later, higher reading carries its consumption (rounded to a millionth)', () => {
    const meter = handedOver().record;
    const { record, events } = recordMeterReading(meter, { value: 100.4, readAt: day(20) }, as());
    expect(lastReadingOf(record)).toMatchObject({ kind: 'REGULAR', value: 100.4, consumption: 0.3 });
    expect(events[0]!.data).toMatchObject({ consumption: 0.3, previousReadAt: day(1).toISOString() });
    expect(schemas.validate(events[0]!)).toEqual([]);
  });

  it.each([
    ['a lower value', { value: 99, readAt: day(20) }, 'READING_DECREASED'],
    [
      'a reading dated before the last',
      { value: 120, readAt: new Date(day(1).getTime() - 1) },
      'READING_OUT_OF_ORDER',
    ],
  ])('refuses %s with a stable code', (_, input, reason) => {
    expect(() => recordMeterReading(handedOver().record, input, as())).toThrow(
      expect.objectContaining({ code: 'CONFLICT', reason }),
    );
  });

  it('refuses a reading in the future, and one by a role that does not read meters', () => {
    expect(() => recordMeterReading(handedOver().record, { value: 120, readAt: day(29) }, as())).toThrow(
      expect.objectContaining({ reason: 'READING_IN_FUTURE' }),
    );
    expect(() =>
      recordMeterReading(
        handedOver().record,
        { value: 120, readAt: day(20) },
        as({ role: 'QUALITY_INSPECTOR' }),
      ),
    ).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('a replacement closes the old series and starts a new one, where a lower value is accepted', () => {
    const meter = recordMeterReading(handedOver().record, { value: 130, readAt: day(10) }, as()).record;
    const replaced = replaceMeter(
      meter,
      { finalReading: 131.5, newSerialNumber: 'W-2', openingReading: 0, replacedAt: day(15) },
      as({ role: 'TECHNICIAN', subject: 'tech-1' }),
    );
    expect(replaced.record).toMatchObject({ series: 2, serialNumber: 'W-2' });
    expect(replaced.record.readings.map((r) => [r.series, r.kind, r.value, r.consumption])).toEqual([
      [1, 'OPENING', 100.1, null],
      [1, 'REGULAR', 130, 29.9],
      [1, 'FINAL', 131.5, 1.5],
      [2, 'OPENING', 0, null],
    ]);
    expect(replaced.events.map((e) => [e.data, schemas.validate(e)])).toEqual([
      [expect.objectContaining({ kind: 'FINAL', serialNumber: 'W-1', series: 1 }), []],
      [
        expect.objectContaining({
          kind: 'OPENING',
          serialNumber: 'W-2',
          series: 2,
          replacedSerialNumber: 'W-1',
        }),
        [],
      ],
    ]);
    const next = recordMeterReading(replaced.record, { value: 5, readAt: day(20) }, as());
    expect(lastReadingOf(next.record)).toMatchObject({ series: 2, value: 5, consumption: 5 });
  });

  it('a replacement whose final reading goes back is refused: nothing is recorded', () => {
    const meter = recordMeterReading(handedOver().record, { value: 130, readAt: day(10) }, as());
    expect(() =>
      replaceMeter(
        meter.record,
        { finalReading: 120, newSerialNumber: 'W-2', openingReading: 0, replacedAt: day(15) },
        as(),
      ),
    ).toThrow(expect.objectContaining({ reason: 'READING_DECREASED' }));
  });
});
