import { DomainError, type AggregateWriter, type Decision } from '@courtyard/kernel';
import type {
  BillRecord,
  DisclosureRecord,
  LedgerEntryRecord,
  DunningNoticeRecord,
  FeeScheduleRecord,
  PaymentRecord,
  RefundRecord,
  ReversalRecord,
} from '../domain/records.js';
import type { BillingLoaders } from './loaders.js';
import type { BillingModels } from './models.js';

/**
 * Writes go through the kernel's AggregateWriter (state and events in one document write);
 * after a write the request's loaders are primed so the payload reads what was written.
 */
export class BillingRepository {
  constructor(
    private readonly models: BillingModels,
    private readonly writer: AggregateWriter,
    private readonly loaders: BillingLoaders,
  ) {}

  async insertFeeSchedule({ record, events }: Decision<FeeScheduleRecord>): Promise<FeeScheduleRecord> {
    // The stored record: a keyed retry gets the one its first attempt wrote (AggregateWriter.insert).
    const saved = (await this.writer.insert(
      this.models.FeeSchedule,
      record,
      events,
      () =>
        new DomainError(
          'CONFLICT',
          'FEE_SCHEDULE_VERSION_TAKEN',
          'Another version was created at the same time; retry',
        ),
    )) as unknown as FeeScheduleRecord;
    this.loaders.feeScheduleById.clear(saved._id).prime(saved._id, saved);
    return saved;
  }

  async saveFeeSchedule({ record, events }: Decision<FeeScheduleRecord>): Promise<FeeScheduleRecord> {
    const { _id, version, status, publishedAt, publishedBy } = record;
    const next = await this.writer.update(
      this.models.FeeSchedule,
      _id,
      version,
      { status, publishedAt, publishedBy },
      events,
    );
    const saved = { ...record, version: next };
    this.loaders.feeScheduleById.clear(_id).prime(_id, saved);
    return saved;
  }

  /**
   * One insert per bill, each with its `bill.issued.v1` in its own outbox. A bill whose derived
   * `_id` exists already (a concurrent run of the same period) is counted, not created again.
   */
  async insertBills(
    bills: ReadonlyArray<Decision<BillRecord>>,
  ): Promise<{ issued: number; alreadyIssued: number }> {
    let issued = 0;
    let alreadyIssued = 0;
    for (const { record, events } of bills) {
      try {
        await this.writer.insert(this.models.Bill, record, events, () => new DuplicateBill());
        issued += 1;
      } catch (error) {
        if (!(error instanceof DuplicateBill)) throw error;
        alreadyIssued += 1;
      }
    }
    return { issued, alreadyIssued };
  }

  /** Appends the adjustment line (never rewriting the issued ones), on the version read. */
  async saveAdjustment({ record, events }: Decision<BillRecord>): Promise<BillRecord> {
    const line = record.lines.at(-1);
    const next = await this.writer.update(
      this.models.Bill,
      record._id,
      record.version,
      { lastAdjustedAt: record.lastAdjustedAt },
      events,
      undefined,
      { lines: line ? [line] : [] },
    );
    const saved = { ...record, version: next };
    this.loaders.billById.clear(record._id).prime(record._id, saved);
    this.loaders.ledgerOfUnit.clear(record.unitId);
    return saved;
  }

  /** The payment, or null when its derived `_id` (sender + idempotency key) is already taken. */
  async insertPayment({ record, events }: Decision<PaymentRecord>): Promise<PaymentRecord | null> {
    let saved: PaymentRecord;
    try {
      // The stored record: a keyed re-run gets the one its first attempt wrote.
      saved = (await this.writer.insert(
        this.models.Payment,
        record,
        events,
        () => new KeyTaken(),
      )) as unknown as PaymentRecord;
    } catch (error) {
      if (error instanceof KeyTaken) return null;
      throw error;
    }
    return saved;
  }

  /** A payment by id, for the replay of an idempotency key (read fresh, not from the loader). */
  findPayment(id: string): Promise<PaymentRecord | null> {
    return this.models.Payment.findOne({ _id: id }, { outbox: 0 }).lean<PaymentRecord>();
  }

  /** The reversal, or null when the payment's reversal id is already taken (reversed already). */
  async insertReversal({ record, events }: Decision<ReversalRecord>): Promise<ReversalRecord | null> {
    let saved: ReversalRecord;
    try {
      // The stored record: a keyed re-run gets the one its first attempt wrote.
      saved = (await this.writer.insert(
        this.models.Reversal,
        record,
        events,
        () => new KeyTaken(),
      )) as unknown as ReversalRecord;
    } catch (error) {
      if (error instanceof KeyTaken) return null;
      throw error;
    }
    this.loaders.reversalById.clear(saved._id).prime(saved._id, saved);
    this.loaders.ledgerOfUnit.clear(record.unitId);
    return saved;
  }

  findReversal(id: string): Promise<ReversalRecord | null> {
    return this.models.Reversal.findOne({ _id: id }, { outbox: 0 }).lean<ReversalRecord>();
  }

  /**
   * The refund, or null when its key or its number was taken meanwhile: the caller re-reads
   * the key (a replay) or refuses (another refund changed the account first).
   */
  async insertRefund({ record, events }: Decision<RefundRecord>): Promise<RefundRecord | null> {
    let saved: RefundRecord;
    try {
      // The stored record: a keyed re-run gets the one its first attempt wrote.
      saved = (await this.writer.insert(
        this.models.Refund,
        record,
        events,
        () => new KeyTaken(),
      )) as unknown as RefundRecord;
    } catch (error) {
      if (error instanceof KeyTaken) return null;
      throw error;
    }
    this.loaders.ledgerOfUnit.clear(record.unitId);
    return saved;
  }

  async insertDunningNotice({ record, events }: Decision<DunningNoticeRecord>): Promise<DunningNoticeRecord> {
    return (await this.writer.insert(
      this.models.DunningNotice,
      record,
      events,
    )) as unknown as DunningNoticeRecord;
  }

  async insertLedgerEntry({ record, events }: Decision<LedgerEntryRecord>): Promise<LedgerEntryRecord> {
    return (await this.writer.insert(
      this.models.LedgerEntry,
      record,
      events,
    )) as unknown as LedgerEntryRecord;
  }

  /** The disclosure, or CONFLICT when the quarter was published already (its derived `_id`). */
  async insertDisclosure({ record, events }: Decision<DisclosureRecord>): Promise<DisclosureRecord> {
    return (await this.writer.insert(
      this.models.Disclosure,
      record,
      events,
      () =>
        new DomainError('CONFLICT', 'DISCLOSURE_ALREADY_PUBLISHED', 'This quarter was disclosed already', {
          quarter: record.quarter,
        }),
    )) as unknown as DisclosureRecord;
  }

  findRefund(sender: string, idempotencyKey: string): Promise<RefundRecord | null> {
    return this.models.Refund.findOne({ sender, idempotencyKey }, { outbox: 0 }).lean<RefundRecord>();
  }
}

class DuplicateBill extends DomainError {
  constructor() {
    super('CONFLICT', 'BILL_ALREADY_ISSUED', 'The bill of this unit and period was issued already');
  }
}

class KeyTaken extends DomainError {
  constructor() {
    super('CONFLICT', 'IDEMPOTENCY_KEY_REUSED', 'This idempotency key was already used');
  }
}
