import {
  domainEvent,
  DomainError,
  freeText,
  parseInput,
  requireStaffOf,
  type CommandContext,
  type Decision,
  type EventDataByType,
} from '@courtyard/kernel/domain';
import { z } from 'zod';
import { DISPATCH_ROLES, SUPERVISOR_ROLES } from './access.js';
import type { Category } from './catalogue.js';
import { ESCALATION_HOURS, WINDOW_MINUTES, type IncidentRuleRecord } from './incident-rules.js';
import type { IncidentRecord, IncidentReport } from './records.js';
import { ESCALATION_ROLES, TOP_LEVEL, type EscalationTarget } from './sla-breaches.js';

type IncidentEventType = Extract<keyof EventDataByType, `incident.${string}`>;
type CommonKeys =
  'incidentId' | 'propertyId' | 'category' | 'group' | 'grade' | 'state' | 'level' | 'actorId' | 'occurredAt';

/** One builder for the incident's events: the common fields from the record, the rest given. */
function incidentEvent<T extends IncidentEventType>(
  type: T,
  incident: IncidentRecord,
  details: Omit<EventDataByType[T], CommonKeys>,
  context: CommandContext,
) {
  const common = {
    incidentId: incident._id,
    propertyId: incident.propertyId,
    category: incident.category,
    group: incident.group,
    grade: incident.grade,
    state: incident.state,
    level: incident.escalationLevel,
    actorId: context.actor.subject,
    occurredAt: context.now.toISOString(),
  };
  return domainEvent(
    type,
    { id: incident._id, propertyId: incident.propertyId },
    { ...common, ...details } as EventDataByType[T],
    context,
  );
}

const hoursLater = (from: Date, hours: number) => new Date(from.getTime() + hours * 3_600_000);

/**
 * Raises an incident from the complaints that crossed the threshold, with its preliminary grade
 * and the deadline by which someone must take it (2 h, 3 h, 4 h by grade). It starts at the
 * bottom of the chain, the front desk that counted the complaints (一线客服).
 */
export function raiseIncident(
  burst: {
    id: string;
    propertyId: string;
    category: Category;
    rule: IncidentRuleRecord;
    helpRequestIds: string[];
    complaints: number;
    vipComplaints: number;
  },
  context: CommandContext,
): Decision<IncidentRecord> {
  const record: IncidentRecord = {
    _id: burst.id,
    version: 1,
    createdAt: context.now,
    propertyId: burst.propertyId,
    category: burst.category,
    group: burst.rule.group,
    grade: burst.rule.grade,
    state: 'RAISED',
    helpRequestIds: burst.helpRequestIds,
    complaints: burst.complaints,
    vipComplaints: burst.vipComplaints,
    raisedById: context.actor.subject,
    deadlineAt: hoursLater(context.now, ESCALATION_HOURS[burst.rule.grade]),
    escalationLevel: 0,
    escalation: null,
    escalationKeys: [],
    responsibleStaffId: null,
    takenAt: null,
    report: null,
    closedAt: null,
    closedById: null,
  };
  return {
    record,
    events: [
      incidentEvent(
        'incident.raised.v1',
        record,
        {
          helpRequestIds: record.helpRequestIds,
          complaints: record.complaints,
          vipComplaints: record.vipComplaints,
          windowMinutes: WINDOW_MINUTES,
          deadlineAt: record.deadlineAt!.toISOString(),
        },
        context,
      ),
    ],
  };
}

/** A later complaint of the same burst joins the open incident (null: it is already linked). */
export function linkRequest(
  incident: IncidentRecord,
  helpRequestId: string,
  _context: CommandContext,
): Decision<IncidentRecord> | null {
  if (incident.helpRequestIds.includes(helpRequestId)) return null;
  return { record: { ...incident, helpRequestIds: [...incident.helpRequestIds, helpRequestId] }, events: [] };
}

function requireOpen(incident: IncidentRecord): void {
  if (incident.state === 'CLOSED')
    throw new DomainError('CONFLICT', 'INCIDENT_CLOSED', `Incident ${incident._id} is closed`, {
      state: incident.state,
    });
}

/**
 * Someone of the office takes the incident (主要责任人): they are responsible for it from now on,
 * and the deadline stops (it is no longer escalated by time). Taken once.
 */
