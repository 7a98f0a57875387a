/**
 * Money: an integer amount of minor units (fen for CNY) with its ISO 4217 currency. The one
 * module where amounts are multiplied, divided and rounded; everything else adds integers.
 *
 * Chosen over dinero.js: billing needs integer addition, one multiplication (price × area ×
 * months) and one rounding rule (per line, half-up). dinero.js v2 is still an alpha and v1 keeps
 * amounts in floats internally for `multiply`; a dozen lines of integer arithmetic with a
 * property-based spec (`money.spec.ts`) are smaller and explainable line by line.
 */
import { DomainError } from '@courtyard/kernel/domain';

export const CURRENCY = 'CNY';

export interface Money {
  readonly amount: number;
  readonly currency: string;
}

const assertMinorUnits = (amount: number): number => {
  if (!Number.isSafeInteger(amount))
    throw new Error(`money amounts are integers of minor units, got ${amount}`);
  return amount;
};

export const money = (amount: number, currency = CURRENCY): Money => ({
  amount: assertMinorUnits(amount),
  currency,
});

/** The sum of integer amounts (refuses anything that is not a safe integer). */
export const sum = (amounts: readonly number[]): number =>
  amounts.reduce((total, amount) => assertMinorUnits(total + assertMinorUnits(amount)), 0);

/**
 * numerator / denominator rounded half away from zero (half-up for the non-negative amounts of
 * a bill), in integers only: 12.5 fen → 13, −12.5 → −13.
 */
export function divideRoundingHalfUp(numerator: number, denominator: number): number {
  assertMinorUnits(numerator);
  if (!Number.isSafeInteger(denominator) || denominator <= 0)
    throw new Error('denominator must be a positive integer');
  const sign = numerator < 0 ? -1 : 1;
  const magnitude = Math.abs(numerator);
  const quotient = Math.floor(magnitude / denominator);
  const remainder = magnitude - quotient * denominator;
  return sign * (remainder * 2 >= denominator ? quotient + 1 : quotient);
}

/**
 * An area in m² as the residents subgraph sends it (a JSON number with at most two decimals)
 * as integer hundredths of a m², read from its decimal digits, never multiplied as a float:
 * 89.5 → 8950, 120.05 → 12005. More than two decimals is a broken producer.
 */
export function areaInHundredths(squareMeters: number): number {
  const text = String(squareMeters);
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new Error(`area ${text} m² is not a positive amount with at most two decimals`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Hundredths of a m² as text, "89.50". */
export const formatArea = (hundredths: number): string =>
  `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;

/**
 * The property fee of one line: price per m² per month × area × months, rounded once, half-up,
 * to the fen (the rounding rule: per line, never per month or per unit of area).
 */
export const perAreaCharge = (
  pricePerSquareMeterMonth: number,
  areaHundredths: number,
  months: number,
): number => divideRoundingHalfUp(assertMinorUnits(pricePerSquareMeterMonth * areaHundredths * months), 100);

const SYMBOLS: Record<string, string> = { CNY: '¥' };

/** "¥1,234.56", "-¥0.05", "HKD 10.00": what a resident reads on a bill. */
export function formatMoney({ amount, currency }: Money): string {
  const magnitude = Math.abs(assertMinorUnits(amount));
  const units = Math.floor(magnitude / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(magnitude % 100).padStart(2, '0');
  const symbol = SYMBOLS[currency] ?? `${currency} `;
  return `${amount < 0 ? '-' : ''}${symbol}${units}.${cents}`;
}

/** Amounts of different currencies never meet: a bill, a payment and a schedule share one. */
export function requireSameCurrency(expected: string, actual: string): void {
  if (expected !== actual) {
    throw new DomainError(
      'BAD_USER_INPUT',
      'CURRENCY_MISMATCH',
      `Expected an amount in ${expected}, got ${actual}`,
      {
        expected,
        actual,
      },
    );
  }
}

/** The same type under the name the generated resolver types import it by (GraphQL has its own `Money`). */
export type MoneyValue = Money;
