import {
  DomainError,
  parseInput,
  requireStaffOf,
  type CommandContext,
  type Decision,
  text,
} from '@courtyard/kernel/domain';
import { z } from 'zod';
import { STAFF_ADMIN_ROLES } from './access.js';
import type { WorkingCalendar } from './calendar.js';
import {
  CATEGORY_CODES,
  COMPLAINT_SEVERITIES,
  CONSULTATION_MODES,
  FAULT_COMPLEXITIES,
  HELP_REQUEST_TYPES,
} from './catalogue.js';
import type { PropertyRecord, SlaPolicyRecord } from './records.js';
import { CLOCK_KINDS, DEFAULT_SLA_RULES, LIMIT_UNITS, type SlaRule } from './sla-policy.js';

export type { SlaPolicyRecord } from './records.js';
import type { SlaTerms } from './sla-terms.js';

export const DEFAULT_POLICY_VERSION = '1.0';

const VERSION = /^(0|[1-9]\d{0,3})\.(0|[1-9]\d{0,3})$/;
const versionParts = (version: string): [number, number] => {
  const match = VERSION.exec(version);
  return match ? [Number(match[1]), Number(match[2])] : [0, 0];
};
export const isDraftVersion = (version: string): boolean => versionParts(version)[0] < 1;
const compareVersions = (a: string, b: string): number => {
  const [am, an] = versionParts(a);
  const [bm, bn] = versionParts(b);
  return am - bm || an - bn;
};

/** The version in force at `at`: published, not a draft, latest start (then highest version) first. */
export function policyInForce(policies: readonly SlaPolicyRecord[], at: Date): SlaPolicyRecord | null {
  const candidates = policies.filter(
    (p) => !isDraftVersion(p.version) && p.effectiveFrom && p.effectiveFrom.getTime() <= at.getTime(),
  );
  candidates.sort(
    (a, b) =>
      b.effectiveFrom!.getTime() - a.effectiveFrom!.getTime() || compareVersions(b.version, a.version),
  );
  return candidates[0] ?? null;
}

/** What a property's requests are measured against at `at` (spec §2's table when it has no policy). */
export function termsAt(property: PropertyRecord, at: Date): SlaTerms {
  const policy = policyInForce(property.slaPolicies ?? [], at);
  return {
    policyVersion: policy?.version ?? DEFAULT_POLICY_VERSION,
    rules: policy?.rules ?? DEFAULT_SLA_RULES,
    calendar: calendarOf(property),
  };
}

export function calendarOf(property: PropertyRecord): WorkingCalendar {
  const days = property.calendar;
  return {
    timeZone: property.timeZone,
    restWeekdays: days?.restWeekdays ?? [6, 7],
    holidays: days?.holidays.map((d) => d.date) ?? [],
    makeUpWorkdays: days?.makeUpWorkdays.map((d) => d.date) ?? [],
  };
}

/** The default policy a new property starts with: spec §2's table, in force from its creation. */
export const defaultPolicy = (context: CommandContext): SlaPolicyRecord => ({
  version: DEFAULT_POLICY_VERSION,
  rules: DEFAULT_SLA_RULES.map((rule) => ({ ...rule, when: { ...rule.when } })),
  createdAt: context.now,
  createdById: context.actor.subject,
  effectiveFrom: context.now,
  publishedAt: context.now,
  publishedById: context.actor.subject,
});

const ruleInput = z.object({
  clock: z.enum(CLOCK_KINDS),
  limit: z.object({ amount: z.number().int().min(0).max(100_000), unit: z.enum(LIMIT_UNITS) }),
  startsAt: z.enum(['INTAKE', 'ARRIVAL']).default('INTAKE'),
  description: text(200),
  when: z
    .object({
      types: z.array(z.enum(HELP_REQUEST_TYPES)).min(1).optional(),
      categories: z
        .array(z.enum(CATEGORY_CODES as [string, ...string[]]))
        .min(1)
        .optional(),
      urgent: z.boolean().optional(),
      complaintSeverity: z.enum(COMPLAINT_SEVERITIES).optional(),
      consultationMode: z.enum(CONSULTATION_MODES).optional(),
      faultComplexity: z.enum(FAULT_COMPLEXITIES).optional(),
    })
    .default({}),
});
const draftInput = z.object({
  version: z.string().regex(VERSION, 'must be major.minor, e.g. 0.1 or 1.1'),
  rules: z.array(ruleInput).min(1).max(200),
});
const publishInput = z.object({ version: z.string(), effectiveFrom: z.coerce.date() });

/** Drops what GraphQL sends as null for an absent condition (a rule's `when` has no nulls). */
const withoutNulls = (value: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));

const findVersion = (property: PropertyRecord, version: string) =>
  (property.slaPolicies ?? []).find((p) => p.version === version);

/** A new version of the property's policy (a draft below 1.0; at 1.0 or more, ready to publish). */
export function createSlaPolicyVersion(
  property: PropertyRecord,
  input: unknown,
  context: CommandContext,
): Decision<PropertyRecord> {
  requireStaffOf(context.actor, property._id, STAFF_ADMIN_ROLES, 'change SLA policies');
  const raw = input as { rules?: Array<Record<string, unknown> & { when?: Record<string, unknown> | null }> };
  const valid = parseInput(draftInput, {
    ...raw,
    rules: raw.rules?.map((rule) =>
      withoutNulls({ ...rule, when: rule.when ? withoutNulls(rule.when) : undefined }),
    ),
  });
  if (findVersion(property, valid.version)) {
    throw new DomainError('CONFLICT', 'POLICY_VERSION_EXISTS', `Version ${valid.version} already exists`, {
      version: valid.version,
    });
  }
  const policy: SlaPolicyRecord = {
    version: valid.version,
    rules: valid.rules as SlaRule[],
    createdAt: context.now,
    createdById: context.actor.subject,
    effectiveFrom: null,
    publishedAt: null,
    publishedById: null,
  };
  return { record: { ...property, slaPolicies: [...(property.slaPolicies ?? []), policy] }, events: [] };
}

/** Puts a version of 1.0 or more in force from a stated time (now or later: history is not rewritten). */
export function publishSlaPolicyVersion(
  property: PropertyRecord,
  input: unknown,
  context: CommandContext,
): Decision<PropertyRecord> {
  requireStaffOf(context.actor, property._id, STAFF_ADMIN_ROLES, 'publish SLA policies');
  const valid = parseInput(publishInput, input);
  const policy = findVersion(property, valid.version);
  if (!policy) throw new DomainError('NOT_FOUND', 'POLICY_VERSION_NOT_FOUND', `No version ${valid.version}`);
  if (isDraftVersion(policy.version)) {
    throw new DomainError(
      'CONFLICT',
      'DRAFT_NOT_PUBLISHABLE',
      'A version below 1.0 is a draft and cannot be in force',
      {
        version: policy.version,
      },
    );
  }
  if (policy.publishedAt) {
    throw new DomainError(
      'CONFLICT',
      'POLICY_ALREADY_PUBLISHED',
      `Version ${policy.version} is already published`,
    );
  }
  if (valid.effectiveFrom.getTime() < context.now.getTime() - 60_000) {
    throw new DomainError('BAD_USER_INPUT', 'EFFECTIVE_IN_PAST', 'A policy comes into force now or later');
  }
  const published = {
    ...policy,
    effectiveFrom: valid.effectiveFrom,
    publishedAt: context.now,
    publishedById: context.actor.subject,
  };
  const slaPolicies = (property.slaPolicies ?? []).map((p) => (p.version === policy.version ? published : p));
  return { record: { ...property, slaPolicies }, events: [] };
}
