import {
  DomainError,
  freeText,
  httpUrl,
  optionalText,
  parseInput,
  text,
  withDefault,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { z } from 'zod';
import { requireAssigneeOrSupervisor } from './access.js';
import { helpRequestEvent } from './help-request.events.js';
import type { FieldWork, HelpRequestRecord } from './records.js';
import { scheduled } from './sla-terms.js';
import { nonEmpty } from './staff-updates.js';
import { TECHNICIAN_QUEUE_STATES } from './visibility.js';

/**
 * What the people doing the work record on site (issue 19, seed 000's service procedure): the
 * arrival, work notes and photos mid-job, the parts used, and the resident's sign-off at
 * resolution. None of them moves the request's state; each goes on the timeline and publishes
 * its event. Only the assignees (supervisors and above of the property for them) record them.
 */

export const EMPTY_FIELD_WORK: FieldWork = {
  arrivedAt: null,
  arrivedById: null,
  notes: [],
  parts: [],
  signOff: null,
};
export const fieldWorkOf = (request: HelpRequestRecord): FieldWork => request.fieldWork ?? EMPTY_FIELD_WORK;

const photos = withDefault(z.array(httpUrl(2000)).max(10), []);
const workNoteInput = z.object({ note: freeText(2000), photos });
const partsInput = z.object({
  parts: z
    .array(
      z.object({
        name: text(200),
        quantity: z.number().int().min(1).max(10_000),
        cost: withDefault(
          z.object({
            amount: z.number().int().min(0).max(100_000_000),
            currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code, e.g. CNY'),
          }),
          null,
        ),
      }),
    )
    .min(1)
    .max(50),
});
const signOffInput = z.object({
  residentName: text(100),
  signature: withDefault(httpUrl(2000), null),
  note: optionalText(2000, { multiline: true }),
});

/** Mid-job: assigned and not yet resolved. */
function requireMidJob(request: HelpRequestRecord, what: string) {
  if (!TECHNICIAN_QUEUE_STATES.includes(request.state)) {
    throw new DomainError('CONFLICT', 'NOT_MID_JOB', `${what} is recorded while the work is under way`, {
      state: request.state,
      allowed: TECHNICIAN_QUEUE_STATES,
    });
  }
}

/** The request with `fieldWork` changed and a timeline entry (the state does not move). */
function noted(request: HelpRequestRecord, fieldWork: FieldWork, note: string, context: CommandContext) {
  return scheduled({
    ...request,
    fieldWork,
    timeline: [
      ...request.timeline,
      {
        at: context.now,
        actorId: context.actor.subject,
        actorRole: context.actor.role,
        from: request.state,
        to: request.state,
        note,
      },
    ],
  });
}

/** The first arrival, kept on the record (an SLA-clocked arrival also stops ON_SITE, `sla-moments.ts`). */
export const withArrival = (request: HelpRequestRecord, context: CommandContext): FieldWork => {
  const work = fieldWorkOf(request);
  return work.arrivedAt ? work : { ...work, arrivedAt: context.now, arrivedById: context.actor.subject };
};

/** An arrival at a request with no on-site clock: recorded once, `workorder.arrived.v1`. */
export function arriveWithoutClock(
  request: HelpRequestRecord,
  text: string | null,
  context: CommandContext,
): Decision<HelpRequestRecord> {
  if (fieldWorkOf(request).arrivedAt) {
    throw new DomainError('CONFLICT', 'ALREADY_ARRIVED', 'The arrival on site was already recorded', {
      arrivedAt: fieldWorkOf(request).arrivedAt!.toISOString(),
    });
  }
  const record = noted(
    request,
    withArrival(request, context),
    text ? `arrived on site: ${text}` : 'arrived on site',
    context,
  );
  return {
    record,
    events: [
      helpRequestEvent('workorder.arrived.v1', record, null, context, {
        arrivedAt: context.now.toISOString(),
      }),
    ],
  };
}

/** A work note mid-job, with the photos taken (links to attachments). */
export function recordWorkNote(request: HelpRequestRecord, input: unknown, context: CommandContext) {
  const valid = parseInput(workNoteInput, input);
  requireAssigneeOrSupervisor(context.actor, request, 'add work notes');
  requireMidJob(request, 'A work note');
  const work = fieldWorkOf(request);
  const notes = [
    ...work.notes,
    { at: context.now, byId: context.actor.subject, text: valid.note, photos: valid.photos },
  ];
  const suffix = valid.photos.length
    ? ` (${valid.photos.length} photo${valid.photos.length > 1 ? 's' : ''})`
    : '';
  const record = noted(request, { ...work, notes }, `work note${suffix}: ${valid.note}`, context);
  return {
    record,
    events: [
      helpRequestEvent('workorder.work_noted.v1', record, null, context, {
        photoCount: valid.photos.length,
        noteCount: notes.length,
      }),
    ],
  };
}

/** Parts used on the job: name, quantity and what they cost (optional, integer minor units). */
export function recordPartsUsed(request: HelpRequestRecord, input: unknown, context: CommandContext) {
  const valid = parseInput(partsInput, input);
  requireAssigneeOrSupervisor(context.actor, request, 'record parts used');
  requireMidJob(request, 'Parts used');
  const work = fieldWorkOf(request);
  const added = valid.parts.map((part) => ({ at: context.now, byId: context.actor.subject, ...part }));
  const listed = valid.parts.map((part) => `${part.quantity} × ${part.name}`).join(', ');
  const record = noted(
    request,
    { ...work, parts: [...work.parts, ...added] },
    `parts used: ${listed}`,
    context,
  );
  return {
    record,
    events: [
      helpRequestEvent('workorder.parts_used.v1', record, null, context, {
        parts: nonEmpty(valid.parts.map(({ name, quantity, cost }) => ({ name, quantity, cost }))),
      }),
    ],
  };
}

/**
 * The resident's sign-off of the resolved work, on site: their name and a signature attachment,
 * or their confirmation without one. Evidence for the office, not the confirmation of rule 7: the
 * person who did the work does not confirm it (the resident does, or the office records their
 * answer), so the state stays `RESOLVED`.
 */
export function recordSignOff(request: HelpRequestRecord, input: unknown, context: CommandContext) {
  const valid = parseInput(signOffInput, input);
  requireAssigneeOrSupervisor(context.actor, request, 'record the resident’s sign-off');
  if (request.state !== 'RESOLVED') {
    throw new DomainError('CONFLICT', 'NOT_RESOLVED', 'The sign-off is recorded once the work is resolved', {
      state: request.state,
    });
  }
  const work = fieldWorkOf(request);
  if (work.signOff) {
    throw new DomainError('CONFLICT', 'ALREADY_SIGNED_OFF', 'The resident already signed off this work', {
      at: work.signOff.at.toISOString(),
    });
  }
  const signOff = {
    at: context.now,
    recordedById: context.actor.subject,
    residentName: valid.residentName,
    signature: valid.signature,
    note: valid.note,
  };
  const how = valid.signature ? 'signed' : 'confirmed without signing';
  const record = noted(
    request,
    { ...work, signOff },
    `resident sign-off (${how})${valid.note ? `: ${valid.note}` : ''}`,
    context,
  );
  return {
    record,
    events: [
      helpRequestEvent('workorder.signed_off.v1', record, null, context, {
        signedOffAt: context.now.toISOString(),
        withSignature: valid.signature !== null,
      }),
    ],
  };
}
