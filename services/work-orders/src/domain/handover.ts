import {
  DomainError,
  freeText,
  parseInput,
  requireStaffOf,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { z } from 'zod';
import { requireNotInspector, SUPERVISOR_ROLES } from './access.js';
import { CATEGORIES } from './catalogue.js';
import { helpRequestEvent } from './help-request.events.js';
import { currentOwnerOf, holds } from './ownership.js';
import type { HandoverBasis, HelpRequestRecord, StaffRecord } from './records.js';

/**
 * Handing a request over (issue 19), only where 首问制 allows it. Seed 004 F004 M 二.4 (L312,
 * research seeds-002-004.md §2.7): "对客户的来询或要求办理事项不属于第一责任者职责范围的,第一责任者要
 * 认真登记,然后移交其它主管领导。如果主管领导不在,移交分管本事项的其它同志。" — a matter outside
 * the first responsible person's remit is registered, then handed to the leader in charge; if
 * that leader is absent, to another colleague in charge of the matter. M 二.5: major matters go
 * to the general manager at once (a leader too). So a request goes to:
 * - a leader: a supervisor, office director or general manager of its property; or
 * - a delegate, only while no leader of the property is on duty (roster): staff of the property
 *   with the category's skill (in charge of the matter).
 * Never to a quality inspector (服务、监督两条线). The first-contact owner stays the owner
 * (spec §2 rule 1: immutable, repeat calls count against them) and keeps access; the handover
 * names who answers for the request now (`currentOwnerId`), is on the timeline and publishes
 * `workorder.handed_over.v1`: never silent.
 */
export const handOverInput = z.object({ toStaffId: z.string().min(1), reason: freeText(2000) });

const FINISHED = ['CLOSED', 'REFERRED'] as const;

const refuse = (reason: string, message: string, details?: Record<string, unknown>): never => {
  throw new DomainError('BAD_USER_INPUT', reason, message, details);
};

export function handOver(
  request: HelpRequestRecord,
  input: unknown,
  target: StaffRecord,
  /** Leaders (supervisors and above) of the request's property on duty now. */
  leadersOnDuty: readonly StaffRecord[],
  context: CommandContext,
): Decision<HelpRequestRecord> {
  const valid = parseInput(handOverInput, input);
  requireNotInspector(context.actor);
  const holder = currentOwnerOf(request);
  if (holder === null)
    throw new DomainError(
      'CONFLICT',
      'HELP_REQUEST_NOT_ACCEPTED',
      `${request.number} has no owner yet: a staff member accepts it before anyone hands it over`,
      { id: request._id },
    );
  if (!holds(context.actor, request) && context.actor.role !== 'SYSTEM')
    requireStaffOf(
      context.actor,
      request.propertyId,
      SUPERVISOR_ROLES,
      'hand over requests they do not hold',
    );
  if ((FINISHED as readonly string[]).includes(request.state))
    throw new DomainError('CONFLICT', 'REQUEST_FINISHED', `A ${request.state} request is not handed over`);
  if (target._id === holder)
    refuse('HANDOVER_TO_CURRENT_OWNER', `${target.name} already answers for this request`);
  if (target.roles.includes('QUALITY_INSPECTOR'))
    refuse('HANDOVER_TARGET_INSPECTOR', `${target.name} is a quality inspector and never holds a request`);
  if (!target.propertyIds.includes(request.propertyId))
    refuse('HANDOVER_TARGET_NOT_AT_PROPERTY', `${target.name} does not work at this property`);

  const isLeader = target.roles.some((role) => SUPERVISOR_ROLES.includes(role));
  let basis: HandoverBasis = 'LEADER';
  if (!isLeader) {
    const present = leadersOnDuty.filter((leader) => leader._id !== holder);
    if (present.length > 0)
      refuse(
        'HANDOVER_LEADER_PRESENT',
        'A leader of the property is on duty: the request goes to them (首问制: a colleague only when the leader is absent)',
        { leadersOnDuty: present.map((leader) => leader._id) },
      );
    const needs = CATEGORIES[request.category].skill;
    if (!target.skills.includes(needs))
      refuse('HANDOVER_TARGET_NOT_IN_CHARGE', `${target.name} is not in charge of ${request.category}`, {
        needs,
      });
    basis = 'DELEGATE_LEADER_ABSENT';
  }

  const how = basis === 'LEADER' ? 'to the leader' : 'to a colleague in charge, the leader being absent';
  const record: HelpRequestRecord = {
    ...request,
    currentOwnerId: target._id,
    handovers: [
      ...(request.handovers ?? []),
      {
        at: context.now,
        fromId: holder,
        toId: target._id,
        byId: context.actor.subject,
        basis,
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
        note: `handed over ${how} ${target.name}: ${valid.reason}`,
      },
    ],
  };
  return {
    record,
    events: [
      helpRequestEvent('workorder.handed_over.v1', record, null, context, {
        fromOwnerId: holder,
        toOwnerId: target._id,
        basis,
        reason: valid.reason,
      }),
    ],
  };
}
