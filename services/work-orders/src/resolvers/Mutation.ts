import { notFound, type Decision } from '@courtyard/kernel';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { countsTowardsBursts } from '../domain/burst-window.js';
import { numberingYear, receive, validateIntake } from '../domain/intake.js';
import { requireIntakeReferences, requireUnitsOf } from '../domain/references.js';
import * as lifecycle from '../domain/lifecycle.js';
import type { HelpRequestRecord, StaffRecord } from '../domain/records.js';
import * as moments from '../domain/sla-moments.js';
import { requireNotArchived } from '../domain/register.js';
import { createSlaPolicyVersion, publishSlaPolicyVersion } from '../domain/sla-policies.js';
import { setCalendarDay } from '../domain/working-calendar.js';
import { calendarView, policyView, ruleInputs } from './SlaPolicy.js';
import { setIncidentRules } from '../domain/incident-rules-config.js';
import { closeIncident, takeIncident } from '../domain/incidents.js';
import { registerStaff } from '../domain/staff.js';
import { requireClaimedByStaff } from '../domain/ownership.js';
import type { WorkOrdersContext } from '../context.js';
import { ownershipMutations } from './Mutation.ownership.js';
import { frontDeskMutations } from './Mutation.frontdesk.js';

/** Load (NOT_FOUND first), decide in the domain, save against the version read. */
export async function change(
  context: WorkOrdersContext,
  id: string,
  decide: (request: HelpRequestRecord) => Decision<HelpRequestRecord> | Promise<Decision<HelpRequestRecord>>,
) {
  const before = await context.reads.helpRequest(context.caller, id);
  // An archived request is read-only, whatever the command (before the command's own checks).
  requireNotArchived(before);
  const decision = await decide(before);
  await requireStaffOwner(context, before, decision.record);
  return { helpRequest: await context.repository.saveHelpRequest(before, decision) };
}

/** The owner a decision claims for an unowned request, looked up so the domain can check it. */
async function requireStaffOwner(
  context: WorkOrdersContext,
  before: HelpRequestRecord,
  after: HelpRequestRecord,
) {
  if (before.ownerId !== null || after.ownerId === null) return;
  requireClaimedByStaff(before, await context.loaders.staffById.load(after.ownerId));
}

async function loadStaff(context: WorkOrdersContext, ids: readonly string[]): Promise<StaffRecord[]> {
  return Promise.all(
    ids.map(async (id) => (await context.loaders.staffById.load(id)) ?? notFound('Staff', id)),
  );
}

/** Resolvers shared by a field and its deprecated pre-convention name (issue 16). */
const startHelpRequestWork: MutationResolvers['startHelpRequestWork'] = (_, { input }, context) =>
  change(context, input.id, (request) => lifecycle.startWork(request, input.note ?? null, context.command));
const holdHelpRequestForParts: MutationResolvers['holdHelpRequestForParts'] = (_, { input }, context) =>
  change(context, input.id, async (request) => {
    const decision = lifecycle.waitForParts(request, input, context.command);
    // The units told must be units of the request's property.
    const notified = input.notifiedUnitIds;
    requireUnitsOf(request.propertyId, notified, await context.units.unitsById(notified));
    return decision;
  });
const rejectHelpRequestFix: MutationResolvers['rejectHelpRequestFix'] = (_, { input }, context) =>
  change(context, input.id, (request) => lifecycle.rejectFix(request, input.reason, context.command));
const confirmHelpRequestResolution: MutationResolvers['confirmHelpRequestResolution'] = (
  _,
  { input },
  context,
) => change(context, input.id, (request) => lifecycle.confirm(request, input.note ?? null, context.command));
const recordHelpRequestNoResponse: MutationResolvers['recordHelpRequestNoResponse'] = (
  _,
  { input },
  context,
) =>
  change(context, input.id, (request) =>
    lifecycle.recordNoResponse(
      request,
      context.config.CONFIRMATION_WAIT_HOURS,
      input.note ?? null,
      context.command,
    ),
  );
const recordHelpRequestFollowUp: MutationResolvers['recordHelpRequestFollowUp'] = (_, { input }, context) =>
  change(context, input.id, (request) =>
    lifecycle.recordFollowUp(request, input.result, input.note ?? null, context.command),
  );
const recordHelpRequestInspection: MutationResolvers['recordHelpRequestInspection'] = (
  _,
  { input },
  context,
) =>
  change(context, input.id, (request) =>
    lifecycle.inspect(request, input.finding, input.passed, context.command),
  );

