import {
  STAFF_AND_RESIDENTS,
  STAFF_ROLES,
  type AccessRule,
  type AccessRules,
  type Role,
} from '@courtyard/kernel';
import { DISPATCH_ROLES, HANDLERS, INTAKE_ROLES, STAFF_ADMIN_ROLES } from '../domain/access.js';

const RESIDENT_OR_OFFICE: readonly Role[] = ['RESIDENT', ...DISPATCH_ROLES];
const WORK: AccessRule = { allow: HANDLERS, then: 'an assignee, or a supervisor and above of its property' };
const RESIDENT_ANSWER: AccessRule = {
  allow: RESIDENT_OR_OFFICE,
  then: 'the requester, or office staff of its property',
};
const OFFICE: AccessRule = { allow: DISPATCH_ROLES, then: 'staff of its property' };
const INSPECTION: AccessRule = { allow: ['QUALITY_INSPECTOR'] };
const STAFF_RECORDS: AccessRule = {
  allow: STAFF_ADMIN_ROLES,
  then: 'acts for every property the staff member serves',
};

/**
 * Who may call each work-orders field (spec §7, issue 4's rules). The gate runs in the kernel
 * before the resolver; `then` names what the domain checks on the request it loads.
 */
export const accessRules: AccessRules = {
  Query: {
    helpRequest: {
      allow: [...STAFF_AND_RESIDENTS, 'PARTNER'],
      then: 'staff of its property, the requester, or whoever recorded it; confidential: the involved and supervisors',
    },
    helpRequestByNumber: { allow: STAFF_AND_RESIDENTS, scope: 'propertyId', then: 'as helpRequest' },
    helpRequests: {
      allow: STAFF_AND_RESIDENTS,
      scope: 'filter.propertyId',
      then: 'only what the caller may read',
    },
    helpRequestsByPhoneSuffix: {
      allow: STAFF_ROLES,
      scope: 'propertyId',
      then: 'only what the caller may read',
    },
    technicianQueue: { allow: STAFF_ROLES, then: 'only what the caller may read' },
    frontDeskBoard: { allow: STAFF_ROLES, scope: 'propertyId', then: 'counts only what the caller may read' },
    slaReport: { allow: STAFF_ROLES, scope: 'filter.propertyId', then: 'only what the caller may read' },
    escalatedToMe: { allow: STAFF_ROLES, then: 'only what the caller may read' },
    incident: { allow: STAFF_ROLES, then: 'staff of its property; inspectors every one' },
    incidents: { allow: STAFF_ROLES, scope: 'filter.propertyId' },
    incidentsEscalatedToMe: { allow: STAFF_ROLES, then: 'only what the caller may read' },
    incidentRules: { allow: STAFF_ROLES, scope: 'propertyId' },
    helpRequestRegister: {
      allow: STAFF_ROLES,
      scope: 'propertyId',
      then: 'only what the caller may read; the CSV for office staff of the property',
    },
    registerJobRuns: { allow: STAFF_ADMIN_ROLES, then: 'the registers of the caller’s properties' },
    slaReportsDue: { allow: STAFF_ROLES, scope: 'propertyId', then: 'figures of what the caller may read' },
    slaPolicies: { allow: STAFF_ROLES, scope: 'propertyId' },
    workingCalendar: { allow: STAFF_ROLES, scope: 'propertyId' },
    staff: { allow: STAFF_ROLES },
    staffAtProperty: { allow: STAFF_ROLES, scope: 'propertyId' },
    // Front desk and office (issue 19): a desk tool, like the phone-suffix lookup.
    searchHelpRequests: { allow: STAFF_ROLES, scope: 'propertyId', then: 'only what the caller may read' },
    todaysWork: {
      allow: STAFF_ROLES,
      then: 'a technician their own; other staff the staff of their properties; only requests the caller may read',
    },
  },
  Mutation: {
    recordHelpRequest: { allow: INTAKE_ROLES, scope: 'input.propertyId' },
    acknowledgeHelpRequest: { allow: DISPATCH_ROLES, then: 'staff of its property' },
    acceptHelpRequest: {
      allow: DISPATCH_ROLES,
      then: 'a registered staff member of its property; unowned requests only',
    },
    assignHelpRequest: { allow: DISPATCH_ROLES, then: 'staff of its property' },
    startHelpRequestWork: WORK,
    holdHelpRequestForParts: WORK,
    resumeHelpRequestWork: WORK,
    resolveHelpRequest: WORK,
    rejectHelpRequestFix: RESIDENT_ANSWER,
    confirmHelpRequestResolution: RESIDENT_ANSWER,
    recordHelpRequestNoResponse: OFFICE,
    recordHelpRequestFollowUp: OFFICE,
    closeHelpRequest: {
      allow: HANDLERS,
      then: 'who holds it now (its owner, or whoever it was handed over to), or office staff and supervisors of its property',
    },
    referHelpRequest: {
      allow: HANDLERS,
      then: 'who holds it now (its owner, or whoever it was handed over to), or supervisors and above of its property',
    },
    escalateHelpRequest: { allow: [...DISPATCH_ROLES, 'TECHNICIAN'], then: 'staff of its property' },
    recordHelpRequestInspection: INSPECTION,
    recordHelpRequestFirstReply: { allow: [...DISPATCH_ROLES, 'TECHNICIAN'], then: 'staff of its property' },
    recordHelpRequestArrival: WORK,
    recordHelpRequestFeedback: { allow: [...DISPATCH_ROLES, 'TECHNICIAN'], then: 'staff of its property' },
    recordHelpRequestWrittenReply: {
      allow: DISPATCH_ROLES,
      then: 'office staff of its property; the director when it touches company policy',
    },
    createSlaPolicyVersion: { allow: STAFF_ADMIN_ROLES, scope: 'input.propertyId' },
    publishSlaPolicyVersion: { allow: STAFF_ADMIN_ROLES, scope: 'input.propertyId' },
    setWorkingCalendarDay: { allow: STAFF_ADMIN_ROLES, scope: 'input.propertyId' },
    setIncidentRules: { allow: STAFF_ADMIN_ROLES, scope: 'input.propertyId' },
    takeIncident: { allow: DISPATCH_ROLES, then: 'office staff of its property' },
    closeIncident: {
      allow: DISPATCH_ROLES,
      then: 'the one responsible for it, or supervisors and above of its property',
    },
    registerStaff: { allow: STAFF_ADMIN_ROLES, then: 'acts for every property the staff member serves' },
    // A resident's own requests (issue 19): the home comes from their household, never the input.
    submitHelpRequest: { allow: ['RESIDENT'], then: 'for the unit the resident’s household lives in' },
    addHelpRequestComment: { allow: ['RESIDENT'], then: 'the requester, on their open request' },
    withdrawHelpRequest: {
      allow: RESIDENT_OR_OFFICE,
      then: 'the requester, or office staff of its property; before the work starts',
    },
    // Front desk and office (issue 19).
    correctHelpRequest: { allow: DISPATCH_ROLES, then: 'office staff of its property' },
    raiseHelpRequestComplaintTier: {
      allow: DISPATCH_ROLES,
      then: 'office staff of its property; an appeal: supervisors and above',
    },
    handOverHelpRequest: {
      allow: HANDLERS,
      then: 'who holds it now, or supervisors and above of its property; only to a leader or, the leader absent, a colleague in charge',
    },
    // Issue 19: managers keep staff records; the people doing the work record it on site.
    updateStaff: {
      allow: STAFF_ADMIN_ROLES,
      then: 'acts for every property the staff member serves, before and after',
    },
    changeStaffShift: STAFF_RECORDS,
    grantStaffLeave: STAFF_RECORDS,
    cancelStaffLeave: STAFF_RECORDS,
    recordHelpRequestWorkNote: WORK,
    recordHelpRequestPartsUsed: WORK,
    recordHelpRequestSignOff: WORK,
    // Deprecated names: the same rules as the fields that replace them.
    startWork: WORK,
    waitForParts: WORK,
    resumeWork: WORK,
    rejectFix: RESIDENT_ANSWER,
    confirmResolution: RESIDENT_ANSWER,
    recordNoResponse: OFFICE,
    recordFollowUp: OFFICE,
    recordInspection: INSPECTION,
  },
};
