import DataLoader from 'dataloader';
import { loaderById, WITHOUT_OUTBOX } from '@courtyard/kernel';
import type {
  BillRecord,
  FeeScheduleRecord,
  PaymentRecord,
  RefundRecord,
  ReversalRecord,
  ServiceChargeRecord,
  UnitRecord,
} from '../domain/records.js';
import type { BillingModels } from './models.js';

export interface UnitLedger {
  bills: BillRecord[];
  payments: PaymentRecord[];
  reversals: ReversalRecord[];
  refunds: RefundRecord[];
}

/** Created per request: a cache must never outlive the caller whose rights it was read under. */
export function createLoaders(models: BillingModels) {
  return {
    feeScheduleById: loaderById<FeeScheduleRecord>(models.FeeSchedule),
    billById: loaderById<BillRecord>(models.Bill),
    paymentById: loaderById<PaymentRecord>(models.Payment),
    reversalById: loaderById<ReversalRecord>(models.Reversal),
    unitById: loaderById<UnitRecord>(models.Unit),
    serviceChargeById: loaderById<ServiceChargeRecord>(models.ServiceCharge),
    /** Every entry of each unit: what its account is derived from (four queries per batch). */
    ledgerOfUnit: new DataLoader<string, UnitLedger>(async (unitIds) => {
      const inUnits = { unitId: { $in: [...unitIds] } };
      const [bills, payments, reversals, refunds] = await Promise.all([
        models.Bill.find(inUnits, WITHOUT_OUTBOX).lean<BillRecord[]>(),
        models.Payment.find(inUnits, WITHOUT_OUTBOX).lean<PaymentRecord[]>(),
        models.Reversal.find(inUnits, WITHOUT_OUTBOX).lean<ReversalRecord[]>(),
        models.Refund.find(inUnits, WITHOUT_OUTBOX).lean<RefundRecord[]>(),
      ]);
      return unitIds.map((unitId) => {
        const ofUnit = <T extends { unitId: string }>(records: T[]) =>
          records.filter((record) => record.unitId === unitId);
        return {
          bills: ofUnit(bills),
          payments: ofUnit(payments),
          reversals: ofUnit(reversals),
          refunds: ofUnit(refunds),
        };
      });
    }),
  };
}

export type BillingLoaders = ReturnType<typeof createLoaders>;
