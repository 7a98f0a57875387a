import { parseInput, requireStaffOf, type CommandContext, type Decision } from '@courtyard/kernel/domain';
import type { z } from 'zod';
import { INTAKE_ROLES } from './access.js';
import { helpRequestEvent } from './help-request.events.js';
import { recordHelpRequestInput } from './inputs.js';
import type { HelpRequestRecord } from './records.js';
import { startClocks } from './clocks.js';
import { firstContactOf } from './ownership.js';
import { dueTimesOf } from './sla.js';
import { defaultTerms, scheduled, type SlaTerms } from './sla-terms.js';

export type IntakeInput = z.infer<typeof recordHelpRequestInput>;

/** Validates intake before anything is allocated or read (so a refusal burns no number). */
export function validateIntake(input: unknown, context: CommandContext): IntakeInput {
  const valid = parseInput(recordHelpRequestInput, input);
  requireStaffOf(context.actor, valid.propertyId, INTAKE_ROLES, 'record help requests');
  return valid;
}

/** `WO-2026-000123`: per property and year, from an atomic counter. */
export const formatNumber = (year: number, sequence: number) =>
  `WO-${year}-${String(sequence).padStart(6, '0')}`;

/**
 * One formatter per zone: building an `Intl.DateTimeFormat` costs about 0.3 ms, more than the rest of
 * the intake's own computing, and every intake asks for its year.
 */
const yearFormats = new Map<string, Intl.DateTimeFormat>();

/** Whose counter: the year in the property's time zone. */
export function numberingYear(at: Date, timeZone: string): number {
  let format = yearFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' });
    yearFormats.set(timeZone, format);
  }
  return Number(format.format(at));
}

/**
 * Records a help request (首问制): whoever records it owns it for its whole life. A call about
 * something already open for the same resident, unit and category is linked to it as a repeat
 * call, counted against that request's owner.
 */
export function receive(
  input: IntakeInput,
  number: string,
  openOriginal: HelpRequestRecord | null,
  context: CommandContext,
  /** The property's zone: due times in working days follow its calendar. */
  timeZone: string,
  /** A repair opened from a facility fault: the facility and the fault (null for a call). */
  origin: { facilityId: string; faultId: string } | null = null,
  {
    terms = defaultTerms(timeZone),
    supervisorOnDuty = null,
    submission = null,
  }: {
    /** The policy version in force now and the property's calendar (default: spec §2's table). */
    terms?: SlaTerms;
    /** A major medical emergency is reported at once to the supervisor on duty (seed 002 §四.2). */
    supervisorOnDuty?: { id: string; name: string } | null;
    /**
     * The resident submitted it themselves (`resident-requests.ts`): nobody owns it until a staff
     * member accepts it, and it keeps the visit time they asked for.
     */
    submission?: { preferredVisitAt: Date | null } | null;
  } = {},
): Decision<HelpRequestRecord> {
  const { clocks, pending } = startClocks(terms.rules, input, context.now, terms.calendar);
  const due = dueTimesOf(clocks, context.now);
  const notifySupervisor = input.type === 'MEDICAL_EMERGENCY';
  const { contactName, contactPhone, ...fields } = input;
  const record: HelpRequestRecord = scheduled({
    _id: context.newId(),
    version: 1,
    createdAt: context.now,
    number,
    timeZone,
    ...fields,
    contact: { name: contactName, phone: contactPhone },
    state: 'RECEIVED',
    // Staff own what they record; a partner's request and a resident's submission wait for a
    // staff member to accept them.
    ...(submission ? { ownerId: null, source: null } : firstContactOf(context.actor)),
    assigneeIds: [],
    firstReplyDueAt: due.firstReplyDueAt,
    onSiteDueAt: due.onSiteDueAt,
    dueAt: due.resolutionDueAt,
    slaRule: due.rule,
    repeatOfId: openOriginal?._id ?? null,
    repeatOfOwnerId: openOriginal?.ownerId ?? null,
    escalationLevel: 0,
    clocks,
    pendingClocks: pending,
    slaWakeAt: null,
    escalation: null,
    breaches: [],
    policyVersion: terms.policyVersion,
    outcome: null,
    resolvedAt: null,
    confirmation: null,
    followUp: null,
    referral: null,
    partsNotices: [],
    inspections: [],
    timeline: [
      {
        at: context.now,
        actorId: context.actor.subject,
        actorRole: context.actor.role,
        from: null,
        to: 'RECEIVED',
        note:
          [
            submission ? `submitted by the resident (${input.channel}); waiting to be accepted` : null,
            openOriginal ? `repeat call about ${openOriginal.number}` : null,
          ]
            .filter(Boolean)
            .join('; ') || null,
      },
      ...(notifySupervisor
        ? [
            {
              at: context.now,
              actorId: context.actor.subject,
              actorRole: context.actor.role,
              from: 'RECEIVED' as const,
              to: 'RECEIVED' as const,
              note: supervisorOnDuty
                ? `major medical emergency: supervisor on duty ${supervisorOnDuty.name} notified`
                : 'major medical emergency: no supervisor on duty; the supervisors of the property notified',
            },
          ]
        : []),
    ],
    closedAt: null,
    facilityId: origin?.facilityId ?? null,
    faultId: origin?.faultId ?? null,
    ...(submission ? { preferredVisitAt: submission.preferredVisitAt, comments: [], withdrawal: null } : {}),
  });
  return {
    record,
    events: [
      helpRequestEvent('workorder.received.v1', record, null, context, {
        repeatOfId: record.repeatOfId,
        repeatOfOwnerId: record.repeatOfOwnerId,
        firstReplyDueAt: record.firstReplyDueAt.toISOString(),
        onSiteDueAt: record.onSiteDueAt?.toISOString() ?? null,
        slaRule: record.slaRule,
        policyVersion: record.policyVersion,
        ...(notifySupervisor ? { supervisorNotified: { staffId: supervisorOnDuty?.id ?? null } } : {}),
      }),
    ],
  };
}
