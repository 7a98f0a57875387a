import { z } from 'zod';
import {
  freeText,
  httpUrl,
  isTimeZone,
  optionalText,
  parseInput,
  phoneNumber,
  type Role,
  STAFF_ROLES,
  text,
  withDefault,
} from '@courtyard/kernel/domain';
import {
  CATEGORY_CODES,
  CHANNELS,
  COMPLAINT_SEVERITIES,
  COMPLAINT_TIERS,
  CONSULTATION_MODES,
  FAULT_COMPLEXITIES,
  GRADES,
  HELP_REQUEST_TYPES,
  SKILLS,
  type Category,
} from './catalogue.js';

const note = optionalText(2000, { multiline: true });
/** A free-text note a person adds to a transition; it goes on the timeline. */
export const userNote = (value: string | null | undefined): string | null =>
  parseInput(z.object({ note }), { note: value }).note;

export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM');

export const recordHelpRequestInput = z
  .object({
    propertyId: z.string().min(1),
    type: z.enum(HELP_REQUEST_TYPES),
    category: z.enum(CATEGORY_CODES as [Category, ...Category[]]),
    channel: z.enum(CHANNELS),
    description: freeText(4000),
    contactName: text(100),
    contactPhone: phoneNumber({ serviceLines: true }),
    requesterId: withDefault(z.string().min(1), null),
    unitId: withDefault(z.string().min(1), null),
    attachments: withDefault(z.array(httpUrl(2000)).max(20), []),
    urgent: withDefault(z.boolean(), false),
    paid: withDefault(z.boolean(), false),
    confidential: withDefault(z.boolean(), false),
    complaintSeverity: withDefault(z.enum(COMPLAINT_SEVERITIES), null),
    complaintTier: withDefault(z.enum(COMPLAINT_TIERS), null),
    consultationMode: withDefault(z.enum(CONSULTATION_MODES), null),
    faultComplexity: withDefault(z.enum(FAULT_COMPLEXITIES), null),
    familyMemberPresent: withDefault(z.boolean(), null),
  })
  .superRefine((input, ctx) => {
    if (input.type === 'COMPLAINT' && !input.complaintSeverity) {
      ctx.addIssue({ code: 'custom', path: ['complaintSeverity'], message: 'is required for a complaint' });
    }
    if (input.type === 'CONSULTATION' && !input.consultationMode) {
      ctx.addIssue({ code: 'custom', path: ['consultationMode'], message: 'is required for a consultation' });
    }
  });

export const assignInput = z.object({
  assigneeIds: z
    .array(z.string().min(1))
    .min(1, 'needs at least one assignee')
    .max(5)
    // min(1) holds, so the list has a first element (the lead assignee).
    .transform((ids) => ids as [string, ...string[]]),
  dueAt: withDefault(z.date(), null),
  familyMemberPresent: withDefault(z.boolean(), null),
  note,
});

export const partsNoticeInput = z.object({
  message: freeText(1000),
  notifiedUnitIds: z.array(z.string().min(1)).min(1, 'must name the affected units').max(500),
  expectedBy: withDefault(z.date(), null),
});

export const referInput = z.object({
  department: text(200),
  contact: optionalText(200),
  residentToldAt: z.date(),
  note,
});

export const registerStaffInput = z.object({
  name: text(100),
  propertyIds: z.array(z.string().min(1)).min(1).max(50),
  roles: z.array(z.enum(STAFF_ROLES as [Role, ...Role[]])).min(1),
  skills: z.array(z.enum(SKILLS)).max(SKILLS.length),
  grade: z.enum(GRADES),
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone'),
  roster: z.array(z.object({ weekday: z.number().int().min(1).max(7), start: hhmm, end: hhmm })).max(50),
});

/** The channels a resident submits by themselves (spec §2's channels a person uses without the desk). */
export const RESIDENT_CHANNELS = ['APP', 'WECHAT', 'SMS', 'ONLINE_CHAT'] as const;

/** Photos and documents come as links, under the same rule as at intake (http or https only). */
const attachmentLinks = withDefault(z.array(httpUrl(2000)).max(20), []);

/**
 * A resident's own submission (issue 19): no property, requester or owner in it; the property
 * and unit come from where their household lives. Severity and mode, which a desk asks about
 * on the phone, have defaults the front desk corrects: a general complaint, a written
 * consultation (it was written in).
 */
export const submitHelpRequestInput = z.object({
  unitId: withDefault(z.string().min(1), null),
  type: z.enum(HELP_REQUEST_TYPES),
  category: z.enum(CATEGORY_CODES as [Category, ...Category[]]),
  channel: z.enum(RESIDENT_CHANNELS),
  description: freeText(4000),
  contactName: text(100),
  contactPhone: phoneNumber({ serviceLines: true }),
  attachments: attachmentLinks,
  preferredVisitAt: withDefault(z.date(), null),
  urgent: withDefault(z.boolean(), false),
  complaintSeverity: withDefault(z.enum(COMPLAINT_SEVERITIES), 'GENERAL'),
  consultationMode: withDefault(z.enum(CONSULTATION_MODES), 'WRITTEN'),
});

/** A comment or photos added to an open request: at least one of the two. */
export const commentInput = z
  .object({
    text: optionalText(2000, { multiline: true }),
    attachments: attachmentLinks,
  })
  .refine((input) => input.text !== null || input.attachments.length > 0, {
    message: 'needs a text or at least one attachment',
    path: ['text'],
  });
