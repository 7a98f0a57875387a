import {
  DomainError,
  domainEvent,
  parseInput,
  requireStaffOf,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { FEE_ADMINISTRATORS } from './access.js';
import { adjustBillInput, generateBillsInput } from './inputs.js';
import { formatArea, formatMoney, money, perAreaCharge, requireSameCurrency, sum } from './money.js';
import { periodOf, requireCycle, type Period } from './periods.js';
import type { BillLineRecord, BillRecord, FeeScheduleRecord, UnitRecord } from './records.js';

/**
 * A bill's id is derived from its unit and period: a second generation of the same period
 * decides the same ids, finds them taken (unique `_id`) and creates nothing, with no
 * transaction and no lock, on the local wire server and MongoDB alike.
 */
export const billIdOf = (unitId: string, period: string) => `bill:${unitId}:${period}`;

export const billTotal = (bill: Pick<BillRecord, 'lines'>): number =>
  sum(bill.lines.map((line) => line.amount));

/** The lines of one unit's bill: each property-fee item for its unit type, rounded per line. */
export function billLines(schedule: FeeScheduleRecord, unit: UnitRecord, period: Period): BillLineRecord[] {
  return schedule.items
    .filter(
      (item) => item.kind === 'PROPERTY_FEE' && (item.unitType === null || item.unitType === unit.unitType),
    )
    .map((item, index) => {
      const price = formatMoney(money(item.price, schedule.currency));
      const perArea = item.pricing === 'PER_SQUARE_METER_MONTH';
      return {
        lineId: `${index + 1}`,
        kind: 'CHARGE' as const,
        code: item.code,
        description: perArea
          ? `${item.name}: ${formatArea(unit.areaHundredths)} m² × ${price} × ${period.months} months`
          : `${item.name}: ${price} × ${period.months} months`,
        amount: perArea
          ? perAreaCharge(item.price, unit.areaHundredths, period.months)
          : item.price * period.months,
      };
    });
}

export interface Generation {
  /** The bills to insert (the period's bills not issued yet). */
  bills: Array<Decision<BillRecord>>;
  alreadyIssued: number;
}

/** What generation asks for, checked before anything is read: the property and the period. */
export function planGeneration(
  input: unknown,
  context: CommandContext,
): { propertyId: string; period: Period } {
  const valid = parseInput(generateBillsInput, input);
  requireStaffOf(context.actor, valid.propertyId, FEE_ADMINISTRATORS, 'issue bills');
  return { propertyId: valid.propertyId, period: periodOf(valid.period) };
}

/**
 * A property's bills for a period, from the published schedule in force on its first day
 * (`schedule`; none → refused: only published prices are charged) and each unit's area.
 * `issued` holds the ids already issued for the period: they are skipped, and a bill issued
 * concurrently is skipped at insert by its unique `_id`.
 */
export function generateBills(
  plan: { propertyId: string; period: Period },
  schedule: FeeScheduleRecord | null,
  units: readonly UnitRecord[],
  issued: ReadonlySet<string>,
  context: CommandContext,
): Generation {
  const { period } = plan;
  if (!schedule || schedule.status !== 'PUBLISHED') throw noPublishedSchedule(plan.propertyId, period.start);
  requireCycle(period, schedule.billingCycle);
  const bills: Array<Decision<BillRecord>> = [];
  let alreadyIssued = 0;
  for (const unit of units) {
    if (unit.propertyId !== plan.propertyId) continue;
    const id = billIdOf(unit._id, period.period);
    if (issued.has(id)) {
      alreadyIssued += 1;
      continue;
    }
    const lines = billLines(schedule, unit, period);
    if (lines.length === 0) continue;
    const record: BillRecord = {
      _id: id,
      version: 1,
      createdAt: context.now,
      propertyId: unit.propertyId,
      unitId: unit._id,
      period: period.period,
      periodStart: period.start,
      periodEnd: period.end,
      dueOn: period.dueOn,
      feeScheduleId: schedule._id,
      currency: schedule.currency,
      lines,
      lastAdjustedAt: null,
    };
    bills.push({
      record,
      events: [
        domainEvent(
          'bill.issued.v1',
          { id, propertyId: record.propertyId },
          {
            billId: id,
            propertyId: record.propertyId,
            unitId: record.unitId,
            period: record.period,
            periodStart: record.periodStart,
            periodEnd: record.periodEnd,
            dueOn: record.dueOn,
            feeScheduleId: record.feeScheduleId,
            currency: record.currency,
            total: billTotal(record),
            lines: lines.map(({ code, description, amount }) => ({ code, description, amount })),
            issuedAt: context.now.toISOString(),
          },
          context,
        ),
      ],
    });
  }
  return { bills, alreadyIssued };
}

const noPublishedSchedule = (propertyId: string, day: string) =>
  new DomainError(
    'CONFLICT',
    'FEE_SCHEDULE_NOT_PUBLISHED',
    `No published fee schedule is in force on ${day}: only published prices are charged (明码标价)`,
    { propertyId, day },
  );

/**
 * A changed input after a bill was issued (a corrected area, a price set wrongly) is settled by
 * an ADJUSTMENT line appended to it, positive or negative; the issued lines are never edited, so
 * the bill still shows what was charged and why it changed. A negative total becomes credit.
 */
export function adjustBill(input: unknown, bill: BillRecord, context: CommandContext): Decision<BillRecord> {
  const valid = parseInput(adjustBillInput, input);
  requireStaffOf(context.actor, bill.propertyId, FEE_ADMINISTRATORS, 'adjust bills');
  requireSameCurrency(bill.currency, valid.amount.currency);
  const line: BillLineRecord = {
    lineId: `${bill.lines.length + 1}`,
    kind: 'ADJUSTMENT',
    code: 'ADJUSTMENT',
    description: valid.reason,
    amount: valid.amount.amount,
  };
  const record: BillRecord = { ...bill, lines: [...bill.lines, line], lastAdjustedAt: context.now };
  return {
    record,
    events: [
      domainEvent(
        'bill.adjusted.v1',
        { id: bill._id, propertyId: bill.propertyId },
        {
          billId: bill._id,
          propertyId: bill.propertyId,
          unitId: bill.unitId,
          period: bill.period,
          line: { code: line.code, description: line.description, amount: line.amount },
          currency: bill.currency,
          total: billTotal(record),
          adjustedAt: context.now.toISOString(),
          adjustedBy: context.actor.subject,
        },
        context,
      ),
    ],
  };
}
