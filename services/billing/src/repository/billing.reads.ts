import {
  notFound,
  paginate,
  WITHOUT_OUTBOX,
  type Caller,
  type Connection,
  type PageArgs,
} from '@courtyard/kernel';
import { inForceQuery } from '../domain/fee-schedules.js';
import { unitAccount, type UnitAccount, type UnitAccountView } from '../domain/accounts.js';
import type {
  BillRecord,
  DunningNoticeRecord,
  FeeScheduleRecord,
  PaymentRecord,
  RefundRecord,
  ReversalRecord,
  ServiceChargeRecord,
  UnitRecord,
} from '../domain/records.js';
import { reversalIdOf } from '../domain/reversals.js';
import { propertyArrears, unitAgeing, type Ageing, type PropertyArrearsView } from '../domain/arrears.js';
import {
  billsReadableBy,
  canReadBill,
  canReadFeeSchedule,
  canReadServiceCharge,
  feeSchedulesReadableBy,
  serviceChargesReadableBy,
} from '../domain/visibility.js';
import type { BillingLoaders, UnitLedger } from './loaders.js';
import type { BillingModels } from './models.js';

const identity = <T>(doc: T) => doc;

/** Every read of the billing subgraph: only what the domain's read rules allow, no pending outbox. */
export class BillingReads {
  private household: Promise<string[]> | undefined;

  constructor(
    private readonly models: BillingModels,
    private readonly loaders: BillingLoaders,
  ) {}

  /** The units whose household the calling resident lives in now (none for anyone else). */
  householdUnitIds(caller: Caller): Promise<string[]> {
    this.household ??=
      caller.role === 'RESIDENT' && caller.residentId
        ? this.currentUnitsOf(caller.residentId)
        : Promise.resolve([]);
    return this.household;
  }

  private async currentUnitsOf(residentId: string): Promise<string[]> {
    const memberships = await this.models.Membership.find(
      { residentId, current: true },
      { unitId: 1 },
    ).lean();
    return memberships.map((membership) => membership.unitId);
  }

  async feeSchedule(caller: Caller, id: string): Promise<FeeScheduleRecord> {
    const record = await this.loaders.feeScheduleById.load(id);
    if (!record || !canReadFeeSchedule(caller, record)) return notFound('FeeSchedule', id);
    return record;
  }

  feeSchedules(caller: Caller, propertyId: string, page: PageArgs): Promise<Connection<FeeScheduleRecord>> {
    return paginate(
      this.models.FeeSchedule,
      { $and: [{ propertyId }, feeSchedulesReadableBy(caller)] },
      page,
      identity,
    );
  }

  /** The published version in force on `day` (public: published prices are posted for all). */
  async feeScheduleInForce(propertyId: string, day: string): Promise<FeeScheduleRecord | null> {
    const { filter, sort } = inForceQuery(propertyId, day);
    return this.models.FeeSchedule.findOne(filter, WITHOUT_OUTBOX).sort(sort).lean<FeeScheduleRecord>();
  }

  /** The property's newest version (drafts included), for numbering the next one. */
  latestFeeSchedule(propertyId: string): Promise<FeeScheduleRecord | null> {
    return this.models.FeeSchedule.findOne({ propertyId }, WITHOUT_OUTBOX)
      .sort({ number: -1 })
      .lean<FeeScheduleRecord>();
  }

  async bill(caller: Caller, id: string): Promise<BillRecord> {
    const record = await this.loaders.billById.load(id);
    if (!record || !canReadBill(caller, record, await this.householdUnitIds(caller)))
      return notFound('Bill', id);
    return record;
  }

  async billsOfUnit(caller: Caller, unitId: string, page: PageArgs): Promise<Connection<BillRecord>> {
    const readable = billsReadableBy(caller, await this.householdUnitIds(caller));
    return paginate(this.models.Bill, { $and: [{ unitId }, readable] }, page, identity);
  }

  /** A resident's bills: those of the households they live in now; another resident's are NOT_FOUND to a resident. */
  async billsOfResident(caller: Caller, residentId: string, page: PageArgs): Promise<Connection<BillRecord>> {
    if (caller.role === 'RESIDENT' && caller.residentId !== residentId)
      return notFound('Resident', residentId);
    const unitIds = await this.currentUnitsOf(residentId);
    const readable = billsReadableBy(caller, await this.householdUnitIds(caller));
    return paginate(this.models.Bill, { $and: [{ unitId: { $in: unitIds } }, readable] }, page, identity);
  }

  /** A unit's account (null while billing does not know the unit, or the caller may not read its bills). */
  async account(caller: Caller, unitId: string): Promise<UnitAccount | null> {
    const unit = await this.loaders.unitById.load(unitId);
    if (
      !unit ||
      !canReadBill(caller, { propertyId: unit.propertyId, unitId }, await this.householdUnitIds(caller))
    ) {
      return null;
    }
    return unitAccount(await this.loaders.ledgerOfUnit.load(unitId));
  }

  /** A unit's account for `unitAccount`: NOT_FOUND when unknown to billing or not the caller's to read. */
  async unitAccount(caller: Caller, unitId: string): Promise<UnitAccountView> {
    const unit = await this.payableUnit(caller, unitId);
    const entries = await this.loaders.ledgerOfUnit.load(unit._id);
    return { unitId: unit._id, account: unitAccount(entries), bills: entries.bills };
  }

