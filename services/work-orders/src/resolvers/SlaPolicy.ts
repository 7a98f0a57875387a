import type { PropertyRecord } from '../domain/records.js';
import { isDraftVersion, policyInForce, type SlaPolicyRecord } from '../domain/sla-policies.js';
import { emptyCalendar } from '../domain/working-calendar.js';

/** A stored policy version as `SlaPolicy`: its rows flattened, draft and in-force derived. */
export function policyView(property: PropertyRecord, policy: SlaPolicyRecord, now: Date) {
  return {
    propertyId: property._id,
    version: policy.version,
    draft: isDraftVersion(policy.version),
    inForce: policyInForce(property.slaPolicies ?? [], now)?.version === policy.version,
    effectiveFrom: policy.effectiveFrom,
    publishedAt: policy.publishedAt,
    rules: policy.rules.map(({ when, ...rule }) => ({
      ...rule,
      types: when.types ? [...when.types] : null,
      categories: when.categories ? [...when.categories] : null,
      urgent: when.urgent ?? null,
      complaintSeverity: when.complaintSeverity ?? null,
      consultationMode: when.consultationMode ?? null,
      faultComplexity: when.faultComplexity ?? null,
    })),
  };
}

export const calendarView = (property: PropertyRecord) => ({
  propertyId: property._id,
  timeZone: property.timeZone,
  ...(property.calendar ?? emptyCalendar()),
});

/** SDL rule rows arrive flat; the domain keeps the conditions under `when`. */
export const ruleInputs = (
  rules: ReadonlyArray<{ [key: string]: unknown; clock: string; limit: unknown; description: string }>,
) =>
  rules.map(({ clock, limit, startsAt, description, ...when }) => ({
    clock,
    limit,
    startsAt: startsAt ?? undefined,
    description,
    when,
  }));
