import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { countsTowardsBursts } from '../domain/burst-window.js';
import { numberingYear } from '../domain/intake.js';
import { residentHome } from '../domain/references.js';
import { addComment, submit, validSubmission, withdraw } from '../domain/resident-requests.js';
import { change } from './Mutation.js';

/** A resident's own requests from the app (issue 19); confirming or rejecting the fix is in `Mutation.ts`. */
export const residentAppMutations: Pick<
  MutationResolvers,
  'submitHelpRequest' | 'addHelpRequestComment' | 'withdrawHelpRequest'
> = {
  submitHelpRequest: async (_, { input }, context) => {
    const valid = validSubmission(input);
    // Where the resident's household lives decides the property and unit (checked before a number).
    const resident = await context.residents.resident(context.caller.residentId ?? null);
    const home = residentHome(context.caller, resident, valid.unitId);
    const { timeZone, terms } = await context.properties.termsOf(home.propertyId, context.now);
    const [original, supervisor] = await Promise.all([
      context.repository.findOpenOriginal({
        propertyId: home.propertyId,
        requesterId: home.requesterId,
        unitId: home.unitId,
        category: valid.category,
        contactPhone: valid.contactPhone,
      }),
      valid.type === 'MEDICAL_EMERGENCY'
        ? context.reads.onDuty(home.propertyId, 'SERVICE_SUPERVISOR', context.now)
        : null,
    ]);
    const helpRequest = await context.repository.insertNumbered(
      home.propertyId,
      numberingYear(context.now, timeZone),
      context.now,
      (number) =>
        submit(
          valid,
          home,
          number,
          original,
          context.command,
          timeZone,
          terms,
          supervisor && { id: supervisor._id, name: supervisor.name },
        ),
    );
    // The submitter is the requester: whether they are a VIP is on the record read above.
    if (countsTowardsBursts(helpRequest))
      await context.incidents.countComplaint(helpRequest, resident?.vip ?? false, context.command);
    return { helpRequest };
  },
  addHelpRequestComment: (_, { input }, context) =>
    change(context, input.id, (request) => addComment(request, input, context.command)),
  withdrawHelpRequest: (_, { input }, context) =>
    change(context, input.id, (request) => withdraw(request, input.reason ?? null, context.command)),
};
