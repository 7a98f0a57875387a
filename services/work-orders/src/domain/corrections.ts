import {
  DomainError,
  freeText,
  httpUrl,
  parseInput,
  requireStaffOf,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { z } from 'zod';
import { DISPATCH_ROLES, requireNotInspector } from './access.js';
import {
  CATEGORY_CODES,
  COMPLAINT_SEVERITIES,
  COMPLAINT_TIERS,
  CONSULTATION_MODES,
  FAULT_COMPLEXITIES,
  HELP_REQUEST_TYPES,
  type Category,
} from './catalogue.js';
import { helpRequestEvent } from './help-request.events.js';
import type { CorrectedField, HelpRequestRecord, PropertyRecord } from './records.js';
import { correctedClocks, termsKeptBy } from './sla-correction.js';
import { scheduled } from './sla-terms.js';

/**
 * A correction of what intake recorded (issue 19: the front desk fixes a mis-recorded category,
 * type, severity, tier or the attachments). Every field left out stays as it is; the reason is
 * required and goes on the timeline; the SLA clocks follow (`sla-correction.ts`).
 */
export const correctInput = z.object({
  reason: freeText(2000),
  type: z.enum(HELP_REQUEST_TYPES).nullish(),
  category: z.enum(CATEGORY_CODES as [Category, ...Category[]]).nullish(),
  complaintSeverity: z.enum(COMPLAINT_SEVERITIES).nullish(),
  complaintTier: z.enum(COMPLAINT_TIERS).nullish(),
  consultationMode: z.enum(CONSULTATION_MODES).nullish(),
  faultComplexity: z.enum(FAULT_COMPLEXITIES).nullish(),
  urgent: z.boolean().nullish(),
  attachments: z.array(httpUrl(2000)).max(20).nullish(),
});

/** The fields a correction may change, in the order they are reported. */
const CORRECTABLE = [
  'type',
  'category',
  'complaintSeverity',
  'complaintTier',
  'consultationMode',
  'faultComplexity',
  'urgent',
] as const;
type Correctable = Pick<HelpRequestRecord, (typeof CORRECTABLE)[number]>;

const FINISHED = ['CLOSED', 'REFERRED'] as const;
const asText = (value: string | boolean | null) => (value === null ? null : String(value));

export function correct(
  request: HelpRequestRecord,
  input: unknown,
  property: PropertyRecord,
  context: CommandContext,
): Decision<HelpRequestRecord> {
  const valid = parseInput(correctInput, input);
  requireNotInspector(context.actor);
  requireStaffOf(context.actor, request.propertyId, DISPATCH_ROLES, 'correct requests');
  if ((FINISHED as readonly string[]).includes(request.state))
    throw new DomainError('CONFLICT', 'REQUEST_FINISHED', `A ${request.state} request is not corrected`);

  const type = valid.type ?? request.type;
  // Fields that belong to another type go when the type changes (a complaint's tier on a repair).
  const next: Correctable = {
    type,
    category: valid.category ?? request.category,
    complaintSeverity: type === 'COMPLAINT' ? (valid.complaintSeverity ?? request.complaintSeverity) : null,
    complaintTier: type === 'COMPLAINT' ? (valid.complaintTier ?? request.complaintTier) : null,
    consultationMode: type === 'CONSULTATION' ? (valid.consultationMode ?? request.consultationMode) : null,
    faultComplexity: valid.faultComplexity ?? request.faultComplexity,
    urgent: valid.urgent ?? request.urgent,
  };
  const missing = [
    ...(type === 'COMPLAINT' && !next.complaintSeverity ? ['complaintSeverity'] : []),
    ...(type === 'CONSULTATION' && !next.consultationMode ? ['consultationMode'] : []),
  ];
  if (missing.length > 0)
    throw new DomainError(
      'BAD_USER_INPUT',
      'CORRECTION_INCOMPLETE',
      `A ${type} needs ${missing.join(', ')}`,
      {
        fields: missing,
      },
    );

  const attachments = valid.attachments ?? request.attachments;
  const changes: CorrectedField[] = CORRECTABLE.filter((field) => next[field] !== request[field]).map(
    (field) => ({ field, from: asText(request[field]), to: asText(next[field]) }),
  );
  // Attachments are links to photos: the change says how many, the request keeps the links.
  if (JSON.stringify(attachments) !== JSON.stringify(request.attachments))
    changes.push({
      field: 'attachments',
      from: String(request.attachments.length),
      to: String(attachments.length),
    });
  const [first, ...rest] = changes;
  if (!first) throw new DomainError('BAD_USER_INPUT', 'NOTHING_TO_CORRECT', 'The correction changes nothing');

  const { rules, calendar } = termsKeptBy(request, property);
  const sla = correctedClocks({ ...request, ...next }, next, rules, calendar, context.now);
  const summary = changes.map((c) => `${c.field} ${c.from ?? '—'} → ${c.to ?? '—'}`).join(', ');
  const record = scheduled({
    ...request,
    ...next,
    ...sla,
    attachments,
    corrections: [
      ...(request.corrections ?? []),
      {
        at: context.now,
        byId: context.actor.subject,
        byRole: context.actor.role,
        reason: valid.reason,
        changes,
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
        note: `corrected: ${summary}; reason: ${valid.reason}`,
      },
    ],
  });
  return {
    record,
    events: [
      helpRequestEvent('workorder.corrected.v1', record, null, context, {
        reason: valid.reason,
        changes: [first, ...rest],
        firstReplyDueAt: record.firstReplyDueAt.toISOString(),
        onSiteDueAt: record.onSiteDueAt?.toISOString() ?? null,
        slaRule: record.slaRule,
      }),
    ],
  };
}