  /** The account of a bill's unit (the bill was read under its rule already). */
  async accountOfBill(bill: BillRecord): Promise<UnitAccount> {
    return unitAccount(await this.loaders.ledgerOfUnit.load(bill.unitId));
  }

  /** A payment: NOT_FOUND when missing or its unit's bills are not the caller's to read. */
  async payment(caller: Caller, id: string): Promise<PaymentRecord> {
    const payment = await this.loaders.paymentById.load(id);
    if (!payment || !canReadBill(caller, payment, await this.householdUnitIds(caller))) {
      return notFound('Payment', id);
    }
    return payment;
  }

  /** The reversal of a payment (read under the payment's rule already), null when none. */
  reversalOf(paymentId: string): Promise<ReversalRecord | null> {
    return this.loaders.reversalById.load(reversalIdOf(paymentId));
  }

  /** A unit's entries and account, for a command that decides on what the account holds now. */
  async entriesOfUnit(unitId: string): Promise<{ entries: UnitLedger; account: UnitAccount }> {
    const entries = await this.loaders.ledgerOfUnit.load(unitId);
    return { entries, account: unitAccount(entries) };
  }

  /** A unit's dunning notices, newest first (null as `account`: unknown, or not the caller's to read). */
  async dunningNotices(caller: Caller, unitId: string): Promise<DunningNoticeRecord[] | null> {
    const unit = await this.loaders.unitById.load(unitId);
    if (
      !unit ||
      !canReadBill(caller, { propertyId: unit.propertyId, unitId }, await this.householdUnitIds(caller))
    ) {
      return null;
    }
    return this.models.DunningNotice.find({ unitId }, WITHOUT_OUTBOX)
      .sort({ createdAt: -1 })
      .lean<DunningNoticeRecord[]>();
  }

  /** A unit's ageing as of a day (null as `account`: unknown to billing, or not the caller's to read). */
  async ageing(caller: Caller, unitId: string, asOf: string): Promise<Ageing | null> {
    const unit = await this.loaders.unitById.load(unitId);
    if (
      !unit ||
      !canReadBill(caller, { propertyId: unit.propertyId, unitId }, await this.householdUnitIds(caller))
    ) {
      return null;
    }
    return unitAgeing(await this.loaders.ledgerOfUnit.load(unitId), asOf);
  }

  /** A property's ageing (the field gate has checked the caller acts for it): four queries. */
  async propertyArrears(propertyId: string, asOf: string): Promise<PropertyArrearsView> {
    return propertyArrears(propertyId, await this.entriesOfProperty(propertyId), asOf);
  }

  /** Every entry of a property's units, by unit. */
  async entriesOfProperty(propertyId: string): Promise<Map<string, UnitLedger>> {
    const inProperty = { propertyId };
    const [bills, payments, reversals, refunds] = await Promise.all([
      this.models.Bill.find(inProperty, WITHOUT_OUTBOX).lean<BillRecord[]>(),
      this.models.Payment.find(inProperty, WITHOUT_OUTBOX).lean<PaymentRecord[]>(),
      this.models.Reversal.find(inProperty, WITHOUT_OUTBOX).lean<ReversalRecord[]>(),
      this.models.Refund.find(inProperty, WITHOUT_OUTBOX).lean<RefundRecord[]>(),
    ]);
    const byUnit = new Map<string, UnitLedger>();
    const of = (unitId: string) => {
      let ledger = byUnit.get(unitId);
      if (!ledger) byUnit.set(unitId, (ledger = { bills: [], payments: [], reversals: [], refunds: [] }));
      return ledger;
    };
    for (const bill of bills) of(bill.unitId).bills.push(bill);
    for (const payment of payments) of(payment.unitId).payments.push(payment);
    for (const reversal of reversals) of(reversal.unitId).reversals.push(reversal);
    for (const refund of refunds) of(refund.unitId).refunds.push(refund);
    return byUnit;
  }

  /** The unit a payment is for: NOT_FOUND when billing has not heard of it or the caller may not read its bills. */
  async payableUnit(caller: Caller, unitId: string): Promise<UnitRecord> {
    const unit = await this.loaders.unitById.load(unitId);
    if (
      !unit ||
      !canReadBill(caller, { propertyId: unit.propertyId, unitId }, await this.householdUnitIds(caller))
    ) {
      return notFound('Unit', unitId);
    }
    return unit;
  }

  unitsOf(propertyId: string): Promise<UnitRecord[]> {
    return this.models.Unit.find({ propertyId }).sort({ _id: 1 }).lean<UnitRecord[]>();
  }

  async issuedBillIds(propertyId: string, period: string): Promise<Set<string>> {
    const issued = await this.models.Bill.find({ propertyId, period }, { _id: 1 }).lean();
    return new Set(issued.map((bill) => bill._id));
  }

  async serviceChargeOf(caller: Caller, helpRequestId: string): Promise<ServiceChargeRecord | null> {
    const charge = await this.loaders.serviceChargeById.load(helpRequestId);
    return charge && canReadServiceCharge(caller, charge) ? charge : null;
  }

  serviceChargesForReview(
    caller: Caller,
    propertyId: string,
    page: PageArgs,
  ): Promise<Connection<ServiceChargeRecord>> {
    return paginate(
      this.models.ServiceCharge,
      { $and: [{ propertyId, status: 'NEEDS_REVIEW' }, serviceChargesReadableBy(caller)] },
      page,
      identity,
    );
  }
}
