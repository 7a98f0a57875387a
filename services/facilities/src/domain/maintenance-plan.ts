import { parseInput, requireStaffOf, type CommandContext } from '@courtyard/kernel/domain';
import { PLAN_EDITORS } from './access.js';
import { DEFAULT_PLANS } from './maintenance-catalogue.js';
import { createMaintenancePlanInput, updateMaintenancePlanInput } from './inputs.js';
import { localDate, recurrenceOf } from './recurrence.js';
import type { FacilityRecord, MaintenancePlanRecord } from './records.js';

/** What facilities knows of a property: its zone, in which maintenance periods are counted. */
export interface MaintenanceProperty {
  propertyId: string;
  timeZone: string;
}

/**
 * A plan of the property's own, for one facility (`facility` loaded by the resolver, NOT_FOUND
 * first) or a type. Its recurrence is checked by expanding it in the property's zone.
 */
export function createMaintenancePlan(
  input: unknown,
  property: MaintenanceProperty,
  facility: FacilityRecord | null,
  context: CommandContext,
): MaintenancePlanRecord {
  const valid = parseInput(createMaintenancePlanInput, input);
  requireStaffOf(context.actor, valid.propertyId, PLAN_EDITORS, 'create maintenance plans');
  const startsOn = valid.startsOn ?? localDate(context.now, property.timeZone);
  return {
    _id: context.newId(),
    version: 1,
    createdAt: context.now,
    updatedAt: context.now,
    propertyId: valid.propertyId,
    facilityId: facility?._id ?? null,
    facilityType: facility?.type ?? valid.facilityType!,
    name: valid.name,
    recurrence: recurrenceOf(valid.recurrence, valid.rrule, startsOn, property.timeZone),
    checklist: valid.checklist,
    evidence: valid.evidence,
    timeZone: property.timeZone,
    active: true,
    defaultKey: null,
  };
}

/**
 * Changes what is given. Tasks already generated keep what they were generated with; the
 * periods from now on follow the plan as it is.
 */
export function updateMaintenancePlan(
  plan: MaintenancePlanRecord,
  input: unknown,
  context: CommandContext,
): MaintenancePlanRecord {
  const valid = parseInput(updateMaintenancePlanInput, input);
  requireStaffOf(context.actor, plan.propertyId, PLAN_EDITORS, 'change maintenance plans');
  const recurrenceChanged = valid.recurrence !== undefined || valid.rrule || valid.startsOn;
  const kind = valid.recurrence ?? plan.recurrence.kind;
  const recurrence = recurrenceChanged
    ? recurrenceOf(
        kind,
        valid.rrule ?? (kind === 'RRULE' ? plan.recurrence.rrule : null),
        valid.startsOn ?? plan.recurrence.startsOn,
        plan.timeZone,
      )
    : plan.recurrence;
  const checklist = valid.checklist ?? plan.checklist;
  const evidence = valid.evidence ?? plan.evidence;
  // The same rule as on creation: checklist evidence needs items to answer.
  parseInput(createMaintenancePlanInput, {
    propertyId: plan.propertyId,
    facilityType: plan.facilityType,
    name: valid.name ?? plan.name,
    recurrence: 'DAILY',
    checklist,
    evidence,
  });
  return {
    ...plan,
    name: valid.name ?? plan.name,
    recurrence,
    checklist,
    evidence,
    active: valid.active ?? plan.active,
    updatedAt: context.now,
  };
}

/**
 * The spec's default plans for a new property (`DEFAULT_PLANS`), per facility type, starting on
 * the day it was created in its zone. Ids come from the context: in the reaction to
 * `property.created.v1` they derive from the event, so a replay decides the same plans.
 */
export function defaultPlansFor(
  property: MaintenanceProperty,
  createdAt: Date,
  context: CommandContext,
): MaintenancePlanRecord[] {
  const startsOn = localDate(createdAt, property.timeZone);
  return DEFAULT_PLANS.map((plan) => ({
    _id: context.newId(),
    version: 1,
    createdAt: context.now,
    updatedAt: context.now,
    propertyId: property.propertyId,
    facilityId: null,
    facilityType: plan.facilityType,
    name: plan.name,
    recurrence: recurrenceOf(plan.recurrence, null, startsOn, property.timeZone),
    checklist: [...plan.checklist],
    evidence: [...plan.evidence],
    timeZone: property.timeZone,
    active: true,
    defaultKey: plan.key,
  }));
}

/** Whether a plan applies to a facility: its own, or its type's at its property. */
export const planAppliesTo = (plan: MaintenancePlanRecord, facility: FacilityRecord): boolean =>
  plan.propertyId === facility.propertyId &&
  (plan.facilityId ? plan.facilityId === facility._id : plan.facilityType === facility.type);
