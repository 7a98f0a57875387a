import { notFound, type Decision } from '@courtyard/kernel';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { numberingYear, receive, validateIntake } from '../domain/intake.js';
import * as lifecycle from '../domain/lifecycle.js';
import type { HelpRequestRecord, StaffRecord } from '../domain/records.js';
import { registerStaff } from '../domain/staff.js';
import type { WorkOrdersContext } from '../context.js';

/** Load (NOT_FOUND first), decide in the domain, save against the version read. */
async function change(
  context: WorkOrdersContext,
  id: string,
  decide: (request: HelpRequestRecord) => Decision<HelpRequestRecord> | Promise<Decision<HelpRequestRecord>>,
) {
  const before = await context.reads.helpRequest(context.caller, id);
  return { helpRequest: await context.repository.saveHelpRequest(before, await decide(before)) };
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
  change(context, input.id, (request) => lifecycle.waitForParts(request, input, context.command));
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
  recordHelpRequest: async (_, { input }, context) => {
    const valid = validateIntake(input, context.command);
    const timeZone = await context.properties.timeZoneOf(valid.propertyId);
    const year = numberingYear(context.now, timeZone);
    const [number, original] = await Promise.all([
      context.repository.allocateNumber(valid.propertyId, year),
      context.repository.findOpenOriginal(valid.requesterId, valid.unitId, valid.category),
    ]);
    return {
      helpRequest: await context.repository.insertHelpRequest(
        receive(valid, number, original, context.command, timeZone),
      ),
    };
  },
  acknowledgeHelpRequest: (_, { input }, context) =>
    change(context, input.id, (request) =>
      lifecycle.acknowledge(request, input.note ?? null, context.command),
    ),
  assignHelpRequest: (_, { input }, context) =>
    change(context, input.id, async (request) =>
      lifecycle.assign(request, input, await loadStaff(context, input.assigneeIds), context.command),
    ),
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
  registerStaff: async (_, { input }, context) => ({
    staff: await context.repository.insertStaff(registerStaff(input, context.command)),
  }),
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
