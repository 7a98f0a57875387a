import { z } from 'zod';
import { freeText, isTimeZone, text, withDefault } from '@courtyard/kernel/domain';

export const createPropertyInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'must be 2-32 upper-case letters, digits or dashes'),
  name: text(100),
  address: freeText(300),
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai'),
});

export const createBuildingInput = z.object({
  propertyId: z.string().min(1),
  name: text(50),
  floors: z.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200'),
});

export const createUnitInput = z.object({
  buildingId: z.string().min(1),
  number: text(20),
  floor: z.number().int().min(-10).max(200),
  areaSquareMeters: z
    .number()
    // At least one hundredth of a square metre: 5e-324 is positive, but no unit's area.
    .min(0.01, 'must be at least 0.01')
    .max(100_000, 'must be at most 100000')
    .refine((area) => Math.abs(area * 100 - Math.round(area * 100)) < 1e-6, 'must have at most two decimals'),
});

export const residentKind = z.enum(['OWNER', 'TENANT', 'FAMILY_MEMBER']);

export const registerResidentInput = z.object({
  propertyId: z.string().min(1),
  name: text(100),
  kind: residentKind,
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9]{7,15}$/, 'must be 7-15 digits, optionally with a leading +'),
  idDocumentNumber: withDefault(
    z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z]{6,20}$/, 'must be 6-20 letters or digits'),
    null,
  ),
  vip: withDefault(z.boolean(), false),
});

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

export const moveInInput = z.object({
  unitId: z.string().min(1),
  residentId: z.string().min(1),
  relation: residentKind,
  movedInOn: localDate,
});

export const moveOutInput = z.object({
  unitId: z.string().min(1),
  residentId: z.string().min(1),
  movedOutOn: localDate,
});

export type CreatePropertyInput = z.infer<typeof createPropertyInput>;
export type CreateBuildingInput = z.infer<typeof createBuildingInput>;
export type CreateUnitInput = z.infer<typeof createUnitInput>;
export type RegisterResidentInput = z.infer<typeof registerResidentInput>;
export type MoveInInput = z.infer<typeof moveInInput>;
export type MoveOutInput = z.infer<typeof moveOutInput>;
