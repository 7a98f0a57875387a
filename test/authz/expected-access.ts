import type { Role } from '@courtyard/kernel';

/**
 * Who may call each root operation of the supergraph at all, for a resource in their own scope
 * (spec §7, issue 9): "a resident sees only their own household, requests, bills and surveys;
 * staff see only their properties; quality inspectors read everything and change nothing but
 * inspections; fee administrators alone change fee schedules". Record-level rules (whose
 * request, which property) come after this gate and are tested elsewhere.
 *
 * Written out by hand, not imported from the services' role lists: the table is the contract
 * the code is checked against, so a change to the code must not change it silently.
 *
 * SYSTEM (service to service) may call everything and is not listed. PARTNER entries say what a
 * partner may reach through its persisted operations; sent free-form, every partner call is
 * refused (see FREE_FORM_REFUSED). Fee administrators are staff of their property for reads, and
 * alone change the fee schedules and issue the bills of billing (spec §4).
 */
const RESIDENT: Role = 'RESIDENT';
const PARTNER: Role = 'PARTNER';
const QUALITY_INSPECTOR: Role = 'QUALITY_INSPECTOR';
const FEE_ADMINISTRATOR: Role = 'FEE_ADMINISTRATOR';

/** The staff of a property, each of whom reads its records. */
const STAFF: readonly Role[] = [
  'FRONT_DESK',
  'TECHNICIAN',
  'SERVICE_SUPERVISOR',
  'OFFICE_DIRECTOR',
  'GENERAL_MANAGER',
  QUALITY_INSPECTOR,
  FEE_ADMINISTRATOR,
];
/**
 * Staff who may execute or own a request: anyone who takes a call owns it (首问制, spec §2
 * rule 1) and anyone qualified may be assigned; never quality inspectors (服务、监督两条线).
 */
const EXECUTORS = STAFF.filter((role) => role !== QUALITY_INSPECTOR);
/** The management office: records the estate's people, dispatches, talks to residents. */
const OFFICE: readonly Role[] = ['FRONT_DESK', 'SERVICE_SUPERVISOR', 'OFFICE_DIRECTOR', 'GENERAL_MANAGER'];
const SUPERVISORS: readonly Role[] = ['SERVICE_SUPERVISOR', 'OFFICE_DIRECTOR', 'GENERAL_MANAGER'];
const DIRECTORS: readonly Role[] = ['OFFICE_DIRECTOR', 'GENERAL_MANAGER'];

