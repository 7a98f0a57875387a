import { z } from 'zod';
import {
  freeText,
  isTimeZone,
  optionalText,
  phoneNumber,
  recordId,
  text,
  withDefault,
} from '@courtyard/kernel/domain';

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

/** The kernel's phone rule, a person's own number, for registration and every later change. */
const phone = phoneNumber();
const idDocumentNumber = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z]{6,20}$/, 'must be 6-20 letters or digits');

export const contactChannel = z.enum(['PHONE', 'SMS', 'WECHAT', 'APP']);

export const registerResidentInput = z.object({
  propertyId: z.string().min(1),
  name: text(100),
  kind: residentKind,
  phone,
  idDocumentNumber: withDefault(idDocumentNumber, null),
  vip: withDefault(z.boolean(), false),
});

/** A field left out (or null) stays as it is. */
const unchanged = <S extends z.ZodType>(schema: S) =>
  schema.nullish().transform((value) => value ?? undefined);

/** What a resident changes of their own record: how to reach them. */
export const updateResidentContactDetailsInput = z.object({
  phone: unchanged(phone),
  preferredContactChannel: unchanged(contactChannel),
});

/** What the property's office changes of a resident's record, and why (kept on its history). */
export const updateResidentInput = z.object({
  residentId: recordId,
  name: unchanged(text(100)),
  kind: unchanged(residentKind),
  phone: unchanged(phone),
  idDocumentNumber: unchanged(idDocumentNumber),
  vip: unchanged(z.boolean()),
  preferredContactChannel: unchanged(contactChannel),
  reason: optionalText(500),
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
export type UpdateResidentContactDetailsInput = z.infer<typeof updateResidentContactDetailsInput>;
export type UpdateResidentInput = z.infer<typeof updateResidentInput>;
