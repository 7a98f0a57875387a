import { z } from 'zod';
import { freeText, text } from '@courtyard/kernel/domain';
import {
  BILLING_CYCLES,
  DUNNING_CHANNELS,
  ITEM_KINDS,
  PAYMENT_METHODS,
  PRICE_SOURCES,
  PRICINGS,
} from './records.js';

const localDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date YYYY-MM-DD');
/** Whole fen: GraphQL `Int`, so a fraction never arrives; bounded so products stay exact integers. */
const fen = z.number().int().min(0).max(100_000_000_00);

const feeScheduleItem = z
  .object({
    code: z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'must be UPPER_SNAKE_CASE, 2–64 characters'),
    kind: z.enum(ITEM_KINDS),
    name: text(200),
    pricing: z.enum(PRICINGS),
    price: fen,
    unitType: text(40)
      .nullish()
      .transform((value) => value ?? null),
    priceSource: z
      .enum(PRICE_SOURCES)
      .nullish()
      .transform((value) => value ?? null),
    workOrderCategories: z
      .array(text(60))
      .max(50)
      .nullish()
      .transform((value) => value ?? []),
    materialsAtCost: z
      .boolean()
      .nullish()
      .transform((value) => value ?? false),
  })
  .superRefine((item, issues) => {
    const allowed: Record<(typeof ITEM_KINDS)[number], readonly (typeof PRICINGS)[number][]> = {
      PROPERTY_FEE: ['PER_SQUARE_METER_MONTH', 'PER_MONTH'],
      PARKING: ['PER_MONTH'],
      UTILITY: ['PER_METERED_UNIT'],
      PAID_SERVICE: ['FIXED', 'PER_HOUR'],
    };
    if (!allowed[item.kind].includes(item.pricing)) {
      issues.addIssue({
        code: 'custom',
        path: ['pricing'],
        message: `${item.kind} is priced ${allowed[item.kind].join(' or ')}`,
      });
    }
    if (item.kind === 'UTILITY' && item.priceSource === null) {
      issues.addIssue({
        code: 'custom',
        path: ['priceSource'],
        message: 'a pass-through utility records its price source',
      });
    }
    if (item.kind === 'PAID_SERVICE' && item.workOrderCategories.length === 0) {
      issues.addIssue({
        code: 'custom',
        path: ['workOrderCategories'],
        message: 'a paid service names the work-order categories it prices',
      });
    }
  });

export const createFeeScheduleInput = z
  .object({
    propertyId: z.string().min(1),
    effectiveFrom: localDate,
    billingCycle: z.enum(BILLING_CYCLES),
    items: z.array(feeScheduleItem).min(1).max(200),
  })
  .superRefine((input, issues) => {
    const codes = input.items.map((item) => item.code);
    codes.forEach((code, index) => {
      if (codes.indexOf(code) !== index) {
        issues.addIssue({
          code: 'custom',
          path: ['items', index, 'code'],
          message: `duplicate code ${code}`,
        });
      }
    });
  });

export const generateBillsInput = z.object({
  propertyId: z.string().min(1),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, 'must be YYYY-MM or YYYY-Q1…Q4'),
});

/** Part of the payment's id (`payment:<sender>:<key>`), so in the id's characters. */
const idempotencyKey = z
  .string()
  .trim()
  .min(8, 'must be at least 8 characters')
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, 'must be letters, digits, -, _, : or .');

export const recordPaymentInput = z
  .object({
    billId: z.string().min(1).nullish(),
    unitId: z.string().min(1).nullish(),
    amount: z.object({
      amount: z.number().int().positive().max(100_000_000_00),
      currency: z.string().regex(/^[A-Z]{3}$/),
    }),
    idempotencyKey,
    method: z.enum(PAYMENT_METHODS),
  })
  .refine((input) => Boolean(input.billId) !== Boolean(input.unitId), {
    message: 'name exactly one of billId and unitId',
    path: ['billId'],
  });
export type RecordPaymentInput = z.infer<typeof recordPaymentInput>;

export const adjustBillInput = z.object({
  billId: z.string().min(1),
  amount: z.object({
    amount: z
      .number()
      .int()
      .refine((amount) => amount !== 0, 'an adjustment changes the bill')
      .refine((amount) => Math.abs(amount) <= 100_000_000_00, 'too large'),
    currency: z.string().regex(/^[A-Z]{3}$/),
  }),
  reason: freeText(500),
});

export const reversePaymentInput = z.object({
  paymentId: z.string().min(1),
  reason: freeText(500),
  idempotencyKey,
});
export type ReversePaymentInput = z.infer<typeof reversePaymentInput>;

export const refundCreditInput = z.object({
  unitId: z.string().min(1),
  amount: z.object({
    amount: z.number().int().positive().max(100_000_000_00),
    currency: z.string().regex(/^[A-Z]{3}$/),
  }),
  method: z.enum(PAYMENT_METHODS),
  reason: freeText(500),
  idempotencyKey,
});
export type RefundCreditInput = z.infer<typeof refundCreditInput>;

export const sendDunningNoticeInput = z.object({
  unitId: z.string().min(1),
  channel: z.enum(DUNNING_CHANNELS),
  note: freeText(1000)
    .nullish()
    .transform((value) => value ?? null),
});

export const recordLedgerEntryInput = z.object({
  propertyId: z.string().min(1),
  fund: z.enum(['COMPANY', 'COMMON_FUND']),
  postedOn: localDate,
  description: freeText(500),
  postings: z
    .array(
      z
        .object({
          account: text(40),
          debit: fen.nullish().transform((value) => value ?? 0),
          credit: fen.nullish().transform((value) => value ?? 0),
        })
        .refine((posting) => posting.debit > 0 !== posting.credit > 0, {
          message: 'a posting is either a debit or a credit, greater than zero',
          path: ['debit'],
        }),
    )
    .min(2)
    .max(50),
});
