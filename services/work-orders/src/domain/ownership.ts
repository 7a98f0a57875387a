import {
  DomainError,
  requireStaffOf,
  type Caller,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { DISPATCH_ROLES, requireNotInspector } from './access.js';
import { helpRequestEvent } from './help-request.events.js';
import type { HelpRequestRecord, HelpRequestSource, StaffRecord } from './records.js';

/**
 * First-contact ownership (首问制, seed 004) when the first contact is not a staff member. A
 * request's owner is always a `Staff` record: a partner (the city hotline) records a request,
 * but it waits unowned in the front desk's queue until a staff member of the property accepts
 * it (here, or by being the first to move it on: `transition()`), and that person owns it for its
 * whole life. The partner stays visible as its source.
 */

/** Who owns a request at intake, and where it came from: staff own what they record. */
export function firstContactOf(actor: Caller): { ownerId: string | null; source: HelpRequestSource | null } {
  if (actor.role === 'PARTNER')
    return { ownerId: null, source: { partnerId: actor.partnerId ?? actor.subject } };
  return { ownerId: actor.subject, source: null };
}

/**
 * Who answers for the request now: the first-contact owner until a handover (seed 004 M 二.4),
 * then whoever it was last handed to (`domain/handover.ts`).
 */
export const currentOwnerOf = (request: Pick<HelpRequestRecord, 'ownerId' | 'currentOwnerId'>) =>
  request.currentOwnerId ?? request.ownerId;

/**
 * The owner's own say over a request (referring it, closing it, handing it on) belongs to whoever
 * answers for it now. After a handover that is the new holder, not the first-contact owner: the
 * first owner handed it over because it was outside their remit, and from then on acts on it only
 * as their role allows. They stay its owner (spec §2 rule 1: immutable, repeat calls count
 * against them) and keep reading it (`visibility.ts`).
 */
export const holds = (actor: Caller, request: Pick<HelpRequestRecord, 'ownerId' | 'currentOwnerId'>) =>
  currentOwnerOf(request) !== null && actor.subject === currentOwnerOf(request);

/**
 * An unowned request gets its owner when a staff member first moves it on (`transition()`): that
 * owner must be a registered `Staff` record working at the property, as for `accept`, so the
 * office can always name who answers for it.
 */
export function requireClaimedByStaff(
  request: HelpRequestRecord,
  claimant: StaffRecord | null,
): asserts claimant is StaffRecord {
  if (claimant?.propertyIds.includes(request.propertyId)) return;
  throw new DomainError(
    'FORBIDDEN',
    'STAFF_RECORD_REQUIRED',
    'Only a registered staff member of the property can own a request',
  );
}

/**
 * A staff member of the property accepts an unowned request and owns it from now on. The caller
 * must be a registered `Staff` record working at the property (their token's subject), so the
 * owner is always someone the office can name; the acceptance goes on the timeline.
 */
export function accept(
  request: HelpRequestRecord,
  acceptor: StaffRecord | null,
  note: string | null,
  context: CommandContext,
): Decision<HelpRequestRecord> {
  requireNotInspector(context.actor);
  requireStaffOf(context.actor, request.propertyId, DISPATCH_ROLES, 'accept requests');
  if (request.ownerId !== null) {
    throw new DomainError(
      'CONFLICT',
      'HELP_REQUEST_ALREADY_OWNED',
      `${request.number} has an owner already`,
      {
        id: request._id,
      },
    );
  }
  requireClaimedByStaff(request, acceptor);
  const record: HelpRequestRecord = {
    ...request,
    ownerId: acceptor._id,
    acceptedAt: context.now,
    timeline: [
      ...request.timeline,
      {
        at: context.now,
        actorId: acceptor._id,
        actorRole: context.actor.role,
        from: request.state,
        to: request.state,
        note: note ? `accepted by ${acceptor.name}: ${note}` : `accepted by ${acceptor.name}`,
      },
    ],
  };
  return {
    record,
    events: [
      helpRequestEvent('workorder.accepted.v1', record, request.state, context, {
        acceptedAt: context.now.toISOString(),
      }),
    ],
  };
}
