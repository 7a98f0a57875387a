import type { KpiFold } from './kpi-fold.js';

/**
 * SEAM: billing is not built and `payment.received.v1` has no published schema yet. This is the
 * assumed minimum, after the spec's event naming (§6) and money rule (§4): the property, an
 * amount in integer minor units and its currency. Events without a schema are ignored before
 * they reach any fold, so this one stays dormant until billing publishes the schema; the guard
 * must then be checked against it.
 */
export interface PaymentFacts {
  propertyId: string;
  amount: number;
  currency: string;
}

export function isPaymentReceived(data: unknown): data is PaymentFacts {
  if (typeof data !== 'object' || data === null) return false;
  const { propertyId, amount, currency } = data as Partial<Record<keyof PaymentFacts, unknown>>;
  return (
    typeof propertyId === 'string' &&
    propertyId.length > 0 &&
    Number.isSafeInteger(amount) &&
    (amount as number) > 0 &&
    typeof currency === 'string' &&
    /^[A-Z]{3}$/.test(currency)
  );
}

/** Collections: payments received and money collected per property, day and currency. */
export const collectionFolds: Readonly<Record<string, KpiFold>> = {
  'payment.received.v1': (event) => {
    if (!isPaymentReceived(event.data)) return null;
    const { propertyId, amount, currency } = event.data;
    return {
      propertyId,
      change: (figures) => ({
        ...figures,
        payments: figures.payments + 1,
        collected: { ...figures.collected, [currency]: (figures.collected[currency] ?? 0) + amount },
      }),
    };
  },
};