export function takeIncident(incident: IncidentRecord, context: CommandContext): Decision<IncidentRecord> {
  requireStaffOf(context.actor, incident.propertyId, DISPATCH_ROLES, 'take incidents');
  requireOpen(incident);
  if (incident.state === 'TAKEN')
    throw new DomainError('CONFLICT', 'INCIDENT_ALREADY_TAKEN', `Incident ${incident._id} is already taken`, {
      responsibleStaffId: incident.responsibleStaffId,
    });
  const record: IncidentRecord = {
    ...incident,
    state: 'TAKEN',
    responsibleStaffId: context.actor.subject,
    takenAt: context.now,
    deadlineAt: null,
  };
  return {
    record,
    events: [
      incidentEvent('incident.taken.v1', record, { responsibleStaffId: context.actor.subject }, context),
    ],
  };
}

// The kernel's free-text rule: line breaks kept, control and bidi-override characters refused.
const text = freeText(4000);
export const incidentReportInput = z.object({
  cause: text,
  customerExplanation: text,
  remediation: text,
});

/**
 * Closes a taken incident with its report: the cause, the one explanation every window gives
 * residents (解释口径) and the remediation of their losses (处理方案). Without all three it is
 * refused (`INCIDENT_REPORT_REQUIRED`, the missing fields in `details`); only its responsible
 * person, or a supervisor and above of the property, closes it.
 */
export function closeIncident(
  incident: IncidentRecord,
  report: unknown,
  context: CommandContext,
): Decision<IncidentRecord> {
  requireStaffOf(context.actor, incident.propertyId, DISPATCH_ROLES, 'close incidents');
  if (incident.responsibleStaffId !== context.actor.subject)
    requireStaffOf(context.actor, incident.propertyId, SUPERVISOR_ROLES, 'close an incident others took');
  requireOpen(incident);
  if (incident.state !== 'TAKEN')
    throw new DomainError('CONFLICT', 'INCIDENT_NOT_TAKEN', 'Take the incident before closing it', {
      state: incident.state,
    });
  const valid = parseReport(report);
  const record: IncidentRecord = {
    ...incident,
    state: 'CLOSED',
    report: valid,
    closedAt: context.now,
    closedById: context.actor.subject,
  };
  return {
    record,
    events: [
      incidentEvent(
        'incident.closed.v1',
        record,
        { ...valid, helpRequestIds: record.helpRequestIds },
        context,
      ),
    ],
  };
}

function parseReport(report: unknown): IncidentReport {
  try {
    return parseInput(incidentReportInput, report ?? {});
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new DomainError(
      'BAD_USER_INPUT',
      'INCIDENT_REPORT_REQUIRED',
      'Closing an incident needs its report: cause, customer-facing explanation and remediation',
      error.details,
    );
  }
}

/** One key per incident and level. */
export const escalationKey = (incidentId: string, level: number) => `${incidentId}:${level}`;

/** The level an untaken incident would go to next (null at the top). */
export const nextIncidentLevel = (incident: Pick<IncidentRecord, 'escalationLevel'>) =>
  incident.escalationLevel < TOP_LEVEL ? incident.escalationLevel + 1 : null;

/**
 * The scheduler's decision for an incident whose deadline has come (spec §2 rule 9, "escalated
 * like a request"): nobody took it, so it goes one level up the chain to the role's person on
 * duty, with the grade's time again as the new deadline (none at the top). Null when there is
 * nothing to do: taken or closed meanwhile, not due yet, or this level already done.
 */
export function escalateIncident(
  incident: IncidentRecord,
  target: EscalationTarget | null,
  context: CommandContext,
): Decision<IncidentRecord> | null {
  if (incident.state !== 'RAISED' && incident.state !== 'ESCALATED') return null;
  if (!incident.deadlineAt || incident.deadlineAt.getTime() > context.now.getTime()) return null;
  const level = nextIncidentLevel(incident);
  if (level === null || target === null) return null;
  const key = escalationKey(incident._id, level);
  if (incident.escalationKeys.includes(key)) return null;
  const role = ESCALATION_ROLES[level]!;
  const deadlineAt = level < TOP_LEVEL ? hoursLater(context.now, ESCALATION_HOURS[incident.grade]) : null;
  const record: IncidentRecord = {
    ...incident,
    state: 'ESCALATED',
    escalationLevel: level,
    escalation: { level, role, title: target.title, staffId: target.staffId, at: context.now },
    escalationKeys: [...incident.escalationKeys, key],
    deadlineAt,
  };
  return {
    record,
    events: [
      incidentEvent(
        'incident.escalated.v1',
        record,
        {
          escalatedTo: role,
          title: target.title,
          responsibleStaffId: target.staffId,
          deadlineAt: deadlineAt?.toISOString() ?? null,
        },
        context,
      ),
    ],
  };
}
