import DataLoader from 'dataloader';
import { loaderById, WITHOUT_OUTBOX } from '@courtyard/kernel';
import type {
  BillRecord,
  FeeScheduleRecord,
  PaymentRecord,
  ServiceChargeRecord,
  UnitRecord,
} from '../domain/records.js';
import type { BillingModels } from './models.js';

export interface UnitLedger {
  bills: BillRecord[];
  payments: PaymentRecord[];
}

/** Created per request: a cache must never outlive the caller whose rights it was read under. */
export function createLoaders(models: BillingModels) {
  return {
    feeScheduleById: loaderById<FeeScheduleRecord>(models.FeeSchedule),
    billById: loaderById<BillRecord>(models.Bill),
    paymentById: loaderById<PaymentRecord>(models.Payment),
    unitById: loaderById<UnitRecord>(models.Unit),
    serviceChargeById: loaderById<ServiceChargeRecord>(models.ServiceCharge),
    /** Every bill and payment of each unit: what its account is derived from (two queries per batch). */
    ledgerOfUnit: new DataLoader<string, UnitLedger>(async (unitIds) => {
      const [bills, payments] = await Promise.all([
        models.Bill.find({ unitId: { $in: [...unitIds] } }, WITHOUT_OUTBOX).lean<BillRecord[]>(),
        models.Payment.find({ unitId: { $in: [...unitIds] } }, WITHOUT_OUTBOX).lean<PaymentRecord[]>(),
      ]);
      return unitIds.map((unitId) => ({
        bills: bills.filter((bill) => bill.unitId === unitId),
        payments: payments.filter((payment) => payment.unitId === unitId),
      }));
    }),
  };
}

export type BillingLoaders = ReturnType<typeof createLoaders>;
