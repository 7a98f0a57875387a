import { sequentialIds, type Caller, type CommandContext } from '@courtyard/kernel/domain';
import type { FeeScheduleRecord, UnitRecord } from './records.js';

/** Shared by the domain specs: a fee administrator of p1, a clock, a published schedule, a unit. */
export const NOW = new Date('2026-11-23T02:00:00Z');

export const as = (caller: Partial<Caller> = {}, now = NOW): CommandContext => ({
  actor: { subject: 'fee-1', role: 'FEE_ADMINISTRATOR', propertyIds: ['p1'], ...caller },
  now,
  newId: sequentialIds(),
});

export const schedule = (overrides: Partial<FeeScheduleRecord> = {}): FeeScheduleRecord => ({
  _id: 'fs1',
  version: 2,
  createdAt: NOW,
  propertyId: 'p1',
  number: 1,
  effectiveFrom: '2027-01-01',
  billingCycle: 'QUARTERLY',
  currency: 'CNY',
  items: [
    {
      code: 'PROPERTY_FEE_RESIDENTIAL',
      kind: 'PROPERTY_FEE',
      name: 'Property service fee',
      pricing: 'PER_SQUARE_METER_MONTH',
      price: 255,
      unitType: 'RESIDENTIAL',
      priceSource: null,
      workOrderCategories: [],
      materialsAtCost: false,
    },
    {
      code: 'PROPERTY_FEE_COMMERCIAL',
      kind: 'PROPERTY_FEE',
      name: 'Property service fee, shops',
      pricing: 'PER_SQUARE_METER_MONTH',
      price: 600,
      unitType: 'COMMERCIAL',
      priceSource: null,
      workOrderCategories: [],
      materialsAtCost: false,
    },
    {
      code: 'REPAIR_LEAK',
      kind: 'PAID_SERVICE',
      name: 'Leak repair',
      pricing: 'FIXED',
      price: 8000,
      unitType: null,
      priceSource: null,
      workOrderCategories: ['WATER_LEAK'],
      materialsAtCost: false,
    },
    {
      code: 'ELECTRICAL_HOURLY',
      kind: 'PAID_SERVICE',
      name: 'Electrician, per hour',
      pricing: 'PER_HOUR',
      price: 6000,
      unitType: null,
      priceSource: null,
      workOrderCategories: ['ELECTRICAL'],
      materialsAtCost: true,
    },
  ],
  status: 'PUBLISHED',
  createdBy: 'fee-1',
  publishedAt: NOW,
  publishedBy: 'fee-1',
  ...overrides,
});

export const unit = (overrides: Partial<UnitRecord> = {}): UnitRecord => ({
  _id: 'u1',
  version: 1,
  createdAt: NOW,
  propertyId: 'p1',
  buildingId: 'b1',
  number: '1-1201',
  areaHundredths: 8950,
  unitType: 'RESIDENTIAL',
  ...overrides,
});