export const EXPECTED_ACCESS: Readonly<Record<string, readonly Role[]>> = {
  // Residents reach their own home through resident(id) / household(id); estate lookups and
  // property-wide lists are staff tools.
  'Query.property': STAFF,
  'Query.propertyByCode': STAFF,
  'Query.properties': STAFF,
  'Query.building': STAFF,
  'Query.unit': STAFF,
  'Query.units': STAFF,
  'Query.resident': [...STAFF, RESIDENT],
  'Query.residents': STAFF,
  'Query.household': [...STAFF, RESIDENT],
  // Who read whose personal data: the office's management and the inspectors auditing it.
  'Query.piiAccessLog': [...DIRECTORS, QUALITY_INSPECTOR],
  // A resident's own record (issue 19); staff read residents by id.
  'Query.me': [RESIDENT],

  // A hotline partner follows up the requests it filed (through its persisted operation).
  'Query.helpRequest': [...STAFF, RESIDENT, PARTNER],
  'Query.helpRequestByNumber': [...STAFF, RESIDENT],
  'Query.helpRequests': [...STAFF, RESIDENT],
  // Looking a caller up by phone digits is a desk tool; for a resident it would be a probe.
  'Query.helpRequestsByPhoneSuffix': STAFF,
  // The front desk's search (issue 19): a staff tool too (phone digits, every criterion).
  'Query.searchHelpRequests': STAFF,
  'Query.technicianQueue': STAFF,
  'Query.frontDeskBoard': STAFF,
  'Query.staff': STAFF,
  'Query.staffAtProperty': STAFF,
  // SLA policies and working calendars (issue 18): staff read them; directors and above change them.
  'Query.escalatedToMe': STAFF,
  'Query.slaReport': STAFF,
  'Query.slaPolicies': STAFF,
  'Query.workingCalendar': STAFF,
  // Burst incidents (issue 18, seed 001-G): the property's staff read them, inspectors every one;
  // the office takes and closes them (closing: the one responsible, or supervisors and above).
  'Query.incident': STAFF,
  'Query.incidents': STAFF,
  'Query.incidentsEscalatedToMe': STAFF,
  'Query.incidentRules': STAFF,
  'Mutation.setIncidentRules': DIRECTORS,
  'Mutation.takeIncident': OFFICE,
  'Mutation.closeIncident': OFFICE,
  // The help-request register and the periodic SLA reports (issue 18): staff of the property read
  // them (the register's CSV only office staff, checked on the field); directors and above see
  // the register job's runs.
  'Query.helpRequestRegister': STAFF,
  'Query.registerJobRuns': DIRECTORS,
  'Query.slaReportsDue': STAFF,

  'Mutation.createProperty': ['GENERAL_MANAGER'],
  'Mutation.createBuilding': SUPERVISORS,
  'Mutation.createUnit': SUPERVISORS,
  'Mutation.registerResident': OFFICE,
  'Mutation.moveIn': OFFICE,
  // A resident keeps their own contact details current; the office keeps the archive (seed 003).
  'Mutation.updateResidentContactDetails': [RESIDENT],
  'Mutation.updateResident': OFFICE,
  'Mutation.moveOut': OFFICE,

  // Anyone who takes a call records it; a hotline partner files requests too.
  'Mutation.recordHelpRequest': [...EXECUTORS, PARTNER],
  // A resident's own request from the app: submitted and commented on by residents only; the
  // front desk may record a withdrawal for a resident who calls.
  'Mutation.submitHelpRequest': [RESIDENT],
  'Mutation.addHelpRequestComment': [RESIDENT],
  'Mutation.withdrawHelpRequest': [...OFFICE, RESIDENT],
  'Mutation.acknowledgeHelpRequest': OFFICE,
  // A partner's request waits unowned until a registered staff member of the office accepts it.
  'Mutation.acceptHelpRequest': OFFICE,
  'Mutation.assignHelpRequest': OFFICE,
  // The assignee works the request (any qualified staff member); supervisors act for them.
  'Mutation.startHelpRequestWork': EXECUTORS,
  'Mutation.holdHelpRequestForParts': EXECUTORS,
  'Mutation.resumeHelpRequestWork': EXECUTORS,
  'Mutation.rejectHelpRequestFix': [...OFFICE, RESIDENT],
  'Mutation.confirmHelpRequestResolution': [...OFFICE, RESIDENT],
  'Mutation.recordHelpRequestNoResponse': OFFICE,
  'Mutation.recordHelpRequestFollowUp': OFFICE,
  'Mutation.recordHelpRequestInspection': [QUALITY_INSPECTOR],
  // The moments that stop SLA clocks (issue 18): whoever gave the reply, came on site, wrote back.
  'Mutation.recordHelpRequestFirstReply': [...OFFICE, 'TECHNICIAN'],
  'Mutation.recordHelpRequestArrival': EXECUTORS,
  'Mutation.recordHelpRequestFeedback': [...OFFICE, 'TECHNICIAN'],
  'Mutation.recordHelpRequestWrittenReply': OFFICE,
  // Deprecated names of the fields above (issue 16): the same access.
  'Mutation.startWork': EXECUTORS,
  'Mutation.waitForParts': EXECUTORS,
  'Mutation.resumeWork': EXECUTORS,
  'Mutation.resolveHelpRequest': EXECUTORS,
  // The requester answers for themself; the office records an answer given by phone.
  'Mutation.rejectFix': [...OFFICE, RESIDENT],
  'Mutation.confirmResolution': [...OFFICE, RESIDENT],
  'Mutation.recordNoResponse': OFFICE,
  'Mutation.recordFollowUp': OFFICE,
  // The owner (whoever took the call) closes or refers; supervisors and the office for them.
  'Mutation.closeHelpRequest': EXECUTORS,
  'Mutation.referHelpRequest': EXECUTORS,
  'Mutation.escalateHelpRequest': [...OFFICE, 'TECHNICIAN'],
  // Front desk and office (issue 19): the office corrects and raises a complaint's tier; whoever
  // holds a request may hand it over (首问制, seed 004), never an inspector.
  'Mutation.correctHelpRequest': OFFICE,
  'Mutation.raiseHelpRequestComplaintTier': OFFICE,
  'Mutation.handOverHelpRequest': EXECUTORS,
  'Mutation.recordInspection': [QUALITY_INSPECTOR],
  'Mutation.createSlaPolicyVersion': DIRECTORS,
  'Mutation.publishSlaPolicyVersion': DIRECTORS,
  'Mutation.setWorkingCalendarDay': DIRECTORS,
  'Mutation.registerStaff': DIRECTORS,
  // Issue 19: managers keep staff records (the same as who registers them); a technician's day
  // is read by staff (a technician only their own, checked after the gate); the people doing the
  // work record notes, parts and the resident's sign-off (assignees, supervisors for them).
  'Mutation.updateStaff': DIRECTORS,
  'Mutation.changeStaffShift': DIRECTORS,
  'Mutation.grantStaffLeave': DIRECTORS,
  'Mutation.cancelStaffLeave': DIRECTORS,
  'Query.todaysWork': STAFF,
  'Mutation.recordHelpRequestWorkNote': EXECUTORS,
  'Mutation.recordHelpRequestPartsUsed': EXECUTORS,
  'Mutation.recordHelpRequestSignOff': EXECUTORS,

  // Facilities (issue 20): staff of the property read them, inspectors every property's.
  'Query.facility': STAFF,
  'Query.facilities': STAFF,
  'Query.facilityAvailability': STAFF,
  // The office registers and retires; technicians also change status (tests, faults they find).
  'Mutation.registerFacility': OFFICE,
  'Mutation.changeFacilityStatus': [...OFFICE, 'TECHNICIAN'],
  'Mutation.retireFacility': OFFICE,
  // Any executing staff member reports a fault; inspectors will through their inspection rounds.
  // The smart-building vendor's sensors report through their persisted operation.
  'Mutation.reportFacilityFault': [...EXECUTORS, PARTNER],
  // Service partners (维保单位), meters and inspection rounds: read by the property's staff.
  'Query.servicePartner': STAFF,
  'Query.servicePartners': STAFF,
  'Query.meter': STAFF,
  'Query.meters': STAFF,
  'Query.facilityInspection': STAFF,
  'Query.facilityInspections': STAFF,
  // The office signs partners and registers meters; whoever reads meters records readings
  // (fee administrators bill them), technicians fit replacements.
  'Mutation.registerServicePartner': OFFICE,
  'Mutation.addServiceContract': OFFICE,
  'Mutation.registerMeter': OFFICE,
  'Mutation.recordMeterReading': [...OFFICE, 'TECHNICIAN', FEE_ADMINISTRATOR],
  'Mutation.replaceMeter': [...OFFICE, 'TECHNICIAN'],
  // Inspection rounds are what quality inspectors change; technicians on patrol record them too.
  'Mutation.recordFacilityInspection': [...OFFICE, 'TECHNICIAN', QUALITY_INSPECTOR],
  // A resident reports a broken shared facility of the property they live at, from the app.
  'Mutation.reportSharedFacilityFault': [RESIDENT],
  // Preventive maintenance: staff read plans and tasks (inspectors every property's); the office
  // plans and assigns; the office and technicians record a task done, with its evidence.
  'Query.maintenancePlan': STAFF,
  'Query.maintenancePlans': STAFF,
  'Query.maintenanceTask': STAFF,
  'Query.maintenanceTasks': STAFF,
  'Mutation.createMaintenancePlan': OFFICE,
  'Mutation.updateMaintenancePlan': OFFICE,
  'Mutation.assignMaintenanceTask': OFFICE,
  'Mutation.completeMaintenanceTask': [...OFFICE, 'TECHNICIAN'],
  // Published prices are public (明码标价); bills: staff of the property, residents their own.
  'Query.feeSchedule': [...STAFF, RESIDENT],
  'Query.feeSchedules': [...STAFF, RESIDENT],
  'Query.feeScheduleInForce': [...STAFF, RESIDENT],
  'Query.bill': [...STAFF, RESIDENT],
  // The payment provider shows the payer what is owed (through its persisted operation).
  'Query.unitAccount': [...STAFF, RESIDENT, PARTNER],
  'Query.serviceChargesForReview': STAFF,
  'Query.arrears': STAFF,
  'Query.fundLedger': STAFF,
  'Query.quarterlyDisclosure': STAFF,
  // 每季度公布物业服务收支情况: published to the residents.
  'Query.disclosures': [...STAFF, RESIDENT],
  // Fee administrators alone change fee schedules and issue bills.
  'Mutation.createFeeSchedule': [FEE_ADMINISTRATOR],
  'Mutation.publishFeeSchedule': [FEE_ADMINISTRATOR],
  'Mutation.generateBills': [FEE_ADMINISTRATOR],
  'Mutation.adjustBill': [FEE_ADMINISTRATOR],
  // Cash at the office; the payment provider through its persisted operations.
  'Mutation.recordPayment': [FEE_ADMINISTRATOR, PARTNER],
  // The payment provider reverses its own payments (persisted operation); credit is refunded at the office.
  'Mutation.reversePayment': [FEE_ADMINISTRATOR, PARTNER],
  'Mutation.refundCredit': [FEE_ADMINISTRATOR],
  'Mutation.recordLedgerEntry': [FEE_ADMINISTRATOR],
  'Mutation.publishDisclosure': [FEE_ADMINISTRATOR],
  // 催缴 by the management office (and the fee administrator).
  'Mutation.sendDunningNotice': [...OFFICE, FEE_ADMINISTRATOR],
  // Surveys: a resident sees and answers only their own; figures and templates are staff tools.
  'Query.survey': [...STAFF, RESIDENT],
  'Query.surveys': STAFF,
  'Query.mySurveys': [RESIDENT],
  'Query.surveyTemplate': STAFF,
  'Query.surveyTemplates': STAFF,
  // Figures: staff of the property (a technician's only for supervisors and above, inspectors
  // and the technician, checked on the record); published results also to its residents (seed 003).
  'Query.satisfactionKpi': STAFF,
  'Query.publishedSatisfactionResults': [...STAFF, RESIDENT],
  'Mutation.publishSatisfactionResults': DIRECTORS,
  'Mutation.createSurveyTemplate': SUPERVISORS,
  'Mutation.reviseSurveyTemplate': SUPERVISORS,
  'Mutation.answerSurvey': [RESIDENT],
  // 回访: the office records the answers a resident gave on the phone.
  'Mutation.recordSurveyByPhone': OFFICE,
  'Mutation.completeCallBack': OFFICE,
  // Call-backs (seed 004): the plan is the office's; supervisors set a property's handover date.
  'Query.callBackSchedule': STAFF,
  'Query.callBacks': STAFF,
  'Mutation.updateCallBackSchedule': SUPERVISORS,
  // Campaigns (seed 003 half-yearly satisfaction, seed 004 December needs): staff read them and
  // their figures; supervisors and above of the property create and start them (company-wide:
  // general managers). Residents answer their own campaign survey through answerSurvey.
  'Query.campaign': STAFF,
  'Query.campaigns': STAFF,
  'Query.needsSurveyResults': STAFF,
  'Mutation.createCampaign': SUPERVISORS,
  'Mutation.startCampaign': SUPERVISORS,
};

/** Partners may call persisted operations only (spec §7): anything free-form is refused. */
export const FREE_FORM_REFUSED: readonly Role[] = [PARTNER];

/** Service-to-service calls pass every gate. */
export const ALLOWED_EVERYTHING: readonly Role[] = ['SYSTEM'];

/** Whether `role` should get through the gate of `key` when it sends a free-form operation. */
export function expectedToPass(key: string, role: Role): boolean | undefined {
  const allowed = EXPECTED_ACCESS[key];
  if (allowed === undefined) return undefined;
  if (FREE_FORM_REFUSED.includes(role)) return false;
  return ALLOWED_EVERYTHING.includes(role) || allowed.includes(role);
}
