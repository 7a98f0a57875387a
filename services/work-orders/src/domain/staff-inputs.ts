import { isTimeZone, text } from '@courtyard/kernel/domain';
import { z } from 'zod';
import { GRADES, SKILLS } from './catalogue.js';
import { hhmm } from './inputs.js';
import { isCalendarDay } from './roster.js';

/** The inputs of the managers' staff commands (issue 19); absent or null means "unchanged". */

const day = z.string().refine(isCalendarDay, 'must be a calendar date, yyyy-MM-dd');
const reason = text(500);
const weeklyShift = z.object({ weekday: z.number().int().min(1).max(7), start: hhmm, end: hhmm });

export const updateStaffInput = z.object({
  reason,
  skills: z.array(z.enum(SKILLS)).max(SKILLS.length).nullish(),
  grade: z.enum(GRADES).nullish(),
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone').nullish(),
  roster: z.array(weeklyShift).max(50).nullish(),
  propertyIds: z.array(z.string().min(1)).min(1).max(50).nullish(),
  active: z.boolean().nullish(),
});
export type UpdateStaffInput = z.infer<typeof updateStaffInput>;

export const changeShiftInput = z.object({
  day,
  /** null: back to the weekly roster; empty: a day off. */
  shifts: z
    .array(z.object({ start: hhmm, end: hhmm }))
    .max(4)
    .nullable(),
  reason,
});

export const leaveInput = z
  .object({ from: day, to: day, reason })
  .refine((leave) => leave.from <= leave.to, { message: 'must not be after `to`', path: ['from'] });
