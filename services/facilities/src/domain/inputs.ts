import { z } from 'zod';
import { freeText, optionalText, text, withDefault } from '@courtyard/kernel/domain';
import {
  CRITICALITIES,
  FACILITY_STATUSES,
  FACILITY_TYPES,
  FAULT_COMPLEXITIES,
  FAULT_SOURCES,
} from './catalogue.js';

export const registerFacilityInput = z.object({
  propertyId: z.string().min(1),
  buildingId: withDefault(z.string().min(1), null),
  area: text(200),
  name: text(200),
  type: z.enum(FACILITY_TYPES),
  assetTag: text(64),
  model: optionalText(200),
  maker: optionalText(200),
  installedOn: withDefault(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'), null),
  criticality: z.enum(CRITICALITIES),
});

/** RETIRED only through retireFacility; the other statuses by hand, each with its reason. */
export const changeFacilityStatusInput = z.object({
  status: z.enum(FACILITY_STATUSES).exclude(['RETIRED']),
  reason: freeText(1000),
});

export const retireFacilityInput = z.object({ reason: freeText(1000) });

export const reportFacilityFaultInput = z.object({
  description: freeText(2000),
  complexity: z.enum(FAULT_COMPLEXITIES),
  source: z.enum(FAULT_SOURCES),
  reportedBy: text(100),
  contactPhone: withDefault(
    z
      .string()
      .trim()
      .regex(/^\+?[0-9]{5,15}$/, 'must be 5-15 digits, optionally with a leading +'),
    null,
  ),
});

const MAX_PERIOD_MS = 400 * 24 * 3_600_000;

/** One facility, or a property and a type; a period of at most 400 days, `from` before `to`. */
export const availabilityArgs = z
  .object({
    facilityId: withDefault(z.string().min(1), null),
    propertyId: withDefault(z.string().min(1), null),
    type: withDefault(z.enum(FACILITY_TYPES), null),
    from: z.date(),
    to: z.date(),
  })
  .superRefine((args, ctx) => {
    if (!args.facilityId && !(args.propertyId && args.type))
      ctx.addIssue({
        code: 'custom',
        path: ['facilityId'],
        message: 'name a facility, or a property and a type',
      });
    if (args.to.getTime() <= args.from.getTime())
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
    if (args.to.getTime() - args.from.getTime() > MAX_PERIOD_MS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'the period may be at most 400 days' });
  });
