import { tz } from '@date-fns/tz';
import { addDays, addHours, addMinutes } from 'date-fns';
import { addWorkingDays, type WorkingCalendar } from './calendar.js';
import type { Category, HelpRequestType } from './catalogue.js';

/**
 * The SLA clocks of spec §2's table. Each has the event that stops it: the first reply, the
 * arrival on site, the feedback to the household, the resolution, the written reply.
 */
export const CLOCK_KINDS = ['FIRST_REPLY', 'ON_SITE', 'FEEDBACK', 'RESOLUTION', 'WRITTEN_REPLY'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

export const LIMIT_UNITS = ['MINUTES', 'HOURS', 'DAYS', 'WORKING_DAYS'] as const;
export interface Limit {
  amount: number;
  unit: (typeof LIMIT_UNITS)[number];
}

/** What a rule looks at: the request's kind, as recorded at intake. */
export interface SlaSubject {
  type: HelpRequestType;
  category: Category;
  urgent: boolean;
  complaintSeverity: 'GENERAL' | 'SERIOUS' | null;
  consultationMode: 'WRITTEN' | 'ORAL' | null;
  faultComplexity: 'GENERAL' | 'COMPLEX' | null;
}

/** A rule applies when every condition it states holds; an absent condition matches anything. */
export interface RuleMatch {
  types?: readonly HelpRequestType[];
  categories?: readonly Category[];
  urgent?: boolean;
  complaintSeverity?: 'GENERAL' | 'SERIOUS';
  consultationMode?: 'WRITTEN' | 'ORAL';
  /** `GENERAL` also matches a request with no complexity recorded. */
  faultComplexity?: 'GENERAL' | 'COMPLEX';
}

/** One row of a policy: for matching requests, this clock runs this long from intake or arrival. */
export interface SlaRule {
  clock: ClockKind;
  when: RuleMatch;
  limit: Limit;
  /** Intake, or the arrival on site (a complaint's feedback is due 4 h after the visit). */
  startsAt: 'INTAKE' | 'ARRIVAL';
  /** The row as people read it (shown as `slaRule` for the resolution clock). */
  description: string;
}

export function matches(rule: RuleMatch, subject: SlaSubject): boolean {
  if (rule.types && !rule.types.includes(subject.type)) return false;
  if (rule.categories && !rule.categories.includes(subject.category)) return false;
  if (rule.urgent !== undefined && rule.urgent !== subject.urgent) return false;
  if (rule.complaintSeverity && rule.complaintSeverity !== (subject.complaintSeverity ?? 'GENERAL'))
    return false;
  if (rule.consultationMode && rule.consultationMode !== (subject.consultationMode ?? 'ORAL')) return false;
  if (rule.faultComplexity && rule.faultComplexity !== (subject.faultComplexity ?? 'GENERAL')) return false;
  return true;
}

/** The rule of each clock that applies to `subject`: per clock, the first matching row wins. */
export function rulesFor(rules: readonly SlaRule[], subject: SlaSubject): SlaRule[] {
  return CLOCK_KINDS.flatMap(
    (clock) => rules.find((r) => r.clock === clock && matches(r.when, subject)) ?? [],
  );
}

/**
 * When a limit ends: minutes and hours are durations; days and working days are counted on the
 * property's calendar in its own zone, never the server's.
 */
export function dueAfter(start: Date, limit: Limit, calendar: WorkingCalendar): Date {
  switch (limit.unit) {
    case 'MINUTES':
      return addMinutes(start, limit.amount);
    case 'HOURS':
      return addHours(start, limit.amount);
    case 'DAYS':
      return new Date(addDays(start, limit.amount, { in: tz(calendar.timeZone) }).getTime());
    case 'WORKING_DAYS':
      return addWorkingDays(start, limit.amount, calendar);
  }
}

const minutes = (amount: number): Limit => ({ amount, unit: 'MINUTES' });
const hours = (amount: number): Limit => ({ amount, unit: 'HOURS' });
const SHARED_UTILITIES: readonly Category[] = ['ELEVATOR', 'POWER_SUPPLY', 'WATER_SUPPLY'];
const REPAIR = ['REPAIR'] as const;
const INCIDENTS = ['SECURITY_INCIDENT', 'DISASTER'] as const;

/**
 * The default policy: spec §2's table as rows (seeds 002 §四, 003 §C, 000-A). Seeded as version
 * 1.0 of every new property's policy; a property's own versions replace it from when they are
 * in force.
 */
export const DEFAULT_SLA_RULES: readonly SlaRule[] = [
  {
    clock: 'FIRST_REPLY',
    when: {},
    limit: minutes(5),
    startsAt: 'INTAKE',
    description: 'first reply at once; within 5 min when the desk must consult the supervisor',
  },
  {
    clock: 'ON_SITE',
    when: { types: INCIDENTS },
    limit: minutes(30),
    startsAt: 'INTAKE',
    description: 'incident: on site within 30 min',
  },
  {
    clock: 'ON_SITE',
    when: { types: ['COMPLAINT'] },
    limit: hours(1),
    startsAt: 'INTAKE',
    description: 'complaint: on site within 1 h',
  },
  {
    clock: 'ON_SITE',
    when: { types: REPAIR, urgent: true },
    limit: minutes(30),
    startsAt: 'INTAKE',
    description: 'urgent repair: on site within 30 min',
  },
  {
    clock: 'FEEDBACK',
    when: { types: ['COMPLAINT'] },
    limit: hours(4),
    startsAt: 'ARRIVAL',
    description: 'complaint: feedback to the household 4 h after the visit',
  },
  {
    clock: 'FEEDBACK',
    when: { types: REPAIR },
    limit: hours(4),
    startsAt: 'INTAKE',
    description: 'repair: response and feedback within 4 h',
  },
  {
    clock: 'RESOLUTION',
    when: { types: ['MEDICAL_EMERGENCY'] },
    limit: hours(24),
    startsAt: 'INTAKE',
    description: 'medical emergency: supervisor told at once, handled within 24 h',
  },
  {
    clock: 'RESOLUTION',
    when: { types: INCIDENTS },
    limit: hours(24),
    startsAt: 'INTAKE',
    description: 'incident: on site within 30 min, handled within 24 h',
  },
  {
    clock: 'RESOLUTION',
    when: { types: ['COMPLAINT'], complaintSeverity: 'SERIOUS' },
    limit: { amount: 5, unit: 'WORKING_DAYS' },
    startsAt: 'INTAKE',
    description: 'serious complaint: on site 1 h, resolved in 5 working days',
  },
  {
    clock: 'RESOLUTION',
    when: { types: ['COMPLAINT'] },
    limit: hours(8),
    startsAt: 'INTAKE',
    description: 'general complaint: on site 1 h, resolved in 8 h',
  },
  {
    clock: 'WRITTEN_REPLY',
    when: { types: ['CONSULTATION'], consultationMode: 'WRITTEN' },
    limit: { amount: 2, unit: 'DAYS' },
    startsAt: 'INTAKE',
    description: 'written consultation: written reply in 2 days',
  },
  {
    clock: 'RESOLUTION',
    when: { types: ['CONSULTATION'], consultationMode: 'ORAL' },
    limit: hours(24),
    startsAt: 'INTAKE',
    description: 'consultation: handled in 24 h',
  },
  {
    clock: 'RESOLUTION',
    when: { types: REPAIR, categories: ['PUBLIC_LIGHTING'], faultComplexity: 'COMPLEX' },
    limit: hours(48),
    startsAt: 'INTAKE',
    description: 'public lighting, complex fault: fixed in 48 h',
  },
  {
    clock: 'RESOLUTION',
    when: { types: REPAIR, categories: ['PUBLIC_LIGHTING'] },
    limit: hours(8),
    startsAt: 'INTAKE',
    description: 'public lighting, general fault: fixed in 8 h',
  },
  {
    clock: 'RESOLUTION',
    when: { types: REPAIR, categories: SHARED_UTILITIES, faultComplexity: 'GENERAL' },
    limit: minutes(30),
    startsAt: 'INTAKE',
    description: 'elevator, power or water general fault: handled in 30 min',
  },
  {
    clock: 'RESOLUTION',
    when: { types: REPAIR, urgent: true },
    limit: hours(4),
    startsAt: 'INTAKE',
    description: 'urgent repair: on site 30 min, feedback 4 h',
  },
  {
    clock: 'RESOLUTION',
    when: { types: REPAIR },
    limit: hours(4),
    startsAt: 'INTAKE',
    description: 'repair: response and feedback in 4 h',
  },
  {
    clock: 'RESOLUTION',
    // Not a catch-all: a written consultation is finished by its written reply instead.
    when: { types: ['OTHER'] },
    limit: hours(24),
    startsAt: 'INTAKE',
    description: 'other: handled in 24 h',
  },
];