export const Mutation: MutationResolvers = {
  ...ownershipMutations,
  ...frontDeskMutations,
  recordHelpRequest: async (_, { input }, context) => {
    const valid = validateIntake(input, context.command);
    // Every read the intake needs at once (one round trip of waiting, not three): the property and
    // the policy version in force now (the request keeps it for its whole life), the requester and
    // unit, the open request this call repeats, the supervisor on duty. The property is refused
    // first, as before, whatever else comes back.
    const [{ timeZone, terms }, requester, units, original, supervisorOnDuty] = await Promise.all([
      context.properties.termsOf(valid.propertyId, context.now),
      context.residents.resident(valid.requesterId),
      context.units.unitsById(valid.unitId ? [valid.unitId] : []),
      context.repository.findOpenOriginal(valid),
      valid.type === 'MEDICAL_EMERGENCY'
        ? context.reads.onDuty(valid.propertyId, 'SERVICE_SUPERVISOR', context.now)
        : null,
    ]);
    // The requester and unit exist and belong to the property, before a number is allocated.
    requireIntakeReferences(valid.propertyId, valid, { requester, units });
    const helpRequest = await context.repository.insertNumbered(
      valid.propertyId,
      numberingYear(context.now, timeZone),
      context.now,
      (number) =>
        receive(valid, number, original, context.command, timeZone, null, {
          terms,
          supervisorOnDuty: supervisorOnDuty && { id: supervisorOnDuty._id, name: supervisorOnDuty.name },
        }),
    );
    // A complaint counts towards its category's burst window (seed 001-G), once it is recorded;
    // whether its requester is a VIP is on the record read above (no second read).
    if (countsTowardsBursts(helpRequest))
      await context.incidents.countComplaint(helpRequest, requester?.vip ?? false, context.command);
    return { helpRequest };
  },
  setIncidentRules: async (_, { input }, context) => {
    const before = await context.properties.property(input.propertyId);
    const saved = await context.properties.save(
      before,
      setIncidentRules(before, input, context.command).record,
    );
    return { rules: saved.incidentRules ?? [] };
  },
  takeIncident: async (_, { input }, context) => {
    const before = await context.incidentReads.incident(context.caller, input.id);
    return { incident: await context.incidents.save(before, takeIncident(before, context.command)) };
  },
  closeIncident: async (_, { input }, context) => {
    const before = await context.incidentReads.incident(context.caller, input.id);
    return {
      incident: await context.incidents.save(before, closeIncident(before, input.report, context.command)),
    };
  },
  acknowledgeHelpRequest: (_, { input }, context) =>
    change(context, input.id, (request) =>
      lifecycle.acknowledge(request, input.note ?? null, context.command),
    ),
  // The input (at most five assignees) is checked before the request or any staff is looked up.
  assignHelpRequest: (_, { input }, context) => {
    const assigneeIds = lifecycle.validAssignment(input).assigneeIds;
    return change(context, input.id, async (request) =>
      lifecycle.assign(request, input, await loadStaff(context, assigneeIds), context.command),
    );
  },
  startHelpRequestWork,
  holdHelpRequestForParts,
  resumeHelpRequestWork: startHelpRequestWork,
  resolveHelpRequest: (_, { input }, context) =>
    change(context, input.id, (request) => lifecycle.resolve(request, input.outcome, context.command)),
  rejectHelpRequestFix,
  confirmHelpRequestResolution,
  recordHelpRequestNoResponse,
  recordHelpRequestFollowUp,
  closeHelpRequest: (_, { input }, context) =>
    change(context, input.id, (request) => lifecycle.close(request, input.note ?? null, context.command)),
  referHelpRequest: (_, { input }, context) =>
    change(context, input.id, (request) => lifecycle.refer(request, input, context.command)),
  escalateHelpRequest: (_, { input }, context) =>
    change(context, input.id, (request) => lifecycle.escalate(request, input.reason, context.command)),
  recordHelpRequestInspection,
  recordHelpRequestFirstReply: (_, { input }, context) =>
    change(context, input.id, (request) => moments.recordFirstReply(request, input, context.command)),
  recordHelpRequestArrival: (_, { input }, context) =>
    change(context, input.id, (request) =>
      moments.recordArrival(request, input.note ?? null, context.command),
    ),
  recordHelpRequestFeedback: (_, { input }, context) =>
    change(context, input.id, (request) => moments.recordFeedback(request, input, context.command)),
  recordHelpRequestWrittenReply: (_, { input }, context) =>
    change(context, input.id, (request) => moments.recordWrittenReply(request, input, context.command)),
  createSlaPolicyVersion: async (_, { input }, context) => {
    const before = await context.properties.property(input.propertyId);
    const { record } = createSlaPolicyVersion(
      before,
      { ...input, rules: ruleInputs(input.rules) },
      context.command,
    );
    const saved = await context.properties.save(before, record);
    return { policy: policyView(saved, saved.slaPolicies!.at(-1)!, context.now) };
  },
  publishSlaPolicyVersion: async (_, { input }, context) => {
    const before = await context.properties.property(input.propertyId);
    const saved = await context.properties.save(
      before,
      publishSlaPolicyVersion(before, input, context.command).record,
    );
    const policy = saved.slaPolicies!.find((p) => p.version === input.version)!;
    return { policy: policyView(saved, policy, context.now) };
  },
  setWorkingCalendarDay: async (_, { input }, context) => {
    const before = await context.properties.property(input.propertyId);
    const saved = await context.properties.save(
      before,
      setCalendarDay(before, input, context.command).record,
    );
    return { calendar: calendarView(saved) };
  },
  registerStaff: async (_, { input }, context) => {
    const decision = registerStaff(input, context.command);
    await context.properties.requireKnown(decision.record.propertyIds);
    return { staff: await context.repository.insertStaff(decision) };
  },
  // Deprecated names (before the <verb><Aggregate> convention), kept while clients move.
  startWork: startHelpRequestWork,
  waitForParts: holdHelpRequestForParts,
  resumeWork: startHelpRequestWork,
  rejectFix: rejectHelpRequestFix,
  confirmResolution: confirmHelpRequestResolution,
  recordNoResponse: recordHelpRequestNoResponse,
  recordFollowUp: recordHelpRequestFollowUp,
  recordInspection: recordHelpRequestInspection,
};
