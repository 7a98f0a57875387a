import {
  domainEvent,
  DomainError,
  parseInput,
  requireStaffOf,
  type CloudEvent,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { METER_READERS, METER_REPLACERS, PARTNER_EDITORS } from './access.js';
import { recordMeterReadingInput, registerMeterInput, replaceMeterInput } from './inputs.js';
import type { MeterReadingRecord, MeterRecord, ReadingKind } from './records.js';

/**
 * Meters and their readings (水、电、汽表底数). Readings never go down within a series and are
 * never dated before the last one; a recorded replacement starts a new series at the new meter's
 * opening reading. Every reading is published as `meter.read.v1` with the consumption since the
 * series' previous reading, so billing can charge from the events alone.
 */
export function registerMeter(input: unknown, context: CommandContext): Decision<MeterRecord> {
  const valid = parseInput(registerMeterInput, input);
  requireStaffOf(context.actor, valid.propertyId, PARTNER_EDITORS, 'register meters');
  const meter: MeterRecord = {
    _id: context.newId(),
    version: 1,
    createdAt: context.now,
    propertyId: valid.propertyId,
    unitId: valid.unitId,
    facilityId: valid.facilityId,
    type: valid.type,
    serialNumber: valid.serialNumber,
    location: valid.location,
    series: 1,
    readings: [],
  };
  return withReadings(
    meter,
    [reading(meter, 'OPENING', valid.openingReading, valid.openingReadAt, context)],
    context,
  );
}

export function recordMeterReading(
  meter: MeterRecord,
  input: unknown,
  context: CommandContext,
): Decision<MeterRecord> {
  const valid = parseInput(recordMeterReadingInput, input);
  requireStaffOf(context.actor, meter.propertyId, METER_READERS, 'record meter readings');
  const next = reading(meter, 'REGULAR', valid.value, valid.readAt, context);
  requireInOrder(meter, next);
  return withReadings(meter, [next], context);
}

/**
 * The meter was replaced: the old meter's final reading (if it could be read) closes its series,
 * the new meter's opening reading starts the next one, whatever its value.
 */
export function replaceMeter(
  meter: MeterRecord,
  input: unknown,
  context: CommandContext,
): Decision<MeterRecord> {
  const valid = parseInput(replaceMeterInput, input);
  requireStaffOf(context.actor, meter.propertyId, METER_REPLACERS, 'record meter replacements');
  if (valid.newSerialNumber === meter.serialNumber)
    throw new DomainError('CONFLICT', 'SAME_SERIAL_NUMBER', 'The new meter must have another serial number');
  const closing: MeterReadingRecord[] = [];
  if (valid.finalReading !== null) {
    const final = reading(meter, 'FINAL', valid.finalReading, valid.replacedAt, context);
    requireInOrder(meter, final);
    closing.push(final);
  } else requireNotBefore(meter, valid.replacedAt);
  const replaced: MeterRecord = { ...meter, serialNumber: valid.newSerialNumber, series: meter.series + 1 };
  const opening = reading(replaced, 'OPENING', valid.openingReading, valid.replacedAt, context);
  const decided = withReadings(meter, closing, context);
  const after = withReadings(
    { ...replaced, readings: decided.record.readings },
    [opening],
    context,
    meter.serialNumber,
  );
  return { record: after.record, events: [...decided.events, ...after.events] };
}

/** The last reading of the meter's current series. */
export const lastReadingOf = (meter: MeterRecord): MeterReadingRecord | null =>
  meter.readings.filter((r) => r.series === meter.series).at(-1) ?? null;

function reading(
  meter: MeterRecord,
  kind: ReadingKind,
  value: number,
  readAt: Date,
  context: CommandContext,
): MeterReadingRecord {
  if (readAt.getTime() > context.now.getTime() + 60_000)
    throw new DomainError('BAD_USER_INPUT', 'READING_IN_FUTURE', 'A reading cannot be dated in the future', {
      readAt: readAt.toISOString(),
    });
  const previous = kind === 'OPENING' ? null : lastReadingOf(meter);
  return {
    _id: context.newId(),
    series: meter.series,
    kind,
    value,
    // Rounded to a millionth: readings are decimals and billing must not see 0.30000000000000004.
    consumption: previous ? Math.round((value - previous.value) * 1e6) / 1e6 : null,
    readAt,
    readBy: context.actor.subject,
    recordedAt: context.now,
  };
}

function requireNotBefore(meter: MeterRecord, readAt: Date): void {
  const last = meter.readings.at(-1);
  if (last && readAt.getTime() < last.readAt.getTime())
    throw new DomainError(
      'CONFLICT',
      'READING_OUT_OF_ORDER',
      `The meter was last read at ${last.readAt.toISOString()}; a reading cannot be dated before it`,
      { lastReadAt: last.readAt.toISOString() },
    );
}

/** Monotonic within the series: a lower value needs a recorded replacement first. */
function requireInOrder(meter: MeterRecord, next: MeterReadingRecord): void {
  requireNotBefore(meter, next.readAt);
  const last = lastReadingOf(meter);
  if (last && next.value < last.value)
    throw new DomainError(
      'CONFLICT',
      'READING_DECREASED',
      `The meter read ${last.value} before; a lower reading needs its replacement recorded first`,
      { lastValue: last.value, value: next.value },
    );
}

function withReadings(
  meter: MeterRecord,
  readings: MeterReadingRecord[],
  context: CommandContext,
  replacedSerialNumber: string | null = null,
): Decision<MeterRecord> {
  const events: CloudEvent[] = [];
  let current = meter;
  for (const next of readings) {
    const previous = lastReadingOf(current);
    events.push(
      domainEvent(
        'meter.read.v1',
        { id: meter._id, propertyId: meter.propertyId },
        {
          meterId: meter._id,
          readingId: next._id,
          propertyId: meter.propertyId,
          unitId: meter.unitId,
          facilityId: meter.facilityId,
          meterType: meter.type,
          serialNumber: current.serialNumber,
          series: next.series,
          kind: next.kind,
          value: next.value,
          consumption: next.consumption,
          previousReadAt: previous && next.kind !== 'OPENING' ? previous.readAt.toISOString() : null,
          readAt: next.readAt.toISOString(),
          replacedSerialNumber: next.kind === 'OPENING' ? replacedSerialNumber : null,
        },
        context,
      ),
    );
    current = { ...current, readings: [...current.readings, next] };
  }
  return { record: current, events };
}
