import {
  domainEvent,
  DomainError,
  notFound,
  parseInput,
  requireRole,
  requireStaffOf,
  type CloudEvent,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { EDITORS, FAULT_REPORTERS, STATUS_CHANGERS } from './access.js';
import {
  REPAIR_CATEGORY,
  repairIsUrgent,
  statusAfterFault,
  type FacilityStatus,
  type FaultComplexity,
  type FaultSource,
} from './catalogue.js';
import {
  changeFacilityStatusInput,
  registerFacilityInput,
  reportFacilityFaultInput,
  reportSharedFacilityFaultInput,
  retireFacilityInput,
} from './inputs.js';
import type { FacilityRecord, FaultRecord, StatusChangeRecord } from './records.js';

/** One pure function per command: input, records, caller, time and ids in; the record and its events out. */
export function registerFacility(input: unknown, context: CommandContext): Decision<FacilityRecord> {
  const valid = parseInput(registerFacilityInput, input);
  requireStaffOf(context.actor, valid.propertyId, EDITORS, 'register facilities');
  const first: StatusChangeRecord = {
    at: context.now,
    status: 'OPERATING',
    previousStatus: null,
    reason: 'registered',
    actorId: context.actor.subject,
    faultId: null,
  };
  const record: FacilityRecord = {
    _id: context.newId(),
    version: 1,
    createdAt: context.now,
    ...valid,
    status: 'OPERATING',
    statusHistory: [first],
    openFault: null,
    closedFaults: [],
  };
  return {
    record,
    events: [
      domainEvent(
        'facility.registered.v1',
        { id: record._id, propertyId: record.propertyId },
        {
          facilityId: record._id,
          propertyId: record.propertyId,
          buildingId: record.buildingId,
          area: record.area,
          name: record.name,
          type: record.type,
          assetTag: record.assetTag,
          criticality: record.criticality,
          status: record.status,
          registeredAt: context.now.toISOString(),
        },
        context,
      ),
    ],
  };
}

/** The next history entry: never earlier than the last one (a remote clock may lag ours). */
function nextChange(
  facility: FacilityRecord,
  status: FacilityStatus,
  reason: string,
  faultId: string | null,
  context: CommandContext,
  at: Date = context.now,
): StatusChangeRecord {
  const last = facility.statusHistory.at(-1);
  const when = last && last.at.getTime() > at.getTime() ? last.at : at;
  return {
    at: when,
    status,
    previousStatus: facility.status,
    reason,
    actorId: context.actor.subject,
    faultId,
  };
}

function statusChanged(
  facility: FacilityRecord,
  change: StatusChangeRecord,
  context: CommandContext,
): CloudEvent {
  return domainEvent(
    'facility.status_changed.v1',
    { id: facility._id, propertyId: facility.propertyId },
    {
      facilityId: facility._id,
      propertyId: facility.propertyId,
      type: facility.type,
      criticality: facility.criticality,
      status: change.status,
      previousStatus: change.previousStatus ?? facility.status,
      reason: change.reason,
      faultId: change.faultId,
      actorId: change.actorId,
      occurredAt: change.at.toISOString(),
    },
    context,
  );
}

function withStatus(
  facility: FacilityRecord,
  change: StatusChangeRecord,
  context: CommandContext,
  rest: Partial<FacilityRecord> = {},
): Decision<FacilityRecord> {
  const record: FacilityRecord = {
    ...facility,
    ...rest,
    status: change.status,
    statusHistory: [...facility.statusHistory, change],
  };
  return { record, events: [statusChanged(facility, change, context)] };
}

function requireNotRetired(facility: FacilityRecord): void {
  if (facility.status === 'RETIRED')
    throw new DomainError('CONFLICT', 'FACILITY_RETIRED', 'The facility is retired', { id: facility._id });
}

function requireNoOpenFault(facility: FacilityRecord, what: string): void {
  if (facility.openFault)
    throw new DomainError(
      'CONFLICT',
      'FAULT_OPEN',
      `A fault is open on this facility; it closes when its repair is resolved, so you may not ${what}`,
      { id: facility._id, faultId: facility.openFault._id },
    );
}

/**
 * A status change by hand, with its reason. Back to OPERATING only once no fault is open: the
 * repair that resolves the fault brings it back (and closes the downtime).
 */
export function changeFacilityStatus(
  facility: FacilityRecord,
  input: unknown,
  context: CommandContext,
): Decision<FacilityRecord> {
  const valid = parseInput(changeFacilityStatusInput, input);
  requireStaffOf(context.actor, facility.propertyId, STATUS_CHANGERS, 'change facility status');
  requireNotRetired(facility);
  if (valid.status === facility.status)
    throw new DomainError('CONFLICT', 'STATUS_UNCHANGED', `The facility is already ${facility.status}`);
  if (valid.status === 'OPERATING') requireNoOpenFault(facility, 'set it OPERATING');
  return withStatus(facility, nextChange(facility, valid.status, valid.reason, null, context), context);
}

export function retireFacility(
  facility: FacilityRecord,
  input: unknown,
  context: CommandContext,
): Decision<FacilityRecord> {
  const valid = parseInput(retireFacilityInput, input);
  requireStaffOf(context.actor, facility.propertyId, EDITORS, 'retire facilities');
  requireNotRetired(facility);
  requireNoOpenFault(facility, 'retire it');
  return withStatus(facility, nextChange(facility, 'RETIRED', valid.reason, null, context), context);
}

export interface FaultReportDecision extends Decision<FacilityRecord> {
  fault: FaultRecord;
  /** True when the report was linked to the fault already open (no new repair is requested). */
  linked: boolean;
}

/** What a fault report says, whoever made it: the source and reporter are decided by the caller's command. */
export interface FaultReportInput {
  description: string;
  complexity: FaultComplexity;
  source: FaultSource;
  reportedBy: string;
  contactPhone: string | null;
}

/**
 * A fault sets the facility's status (DOWN, or DEGRADED for a general fault on a normal or low
 * criticality facility) and asks work-orders for a repair (`facility.fault_reported.v1`). A report
 * while a fault is open is linked to it: no status change, no event, so no second repair.
 */
export function reportFacilityFault(
  facility: FacilityRecord,
  input: unknown,
  context: CommandContext,
): FaultReportDecision {
  const valid = parseInput(reportFacilityFaultInput, input);
  requireStaffOf(context.actor, facility.propertyId, FAULT_REPORTERS, 'report faults');
  // A partner's report is a partner's, whatever it claims; it is recorded under its partner id.
  const byPartner = context.actor.role === 'PARTNER';
  return openOrLinkFault(
    facility,
    {
      ...valid,
      source: byPartner ? 'PARTNER' : valid.source,
      reportedBy: byPartner
        ? `${context.actor.partnerId ?? context.actor.subject}: ${valid.reportedBy}`.slice(0, 100)
        : valid.reportedBy,
    },
    context,
  );
}

/**
 * A resident reports a fault in a shared facility of a property they live at (`livesThere`, from
 * the residency projection; a facility elsewhere was already NOT_FOUND). Recorded with source
 * RESIDENT under the resident's id; the front desk classifies it, so it opens as GENERAL.
 */
export function reportSharedFacilityFault(
  facility: FacilityRecord,
  input: unknown,
  livesThere: boolean,
  context: CommandContext,
): FaultReportDecision {
  const valid = parseInput(reportSharedFacilityFaultInput, input);
  requireRole(context.actor, ['RESIDENT'], 'report a shared facility fault as a resident');
  // Elsewhere it is reported exactly like a missing facility: an answer reveals nothing.
  if (!livesThere || !context.actor.residentId) return notFound('Facility', facility._id);
  return openOrLinkFault(
    facility,
    {
      description: valid.description,
      complexity: 'GENERAL',
      source: 'RESIDENT',
      reportedBy: context.actor.residentId,
      contactPhone: valid.contactPhone,
    },
    context,
  );
}

/** The one fault path: staff, residents, partners and inspections all land here. */
export function openOrLinkFault(
  facility: FacilityRecord,
  valid: FaultReportInput,
  context: CommandContext,
): FaultReportDecision {
  requireNotRetired(facility);
  const { source, reportedBy } = valid;
  const report = { at: context.now, source, reportedBy, description: valid.description };
  if (facility.openFault) {
    const fault = { ...facility.openFault, reports: [...facility.openFault.reports, report] };
    return { record: { ...facility, openFault: fault }, events: [], fault, linked: true };
  }
  const status = statusAfterFault(facility.criticality, valid.complexity);
  const fault: FaultRecord = {
    _id: context.newId(),
    reportedAt: context.now,
    description: valid.description,
    complexity: valid.complexity,
    source,
    reportedBy,
    contactPhone: valid.contactPhone,
    reports: [report],
    status,
    closedAt: null,
    closedByHelpRequestId: null,
  };
  const reported = domainEvent(
    'facility.fault_reported.v1',
    { id: facility._id, propertyId: facility.propertyId },
    {
      faultId: fault._id,
      facilityId: facility._id,
      propertyId: facility.propertyId,
      buildingId: facility.buildingId,
      area: facility.area,
      facilityName: facility.name,
      facilityType: facility.type,
      assetTag: facility.assetTag,
      category: REPAIR_CATEGORY[facility.type],
      description: fault.description,
      complexity: fault.complexity,
      source: fault.source,
      reportedBy: fault.reportedBy,
      contactPhone: fault.contactPhone,
      urgent: repairIsUrgent(facility.criticality),
      status,
      reportedAt: context.now.toISOString(),
    },
    context,
  );
  if (facility.status === status) {
    return { record: { ...facility, openFault: fault }, events: [reported], fault, linked: false };
  }
  const change = nextChange(
    facility,
    status,
    `fault: ${fault.description}`.slice(0, 1000),
    fault._id,
    context,
  );
  const decided = withStatus(facility, change, context, { openFault: fault });
  return { ...decided, events: [reported, ...decided.events], fault, linked: false };
}

export interface RepairResolved {
  faultId: string;
  helpRequestId: string;
  number: string;
  /** When work-orders resolved it: the downtime ends then, not when this service heard of it. */
  resolvedAt: Date;
}

/**
 * The repair of the open fault was resolved in work-orders: the fault closes and the facility is
 * OPERATING again (a retired one stays retired). Anything else (no fault open, another fault)
 * decides nothing: `null`.
 */
export function closeFaultOnRepair(
  facility: FacilityRecord,
  repair: RepairResolved,
  context: CommandContext,
): Decision<FacilityRecord> | null {
  const open = facility.openFault;
  if (!open || open._id !== repair.faultId) return null;
  const change = nextChange(
    facility,
    'OPERATING',
    `repair ${repair.number} resolved`,
    open._id,
    context,
    repair.resolvedAt,
  );
  const closed: FaultRecord = { ...open, closedAt: change.at, closedByHelpRequestId: repair.helpRequestId };
  const rest = { openFault: null, closedFaults: [...facility.closedFaults, closed] };
  if (facility.status === 'RETIRED' || facility.status === 'OPERATING')
    return { record: { ...facility, ...rest }, events: [] };
  return withStatus(facility, change, context, rest);
}
