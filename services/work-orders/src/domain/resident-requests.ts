import { DomainError, parseInput, type CommandContext, type Decision } from '@courtyard/kernel/domain';
import type { z } from 'zod';
import { requireRequesterOrOffice } from './access.js';
import { stopClocks } from './clocks.js';
import { helpRequestEvent } from './help-request.events.js';
import { receive, type IntakeInput } from './intake.js';
import { commentInput, submitHelpRequestInput, userNote } from './inputs.js';
import type { HelpRequestRecord } from './records.js';
import { scheduled, type SlaTerms } from './sla-terms.js';
import { OPEN_STATES, type HelpRequestState } from './transitions.js';

/**
 * What a resident does with their own request from the app (issue 19): submit it, add to it
 * while it is open, withdraw it before the work starts. Confirming or rejecting the fix is
 * `lifecycle.confirm` / `lifecycle.rejectFix`, already theirs.
 */
export type Submission = z.infer<typeof submitHelpRequestInput>;

export const validSubmission = (input: unknown): Submission => parseInput(submitHelpRequestInput, input);

/**
 * A resident's submission, recorded as intake records a call (numbered, clocks started, repeat
 * calls linked) but owned by nobody yet (首问制: the staff member who accepts it becomes its
 * owner, `lifecycle.acknowledge`). The home comes from `references.residentHome`.
 */
export function submit(
  input: Submission,
  home: { propertyId: string; unitId: string; requesterId: string },
  number: string,
  openOriginal: HelpRequestRecord | null,
  context: CommandContext,
  timeZone: string,
  terms: SlaTerms,
  /** A medical emergency from the app reaches the supervisor on duty as one by phone does. */
  supervisorOnDuty: { id: string; name: string } | null = null,
): Decision<HelpRequestRecord> {
  const intake: IntakeInput = {
    propertyId: home.propertyId,
    type: input.type,
    category: input.category,
    channel: input.channel,
    description: input.description,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    requesterId: home.requesterId,
    unitId: home.unitId,
    attachments: input.attachments,
    urgent: input.urgent,
    paid: false,
    confidential: false,
    complaintSeverity: input.type === 'COMPLAINT' ? input.complaintSeverity : null,
    complaintTier: input.type === 'COMPLAINT' ? 'COMPLAINT' : null,
    consultationMode: input.type === 'CONSULTATION' ? input.consultationMode : null,
    faultComplexity: null,
    familyMemberPresent: null,
  };
  return receive(intake, number, openOriginal, context, timeZone, null, {
    terms,
    supervisorOnDuty,
    submission: { preferredVisitAt: input.preferredVisitAt },
  });
}

/** The requester themself (the app): a comment is the resident's word on their own request. */
function requireRequester(request: HelpRequestRecord, context: CommandContext, what: string): void {
  const { actor } = context;
  if (actor.role === 'RESIDENT' && request.requesterId !== null && actor.residentId === request.requesterId)
    return;
  throw new DomainError('FORBIDDEN', 'NOT_THE_REQUESTER', `Only the resident who asked may ${what}`);
}

function requireOpen(request: HelpRequestRecord, what: string): void {
  if (OPEN_STATES.includes(request.state)) return;
  throw new DomainError(
    'CONFLICT',
    'HELP_REQUEST_NOT_OPEN',
    `A request in ${request.state} takes no ${what}`,
    {
      state: request.state,
    },
  );
}

/** A comment or photos on an open request: kept with the request, on its timeline, published. */
export function addComment(
  request: HelpRequestRecord,
  input: unknown,
  context: CommandContext,
): Decision<HelpRequestRecord> {
  requireRequester(request, context, 'comment on this request');
  requireOpen(request, 'comment');
  const valid = parseInput(commentInput, input);
  const comment = {
    at: context.now,
    byId: context.actor.subject,
    byRole: context.actor.role,
    text: valid.text,
    attachments: valid.attachments,
  };
  const photos = valid.attachments.length ? ` (+${valid.attachments.length} attachment(s))` : '';
  const record: HelpRequestRecord = {
    ...request,
    comments: [...(request.comments ?? []), comment],
    timeline: [
      ...request.timeline,
      {
        at: context.now,
        actorId: context.actor.subject,
        actorRole: context.actor.role,
        from: request.state,
        to: request.state,
        note: `resident comment: ${valid.text ?? ''}${photos}`.trim(),
      },
    ],
  };
  return {
    record,
    events: [
      helpRequestEvent('workorder.comment_added.v1', record, request.state, context, {
        byRole: context.actor.role,
        hasText: valid.text !== null,
        attachmentCount: valid.attachments.length,
      }),
    ],
  };
}

/** Before anyone has started the work: received, accepted, or assigned and not yet begun. */
export const WITHDRAWABLE_STATES: readonly HelpRequestState[] = ['RECEIVED', 'ACKNOWLEDGED', 'ASSIGNED'];

/**
 * The resident takes the request back before the work starts. Decision (spec §2 has no
 * withdrawn state): the request ends `CLOSED` with `withdrawal` recorded, on its timeline, never
 * deleted; a new state would break the published `state` enum of every `workorder.*` event. Its
 * clocks stop (nothing more is owed); it is not a close by staff, so the closing rule's outcome,
 * confirmation and follow-up do not apply, and the lifecycle table is unchanged for them. The
 * front desk may record it for a resident who calls (`requireRequesterOrOffice`).
 */
export function withdraw(
  request: HelpRequestRecord,
  reason: string | null,
  context: CommandContext,
): Decision<HelpRequestRecord> {
  requireRequesterOrOffice(context.actor, request, 'withdraw this request');
  if (!WITHDRAWABLE_STATES.includes(request.state))
    throw new DomainError(
      'CONFLICT',
      'WORK_ALREADY_STARTED',
      `A request in ${request.state} can no longer be withdrawn: only before the work starts (${WITHDRAWABLE_STATES.join(', ')})`,
      { state: request.state, allowed: WITHDRAWABLE_STATES },
    );
  const said = userNote(reason);
  const record: HelpRequestRecord = scheduled({
    ...request,
    state: 'CLOSED',
    closedAt: context.now,
    withdrawal: { at: context.now, byId: context.actor.subject, reason: said },
    clocks: stopClocks(
      request.clocks,
      ['FIRST_REPLY', 'ON_SITE', 'FEEDBACK', 'RESOLUTION', 'WRITTEN_REPLY'],
      context.now,
      context.actor.subject,
    ),
    pendingClocks: [],
    timeline: [
      ...request.timeline,
      {
        at: context.now,
        actorId: context.actor.subject,
        actorRole: context.actor.role,
        from: request.state,
        to: 'CLOSED',
        note: said ? `withdrawn by the resident: ${said}` : 'withdrawn by the resident',
      },
    ],
  });
  return {
    record,
    events: [
      helpRequestEvent('workorder.withdrawn.v1', record, request.state, context, {
        withdrawnByRole: context.actor.role,
      }),
    ],
  };
}
