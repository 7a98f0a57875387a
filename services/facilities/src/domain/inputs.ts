import { z } from 'zod';
import { freeText, optionalText, phoneNumber, text, withDefault } from '@courtyard/kernel/domain';
import {
  CRITICALITIES,
  FACILITY_STATUSES,
  FACILITY_TYPES,
  FAULT_COMPLEXITIES,
  FAULT_SOURCES,
  INSPECTION_RESULTS,
  METER_TYPES,
} from './catalogue.js';
import { EVIDENCE_KINDS, RECURRENCE_KINDS, type EvidenceKind } from './maintenance-catalogue.js';

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
  contactPhone: withDefault(phoneNumber({ serviceLines: true }), null),
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

const phone = phoneNumber({ serviceLines: true });

/** A resident says what is wrong; the source, reporter and complexity are not theirs to set. */
export const reportSharedFacilityFaultInput = z.object({
  description: text(2000),
  contactPhone: withDefault(phone, null),
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

export const registerServicePartnerInput = z.object({
  propertyId: z.string().min(1),
  name: text(200),
  contactPhone: withDefault(phone, null),
});

export const addServiceContractInput = z
  .object({
    number: text(64),
    scope: text(1000),
    facilityTypes: z.array(z.enum(FACILITY_TYPES)).min(1, 'name at least one facility type').max(20),
    startsOn: day,
    endsOn: day,
  })
  .superRefine((contract, ctx) => {
    if (contract.endsOn < contract.startsOn)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'must not be before startsOn' });
  });

const reading = z.number().finite().min(0, 'must not be negative').max(1e12);

export const registerMeterInput = z.object({
  propertyId: z.string().min(1),
  unitId: withDefault(z.string().min(1), null),
  facilityId: withDefault(z.string().min(1), null),
  type: z.enum(METER_TYPES),
  serialNumber: text(64),
  location: text(200),
  /** The opening reading at handover (底数). */
  openingReading: reading,
  openingReadAt: z.date(),
});

export const recordMeterReadingInput = z.object({ value: reading, readAt: z.date() });

export const replaceMeterInput = z.object({
  /** The old meter's last value, read as it came off; optional (a broken meter reads nothing). */
  finalReading: withDefault(reading, null),
  newSerialNumber: text(64),
  openingReading: reading,
  replacedAt: z.date(),
});

export const recordInspectionInput = z.object({
  propertyId: z.string().min(1),
  round: text(200),
  inspectedAt: z.date(),
  items: z
    .array(
      z.object({
        facilityId: withDefault(z.string().min(1), null),
        item: text(200),
        result: z.enum(INSPECTION_RESULTS),
        note: optionalText(2000),
        raiseFault: withDefault(z.boolean(), true),
        complexity: withDefault(z.enum(FAULT_COMPLEXITIES), 'GENERAL'),
      }),
    )
    .min(1, 'record at least one item')
    .max(200),
});

export const servicePartnerFilterInput = z.object({
  facilityType: withDefault(z.enum(FACILITY_TYPES), null),
  contractsExpiringWithinDays: withDefault(z.number().int().min(0).max(1830), null),
});

const localDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const checklist = z.array(text(200)).max(50, 'at most 50 items');
const evidence = z.array(z.enum(EVIDENCE_KINDS)).max(EVIDENCE_KINDS.length);

/** A plan names one facility or a facility type of its property (not both). */
export const createMaintenancePlanInput = z
  .object({
    propertyId: z.string().min(1),
    facilityId: withDefault(z.string().min(1), null),
    facilityType: withDefault(z.enum(FACILITY_TYPES), null),
    name: text(200),
    recurrence: z.enum(RECURRENCE_KINDS),
    rrule: optionalText(500),
    startsOn: withDefault(localDay, null),
    checklist: withDefault(checklist, [] as string[]),
    evidence: withDefault(evidence, [] as EvidenceKind[]),
  })
  .superRefine((input, ctx) => {
    if (Boolean(input.facilityId) === Boolean(input.facilityType))
      ctx.addIssue({
        code: 'custom',
        path: ['facilityId'],
        message: 'name a facility or a facility type, not both',
      });
    if (input.evidence.includes('CHECKLIST') && input.checklist.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['checklist'],
        message: 'CHECKLIST evidence needs checklist items',
      });
  });

/** Every field optional: what is given changes. Recurrence and rule change together. */
export const updateMaintenancePlanInput = z.object({
  name: text(200).optional(),
  recurrence: z.enum(RECURRENCE_KINDS).optional(),
  rrule: optionalText(500),
  startsOn: localDay.nullish(),
  checklist: checklist.nullish(),
  evidence: evidence.nullish(),
  active: z.boolean().nullish(),
});

export const assignMaintenanceTaskInput = z
  .object({
    staffId: withDefault(z.string().min(1).max(100), null),
    servicePartnerId: withDefault(z.string().min(1).max(100), null),
  })
  .refine((input) => Boolean(input.staffId) !== Boolean(input.servicePartnerId), {
    path: ['staffId'],
    message: 'name a staff member or a service partner, not both',
  });

export const completeMaintenanceTaskInput = z.object({
  testReportRef: optionalText(200),
  contractNumber: optionalText(100),
  checklist: withDefault(
    z
      .array(z.object({ item: text(200), ok: z.boolean(), note: optionalText(1000) }))
      .max(50, 'at most 50 answers'),
    [] as Array<{ item: string; ok: boolean; note: string | null }>,
  ),
  notes: optionalText(2000),
});
