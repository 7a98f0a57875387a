import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  areaInHundredths,
  divideRoundingHalfUp,
  formatArea,
  formatMoney,
  money,
  perAreaCharge,
  sum,
} from './money.js';

describe('money', () => {
  it.each([
    [1250, 100, 13],
    [1249, 100, 12],
    [1200, 100, 12],
    [-1250, 100, -13],
    [5, 10, 1],
    [4, 10, 0],
  ])('rounds %i / %i half-up to %i', (numerator, denominator, expected) => {
    expect(divideRoundingHalfUp(numerator, denominator)).toBe(expected);
  });

  it('rounds to the nearest integer, halves up, for any integers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        const q = divideRoundingHalfUp(n, d);
        // |n − q·d| ≤ d/2, and exactly d/2 only when rounded up.
        const distance = n - q * d;
        expect(2 * Math.abs(distance)).toBeLessThanOrEqual(d);
        if (2 * Math.abs(distance) === d) expect(distance).toBeLessThan(0);
      }),
    );
  });

  it.each([
    [89.5, 8950],
    [120.05, 12005],
    [100, 10000],
    [0.01, 1],
  ])('reads %d m² as %i hundredths from its digits', (area, hundredths) => {
    expect(areaInHundredths(area)).toBe(hundredths);
    expect(formatArea(hundredths)).toBe(area.toFixed(2));
  });

  it('refuses an area with more than two decimals and amounts that are not integers', () => {
    expect(() => areaInHundredths(89.555)).toThrow(/two decimals/);
    expect(() => money(10.5)).toThrow(/integers of minor units/);
    expect(() => sum([1, 0.1])).toThrow(/integers of minor units/);
  });

  it('charges price × area × months once per line, half-up: 89.50 m² × ¥2.55 × 3 = ¥684.68 (684.675)', () => {
    expect(perAreaCharge(255, 8950, 3)).toBe(68468); // 6 846 750 / 100 = 68 467.5 → 68 468
    expect(perAreaCharge(250, 8950, 3)).toBe(67125);
  });

  it('formats for a resident', () => {
    expect(formatMoney(money(123456))).toBe('¥1,234.56');
    expect(formatMoney(money(-5))).toBe('-¥0.05');
    expect(formatMoney(money(1000, 'HKD'))).toBe('HKD 10.00');
  });
});
