import {
  DomainError,
  freeText,
  parseInput,
  requireStaffOf,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { z } from 'zod';
import { DISPATCH_ROLES, requireNotInspector, SUPERVISOR_ROLES } from './access.js';
import { helpRequestEvent } from './help-request.events.js';
import type { ComplaintTier, HelpRequestRecord } from './records.js';

/**
 * A complaint's handling tiers (seed 003 F003 D L98–100: 投诉处理 → 升级投诉处理 → 申诉处理;
 * research seeds-002-004.md §2.6): a complaint the resident is not satisfied with is escalated,
 * and an escalated one they still dispute is appealed. Only upward, one tier at a time (an appeal
 * is against how the escalated complaint was handled). The seeds set no time limit for either
 * tier and name nobody who handles them; decisions here: the office (front desk and above) of the
 * property records an escalated complaint, only supervisors and above accept an appeal (the
 * handling being appealed is the office's own), and the request's SLA clocks are unchanged.
 */
export const TIER_ORDER: readonly ComplaintTier[] = ['COMPLAINT', 'ESCALATED', 'APPEAL'];

export const raiseTierInput = z.object({
  tier: z.enum(['ESCALATED', 'APPEAL']),
  reason: freeText(2000),
});

const FINISHED = ['CLOSED', 'REFERRED'] as const;

export function raiseComplaintTier(
  request: HelpRequestRecord,
  input: unknown,
  context: CommandContext,
): Decision<HelpRequestRecord> {
  const valid = parseInput(raiseTierInput, input);
  requireNotInspector(context.actor);
  requireStaffOf(
    context.actor,
    request.propertyId,
    valid.tier === 'APPEAL' ? SUPERVISOR_ROLES : DISPATCH_ROLES,
    valid.tier === 'APPEAL' ? 'accept appeals' : 'escalate complaints',
  );
  if (request.type !== 'COMPLAINT')
    throw new DomainError('CONFLICT', 'NOT_A_COMPLAINT', 'Only a complaint has handling tiers', {
      type: request.type,
    });
  if ((FINISHED as readonly string[]).includes(request.state))
    throw new DomainError(
      'CONFLICT',
      'REQUEST_FINISHED',
      `A ${request.state} complaint changes tier no more`,
    );
  const current = request.complaintTier ?? 'COMPLAINT';
  const allowed = TIER_ORDER[TIER_ORDER.indexOf(current) + 1] ?? null;
  if (valid.tier !== allowed || current === 'APPEAL')
    throw new DomainError(
      'CONFLICT',
      'COMPLAINT_TIER_NOT_NEXT',
      allowed
        ? `A complaint at ${current} moves to ${allowed} only`
        : `A complaint at ${current} is already at the last tier`,
      { current, allowed: allowed ? [allowed] : [] },
    );
  const record: HelpRequestRecord = {
    ...request,
    complaintTier: valid.tier,
    tierChanges: [
      ...(request.tierChanges ?? []),
      {
        at: context.now,
        from: current,
        to: valid.tier,
        decidedById: context.actor.subject,
        decidedByRole: context.actor.role,
        reason: valid.reason,
      },
    ],
    timeline: [
      ...request.timeline,
      {
        at: context.now,
        actorId: context.actor.subject,
        actorRole: context.actor.role,
        from: request.state,
        to: request.state,
        note: `complaint tier ${current} → ${valid.tier}: ${valid.reason}`,
      },
    ],
  };
  return {
    record,
    events: [
      helpRequestEvent('workorder.complaint_tier_raised.v1', record, null, context, {
        fromTier: current,
        toTier: valid.tier,
        decidedById: context.actor.subject,
        decidedByRole: context.actor.role,
        reason: valid.reason,
      }),
    ],
  };
}
