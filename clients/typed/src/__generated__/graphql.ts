/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant, ISO 8601 with offset (e.g. 2026-11-23T08:00:00Z). */
  DateTime: { input: string; output: string; }
  /** A calendar date, YYYY-MM-DD. */
  LocalDate: { input: string; output: string; }
};

/** The input of `acceptHelpRequest`. */
export type AcceptHelpRequestInput = {
  /** The unowned help request. */
  id: Scalars['ID']['input'];
  /** Goes on the request's timeline with the acceptance (at most 2000 characters). */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** The input of `addHelpRequestComment`: a comment, photos, or both. */
export type AddHelpRequestCommentInput = {
  /** Links (http or https) to photos or documents, at most 20. */
  attachments?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The resident's own open help request. */
  id: Scalars['ID']['input'];
  /** What the resident adds (at most 2000 characters). */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** The input of `addServiceContract`. */
export type AddServiceContractInput = {
  /** The last day it is in force, YYYY-MM-DD, not before startsOn. */
  endsOn: Scalars['String']['input'];
  /** The facility types it covers (FIRE_PROTECTION for a fire-equipment maintenance contract). */
  facilityTypes: Array<FacilityType>;
  /** The contract's number, unique within the partner. */
  number: Scalars['String']['input'];
  /** The partner the contract is with. */
  partnerId: Scalars['ID']['input'];
  /** What the partner does under it. */
  scope: Scalars['String']['input'];
  /** The first day it is in force, YYYY-MM-DD. */
  startsOn: Scalars['String']['input'];
};

/** The input of `adjustBill`. */
export type AdjustBillInput = {
  /** Signed integer fen: negative to credit, positive to charge more. */
  amount: MoneyInput;
  /** The bill to adjust. */
  billId: Scalars['ID']['input'];
  /** Why the bill changed, shown on the line (e.g. `Area corrected to 89.00 m²`). */
  reason: Scalars['String']['input'];
};

/** One answer: exactly one of score, choice, choices, text, as the question's kind asks. */
export type AnswerInput = {
  /** For a single-choice question: the option chosen. */
  choice?: InputMaybe<Scalars['String']['input']>;
  /** For a multiple-choice question: the options chosen. */
  choices?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The question this answers. */
  questionId: Scalars['ID']['input'];
  /** For a score question: the score given. */
  score?: InputMaybe<Scalars['Int']['input']>;
  /** For a text question: the answer in the respondent's words. */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** The input of `answerSurvey`. */
export type AnswerSurveyInput = {
  /** One answer per question answered; every required question needs one. */
  answers: Array<AnswerInput>;
  /** The survey being answered. */
  surveyId: Scalars['ID']['input'];
};

/** The input of `assignHelpRequest`. */
export type AssignHelpRequestInput = {
  /** The staff who will carry out the work; each must be qualified for the request's category. */
  assigneeIds: Array<Scalars['ID']['input']>;
  /** Defaults to the SLA limit; may be earlier, never later. */
  dueAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Short-term nursing: the confirmation that a family member is present. */
  familyMemberPresent?: InputMaybe<Scalars['Boolean']['input']>;
  /** The help request to assign. */
  id: Scalars['ID']['input'];
  /** A note for the timeline, e.g. what the assignees should bring. */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** The input of `assignMaintenanceTask`: a staff member or a service partner. */
export type AssignMaintenanceTaskInput = {
  /** The task to assign. */
  id: Scalars['ID']['input'];
  /** The service partner who does it (维保单位). */
  servicePartnerId?: InputMaybe<Scalars['ID']['input']>;
  /** The staff member who does it. */
  staffId?: InputMaybe<Scalars['ID']['input']>;
};

/** What a bill line is. */
export type BillLineKind =
  /** A correction made after the bill was issued, with its reason. */
  | 'ADJUSTMENT'
  /** A fee from the published fee schedule or a priced service charge. */
  | 'CHARGE';

/** How often a fee schedule bills its units. */
export type BillingCycle =
  /** One bill per unit each calendar month. */
  | 'MONTHLY'
  /** One bill per unit each calendar quarter. */
  | 'QUARTERLY';

/** What a calendar date becomes. */
export type CalendarDayKind =
  /** A public holiday (off). */
  | 'HOLIDAY'
  /** A make-up working day (worked). */
  | 'MAKE_UP_WORKDAY'
  /** Back to what its weekday says (removes the entry). */
  | 'REGULAR';

/** When, after a property's handover, residents are called back about the service. */
export type CallBackCadence =
  /** One a month in a property's first year after handover. */
  | 'MONTHLY'
  /** One a quarter after the first year. */
  | 'QUARTERLY';

/** Where a call-back stands. */
export type CallBackState =
  /** Made, and recorded by office staff (completeCallBack). */
  | 'COMPLETED'
  /** Created by the scheduler at the start of its period; to be made. */
  | 'DUE';

/** Sample instead of asking every occupied household; give at most one of the two. */
export type CampaignAudienceInput = {
  /** Ask this share of the households (above 0, at most 1; rounded up). */
  sampleShare?: InputMaybe<Scalars['Float']['input']>;
  /** Ask this many households (1 to 100000), drawn reproducibly from the campaign's id. */
  sampleSize?: InputMaybe<Scalars['Int']['input']>;
};

/** A half-yearly satisfaction campaign (seed 003) or the December needs survey (seed 004). */
export type CampaignKind =
  /** The needs for next year, every December; each question carries a theme. */
  | 'NEEDS'
  /** Satisfaction with the property's service; its template's first score question is the satisfaction score. */
  | 'SATISFACTION';

/** Where a campaign stands. */
export type CampaignState =
  /** Its window ended; unanswered surveys expired and the response rate is final. */
  | 'CLOSED'
  /** Created; the scheduler starts it at `opensAt` (or staff with `startCampaign`). */
  | 'SCHEDULED'
  /** Its households' surveys are open; reminders go to those who have not answered. */
  | 'STARTED';

/** The input of `changeFacilityStatus`. */
export type ChangeFacilityStatusInput = {
  /** The facility whose status changes. */
  id: Scalars['ID']['input'];
  /** Why the status changed; kept in the facility's status history. */
  reason: Scalars['String']['input'];
  /** The status staff set by hand. */
  status: ManualFacilityStatus;
};

/** A one-off change of one day's shifts. */
export type ChangeStaffShiftInput = {
  /** The local day, yyyy-MM-dd, in the staff member's time zone. */
  day: Scalars['String']['input'];
  /** Why; kept on the history. */
  reason: Scalars['String']['input'];
  /** That day's shifts (at most four, not overlapping each other or the neighbouring days'); empty for a day off; null to go back to the weekly roster. */
  shifts?: InputMaybe<Array<ShiftTimesInput>>;
  /** The staff member. */
  staffId: Scalars['ID']['input'];
};

/** How a help request reached the property. */
export type Channel =
  /** The residents' app. */
  | 'APP'
  /** An email. */
  | 'EMAIL'
  /** In person at the front desk. */
  | 'FRONT_DESK'
  /** A letter. */
  | 'LETTER'
  /** The online chat. */
  | 'ONLINE_CHAT'
  /** Raised during a call the property made, e.g. a call-back. */
  | 'OUTBOUND_CALL'
  /** A phone call to the property's service desk. */
  | 'PHONE'
  /** The 24-hour service line. */
  | 'SERVICE_LINE_24H'
  /** A text message. */
  | 'SMS'
  /** The supervision hotline (e.g. the city hotline), recorded by a partner. */
  | 'SUPERVISION_HOTLINE'
  /** A resident who walked into the service centre. */
  | 'WALK_IN'
  /** The property's WeChat account. */
  | 'WECHAT';

/** One checklist answer given on completion. */
export type ChecklistAnswerInput = {
  /** The checklist item, exactly as the task lists it. */
  item: Scalars['String']['input'];
  /** What was found. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** True when it was found in order. */
  ok: Scalars['Boolean']['input'];
};

/** Which incident to close, and its report. */
export type CloseIncidentInput = {
  /** The incident. */
  id: Scalars['ID']['input'];
  /** Its report; closing without it is refused (INCIDENT_REPORT_REQUIRED). */
  report?: InputMaybe<IncidentReportInput>;
};

/** How serious a complaint is; a serious one has shorter time limits. */
export type ComplaintSeverity =
  /** An ordinary complaint. */
  | 'GENERAL'
  /** A serious complaint, handled with shorter time limits. */
  | 'SERIOUS';

/** How far a complaint has gone. */
export type ComplaintTier =
  /** An appeal against how an escalated complaint was handled. */
  | 'APPEAL'
  /** A first complaint. */
  | 'COMPLAINT'
  /** A complaint the resident took further after the first answer. */
  | 'ESCALATED';

/** A due call-back recorded as made. */
export type CompleteCallBackInput = {
  /** Households reached (0 to 100000). */
  householdsReached: Scalars['Int']['input'];
  /** The call-back's id. */
  id: Scalars['ID']['input'];
  /** What the residents said, in a few words (at most 1000 characters). */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** The input of `completeMaintenanceTask`: the evidence its plan requires. */
export type CompleteMaintenanceTaskInput = {
  /** An answer for every checklist item (required for CHECKLIST evidence). */
  checklist?: InputMaybe<Array<ChecklistAnswerInput>>;
  /** The maintenance contract number (required for CONTRACT_NUMBER evidence). */
  contractNumber?: InputMaybe<Scalars['String']['input']>;
  /** The task done. */
  id: Scalars['ID']['input'];
  /** Free notes. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** The test report reference (required for TEST_REPORT evidence). */
  testReportRef?: InputMaybe<Scalars['String']['input']>;
};

/** What a facility lacks to be compliant. */
export type ComplianceWarning =
  /** Its type (fire protection) needs a maintenance contract with a service partner in force today, and none is. */
  | 'MAINTENANCE_CONTRACT_MISSING';

/** How a resolution was confirmed. */
export type ConfirmationKind =
  /** The resident confirmed the resolution. */
  | 'CONFIRMED'
  /** The resident could not be reached within the time allowed. */
  | 'NO_RESPONSE';

/** How a consultation is answered. */
export type ConsultationMode =
  /** By phone or in person. */
  | 'ORAL'
  /** In writing. */
  | 'WRITTEN';

/** How a resident prefers to be contacted (seed 003: WeChat one-to-one besides the phone). */
export type ContactChannel =
  /** A notification in the residents' app. */
  | 'APP'
  /** A phone call. */
  | 'PHONE'
  /** A text message. */
  | 'SMS'
  /** WeChat one-to-one. */
  | 'WECHAT';

/** The input of `correctHelpRequest`: the reason and only the fields to correct (the others stay). */
export type CorrectHelpRequestInput = {
  /** The attachments as they should be (the whole list, at most 20 links). */
  attachments?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The corrected category. */
  category?: InputMaybe<HelpRequestCategory>;
  /** The corrected complaint severity (complaints only). */
  complaintSeverity?: InputMaybe<ComplaintSeverity>;
  /** The corrected complaint tier (complaints only; moving a complaint up is `raiseHelpRequestComplaintTier`). */
  complaintTier?: InputMaybe<ComplaintTier>;
  /** The corrected consultation mode (consultations only). */
  consultationMode?: InputMaybe<ConsultationMode>;
  /** The corrected fault complexity. */
  faultComplexity?: InputMaybe<FaultComplexity>;
  /** The help request to correct. */
  id: Scalars['ID']['input'];
  /** Why it is corrected; goes on the timeline (at most 2000 characters). */
  reason: Scalars['String']['input'];
  /** The corrected type; a complaint's severity and tier, a consultation's mode go when the type changes. */
  type?: InputMaybe<HelpRequestType>;
  /** The corrected urgency. */
  urgent?: InputMaybe<Scalars['Boolean']['input']>;
};

/** The input of `createBuilding`. */
export type CreateBuildingInput = {
  /** How many floors the building has (at least 1). */
  floors: Scalars['Int']['input'];
  /** The building's name as residents know it, unique within the property. */
  name: Scalars['String']['input'];
  /** The property the building belongs to. */
  propertyId: Scalars['ID']['input'];
};

/** The input of `createCampaign`. */
export type CreateCampaignInput = {
  /** Omitted: every occupied household. */
  audience?: InputMaybe<CampaignAudienceInput>;
  /** When it closes (after opensAt, after now). */
  closesAt: Scalars['DateTime']['input'];
  /** Satisfaction (half-yearly) or needs (December). */
  kind: CampaignKind;
  /** The campaign's name. */
  name: Scalars['String']['input'];
  /** When it opens; a needs survey opens in December (UTC). */
  opensAt: Scalars['DateTime']['input'];
  /** The property, or * for a company-wide campaign (general managers acting for every property). */
  propertyId: Scalars['ID']['input'];
  /** When to remind households that have not answered (inside the window, at most 5). */
  remindAt?: InputMaybe<Array<Scalars['DateTime']['input']>>;
  /** The template its surveys ask: the property's own or a company-wide one, not a post-service one. */
  templateId: Scalars['ID']['input'];
};

/** The input of `createFeeSchedule`. */
export type CreateFeeScheduleInput = {
  /** How often units are billed under this schedule. */
  billingCycle: BillingCycle;
  /** The first day the schedule applies once published. */
  effectiveFrom: Scalars['LocalDate']['input'];
  /** The priced items; codes are unique within the schedule. */
  items: Array<FeeScheduleItemInput>;
  /** The property the fee schedule prices. */
  propertyId: Scalars['ID']['input'];
};

/** The input of `createMaintenancePlan`. */
export type CreateMaintenancePlanInput = {
  /** The items to check (at most 50). */
  checklist?: InputMaybe<Array<Scalars['String']['input']>>;
  /** What a completed task must carry. */
  evidence?: InputMaybe<Array<MaintenanceEvidenceKind>>;
  /** The one facility it is for; give it or facilityType. */
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  /** The facility type it is for (every facility of the type at the property); give it or facilityId. */
  facilityType?: InputMaybe<FacilityType>;
  /** What is done. */
  name: Scalars['String']['input'];
  /** The property the plan belongs to. */
  propertyId: Scalars['ID']['input'];
  /** How often it recurs. */
  recurrence: MaintenanceRecurrenceKind;
  /** With recurrence RRULE: the RFC 5545 rule, e.g. `FREQ=WEEKLY;BYDAY=MO` (no DTSTART). */
  rrule?: InputMaybe<Scalars['String']['input']>;
  /** YYYY-MM-DD in the property's zone; today there when omitted. */
  startsOn?: InputMaybe<Scalars['String']['input']>;
};

/** The input of `createProperty`. */
export type CreatePropertyInput = {
  /** The property's street address. */
  address: Scalars['String']['input'];
  /** A short code unique across Courtyard, e.g. `DEMO-GARDEN`. */
  code: Scalars['String']['input'];
  /** The property's name as residents know it. */
  name: Scalars['String']['input'];
  /** IANA time zone of the property, e.g. `Asia/Shanghai`. */
  timeZone: Scalars['String']['input'];
};

/** A new version of a property's SLA policy. */
export type CreateSlaPolicyVersionInput = {
  /** The property. */
  propertyId: Scalars['ID']['input'];
  /** Its rows, in order: per clock the first matching row wins. */
  rules: Array<SlaRuleInput>;
  /** major.minor; below 1.0 it stays a draft. */
  version: Scalars['String']['input'];
};

/** The input of `createSurveyTemplate`. */
export type CreateSurveyTemplateInput = {
  /** True when answers are not linked to the resident (default false). */
  anonymous?: InputMaybe<Scalars['Boolean']['input']>;
  /** The template's name, as staff pick it. */
  name: Scalars['String']['input'];
  /** The property, or * for a company-wide template (general managers acting for every property). */
  propertyId: Scalars['ID']['input'];
  /** What surveys from this template are for. */
  purpose: SurveyPurpose;
  /** The questions, in the order they are asked. */
  questions: Array<QuestionInput>;
};

/** The input of `createUnit`. */
export type CreateUnitInput = {
  /** The unit's floor area in square metres; fees per square metre use it. */
  areaSquareMeters: Scalars['Float']['input'];
  /** The building the unit is in. */
  buildingId: Scalars['ID']['input'];
  /** The floor the unit is on. */
  floor: Scalars['Int']['input'];
  /** The unit's number, unique within its building, e.g. `1203`. */
  number: Scalars['String']['input'];
};

/** How much the estate depends on it: a general fault takes CRITICAL and HIGH ones DOWN (others DEGRADED) and their repair is urgent. */
export type Criticality =
  /** Its failure endangers people or stops the property working (e.g. fire protection). */
  | 'CRITICAL'
  /** Its failure affects many residents (e.g. an elevator). */
  | 'HIGH'
  /** Its failure can wait for routine maintenance. */
  | 'LOW'
  /** Its failure is an inconvenience. */
  | 'NORMAL';

/** How a dunning notice (催缴) reached the household. */
export type DunningChannel =
  /** Delivered in person (上门). */
  | 'IN_PERSON'
  /** A written letter. */
  | 'LETTER'
  /** A notice posted (张贴) at the unit or the building. */
  | 'NOTICE_POSTED'
  /** A phone call. */
  | 'PHONE'
  /** A text message. */
  | 'SMS'
  /** A WeChat message. */
  | 'WECHAT';

/** The input of `escalateHelpRequest`. */
export type EscalateHelpRequestInput = {
  /** The help request to escalate. */
  id: Scalars['ID']['input'];
  /** Why it needs a higher level; kept in the timeline. */
  reason: Scalars['String']['input'];
};

/** Narrows a list of facilities; every field given must match. */
export type FacilityFilter = {
  /** Only facilities in this status. */
  status?: InputMaybe<FacilityStatus>;
  /** Only facilities of this type. */
  type?: InputMaybe<FacilityType>;
};

/** One checked item of `recordFacilityInspection`. */
export type FacilityInspectionItemInput = {
  /** How hard the repair looks (default GENERAL); any COMPLEX item of a facility makes its fault COMPLEX. */
  complexity?: InputMaybe<FaultComplexity>;
  /** The facility checked, if the item is about one (of the inspection's property). */
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  /** What was checked. */
  item: Scalars['String']['input'];
  /** What the inspector noted (it becomes part of the fault's description). */
  note?: InputMaybe<Scalars['String']['input']>;
  /** For a failed item on a facility: raise a fault (default true); false for one that needs no repair. */
  raiseFault?: InputMaybe<Scalars['Boolean']['input']>;
  /** Whether it passed. */
  result: FacilityInspectionResult;
};

/** The result of one checked item of an inspection round. */
export type FacilityInspectionResult =
  /** The item failed the check. */
  | 'FAIL'
  /** The item is as it should be. */
  | 'PASS';

/** Whether a facility works. */
export type FacilityStatus =
  /** Working, but not fully (e.g. one of two pumps). */
  | 'DEGRADED'
  /** Not working. */
  | 'DOWN'
  /** Working normally. */
  | 'OPERATING'
  /** Taken out of service for good. */
  | 'RETIRED'
  /** Out of service for planned maintenance. */
  | 'UNDER_MAINTENANCE';

/** The shared facility types of spec §3 (共用设施设备, seed 003 §C 二). */
export type FacilityType =
  /** Gates, doors and access control. */
  | 'ACCESS_CONTROL'
  /** Security cameras. */
  | 'CCTV'
  /** Drainage and sewage. */
  | 'DRAINAGE_SEWAGE'
  /** An elevator. */
  | 'ELEVATOR'
  /** Fire protection equipment. */
  | 'FIRE_PROTECTION'
  /** Gardens, lawns and trees. */
  | 'GREENERY'
  /** Any other shared facility. */
  | 'OTHER'
  /** Power supply and distribution. */
  | 'POWER_SUPPLY'
  /** Lighting of shared indoor spaces. */
  | 'PUBLIC_LIGHTING'
  /** Lighting of roads and paths. */
  | 'ROAD_LIGHTING'
  /** A secondary water supply tank. */
  | 'SECONDARY_WATER_TANK'
  /** A septic tank. */
  | 'SEPTIC_TANK'
  /** Water supply and pumps. */
  | 'WATER_SUPPLY';

/** How hard a repair is; it sets the time allowed to fix it. */
export type FaultComplexity =
  /** A repair that needs parts, specialists or more time. */
  | 'COMPLEX'
  /** An ordinary repair. */
  | 'GENERAL';

/** Who reported a fault. */
export type FaultSource =
  /** A scheduled or quality inspection. */
  | 'INSPECTION'
  /** A partner system, e.g. the smart-building vendor. */
  | 'PARTNER'
  /** A resident, through the service desk. */
  | 'RESIDENT'
  /** Property staff. */
  | 'STAFF';

/** What a fee schedule item charges for. */
export type FeeItemKind =
  /** A paid service (有偿服务) such as a repair inside the home. */
  | 'PAID_SERVICE'
  /** A parking space. */
  | 'PARKING'
  /** Property service fee (物业服务费), per m² per month or per month, by unit type. */
  | 'PROPERTY_FEE'
  /** Pass-through utility (代收代缴) at the recorded price source. */
  | 'UTILITY';

/** One priced item of a new fee schedule. */
export type FeeScheduleItemInput = {
  /** The item's code, unique within the schedule. */
  code: Scalars['String']['input'];
  /** What the item charges for. */
  kind: FeeItemKind;
  /** True when materials are charged at cost on top of the price (default false). */
  materialsAtCost?: InputMaybe<Scalars['Boolean']['input']>;
  /** The item's name as residents read it. */
  name: Scalars['String']['input'];
  /** Integer fen per the pricing's unit. */
  price: Scalars['Int']['input'];
  /** Who sets the price (default the property). */
  priceSource?: InputMaybe<PriceSource>;
  /** How the price is applied. */
  pricing: Pricing;
  /** For metered items, what is metered, e.g. `m³`. */
  unitType?: InputMaybe<Scalars['String']['input']>;
  /** For paid services, the help request categories this item prices. */
  workOrderCategories?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Where a fee schedule stands. */
export type FeeScheduleStatus =
  /** Being prepared: it prices nothing yet and may still change. */
  | 'DRAFT'
  /** Published to residents; it prices bills from its effective day and no longer changes. */
  | 'PUBLISHED';

/** What a resident said at a follow-up visit. */
export type FollowUpResult =
  /** The resident is satisfied with the service. */
  | 'SATISFIED'
  /** The resident is not satisfied. */
  | 'UNSATISFIED';

/** A double-entry ledger of a property: the company's own, or the common fund's (共有资金), kept apart. */
export type Fund =
  /** The owners' common fund in its own account (专户), never the company's income. */
  | 'COMMON_FUND'
  /** The company's receivables, cash, income and costs. */
  | 'COMPANY';

/** The input of `generateBills`. */
export type GenerateBillsInput = {
  /** YYYY-MM for a monthly property, YYYY-Q1…Q4 for a quarterly one. */
  period: Scalars['String']['input'];
  /** The property whose units are billed. */
  propertyId: Scalars['ID']['input'];
};

/** A staff member's grade, which limits the work they may take. */
export type Grade =
  /** Intermediate. */
  | 'INTERMEDIATE'
  /** Junior. */
  | 'JUNIOR'
  /** Senior; may take complex repairs. */
  | 'SENIOR';

/** The input of `handOverHelpRequest`. */
export type HandOverHelpRequestInput = {
  /** The help request. */
  id: Scalars['ID']['input'];
  /** Why it is handed over; goes on the timeline (at most 2000 characters). */
  reason: Scalars['String']['input'];
  /** The staff member to hand it to: a leader of the property, or, when no leader is on duty, a colleague with the category's skill. */
  toStaffId: Scalars['ID']['input'];
};

/** On what ground seed 004's first-contact rule (首问制) allowed a handover. */
export type HandoverBasis =
  /** To a colleague in charge of the matter (the category's skill), because no leader of the property was on duty. */
  | 'DELEGATE_LEADER_ABSENT'
  /** To a leader in charge: a service supervisor, office director or general manager of the property. */
  | 'LEADER';

/** Where a property's handover time came from. */
export type HandoverSource =
  /** The property's creation, until staff set the real date. */
  | 'PROPERTY_CREATED'
  /** Set by property staff. */
  | 'SET_BY_STAFF';

/** What the request is about; each category needs a skill (and least grade) of its assignees. */
export type HelpRequestCategory =
  /** Cleaning of shared spaces. */
  | 'CLEANING'
  /** A door or lock. */
  | 'DOOR_LOCK'
  /** A blocked or overflowing drain. */
  | 'DRAINAGE'
  /** Wiring, sockets or switches. */
  | 'ELECTRICAL'
  /** An elevator fault. */
  | 'ELEVATOR'
  /** Fees and bills. */
  | 'FEES'
  /** Anything else. */
  | 'GENERAL'
  /** Gardens and trees. */
  | 'GREENERY'
  /** Accompanying a resident to hospital. */
  | 'HOSPITAL_ESCORT'
  /** Noise. */
  | 'NOISE'
  /** A power cut. */
  | 'POWER_SUPPLY'
  /** Lights out in shared spaces. */
  | 'PUBLIC_LIGHTING'
  /** Security and safety. */
  | 'SECURITY'
  /** The quality of the property's service. */
  | 'SERVICE_QUALITY'
  /** Short-term nursing at home. */
  | 'SHORT_TERM_NURSING'
  /** A water leak. */
  | 'WATER_LEAK'
  /** No water, low pressure or dirty water. */
  | 'WATER_SUPPLY';

/** Narrows a list of help requests; every field given must match. */
export type HelpRequestFilter = {
  /** Only requests assigned to this staff member. */
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  /** Only requests of this category. */
  category?: InputMaybe<HelpRequestCategory>;
  /** Only requests received at or after this time. */
  createdAfter?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only requests received before this time. */
  createdBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only requests past their due time and not yet resolved. */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only requests this staff member recorded and follows. */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only requests of this property. */
  propertyId?: InputMaybe<Scalars['ID']['input']>;
  /** Only requests in one of these states. */
  states?: InputMaybe<Array<HelpRequestState>>;
  /** Only requests of this type. */
  type?: InputMaybe<HelpRequestType>;
};

/** What to search help requests by; every criterion given must match. */
export type HelpRequestSearch = {
  /** An assignee. */
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  /** The category. */
  category?: InputMaybe<HelpRequestCategory>;
  /** Who answers for it now (the owner until a handover). */
  currentOwnerId?: InputMaybe<Scalars['ID']['input']>;
  /** The request's number, exactly (e.g. WO-2026-000123). */
  number?: InputMaybe<Scalars['String']['input']>;
  /** The first-contact owner (首问制). */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** The last digits (at least 4) of the contact phone. */
  phoneSuffix?: InputMaybe<Scalars['String']['input']>;
  /** Received before this time. */
  receivedBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** Received at or after this time. */
  receivedFrom?: InputMaybe<Scalars['DateTime']['input']>;
  /** The resident who asked. */
  requesterId?: InputMaybe<Scalars['ID']['input']>;
  /** Only requests in one of these states (the totals per state ignore this criterion). */
  states?: InputMaybe<Array<HelpRequestState>>;
  /** The unit concerned. */
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

/** Where a help request stands in its lifecycle. */
export type HelpRequestState =
  /** The resident got a first reply. */
  | 'ACKNOWLEDGED'
  /** Staff are assigned to it. */
  | 'ASSIGNED'
  /** Finished. */
  | 'CLOSED'
  /** The resident confirmed it is fixed (or could not be reached in time). */
  | 'CONFIRMED'
  /** Raised to a higher level. */
  | 'ESCALATED'
  /** A follow-up visit asked the resident's view. */
  | 'FOLLOWED_UP'
  /** The work has started. */
  | 'IN_PROGRESS'
  /** Recorded; nobody has replied yet. */
  | 'RECEIVED'
  /** Outside the property's remit: referred to the department responsible. */
  | 'REFERRED'
  /** The resident said it is not fixed. */
  | 'REOPENED'
  /** The work is done; waiting for the resident's confirmation. */
  | 'RESOLVED'
  /** The work waits for parts; the residents concerned were told. */
  | 'WAITING_PARTS';

/** What kind of help is asked for; each has its own time limits. */
export type HelpRequestType =
  /** A complaint. */
  | 'COMPLAINT'
  /** A question to answer. */
  | 'CONSULTATION'
  /** A natural disaster or major accident. */
  | 'DISASTER'
  /** A medical emergency. */
  | 'MEDICAL_EMERGENCY'
  /** Any other help. */
  | 'OTHER'
  /** Something to repair. */
  | 'REPAIR'
  /** A security incident. */
  | 'SECURITY_INCIDENT';

/** Which incidents to list. */
export type IncidentFilter = {
  /** Only incidents of this category. */
  category?: InputMaybe<HelpRequestCategory>;
  /** Only incidents of this grade. */
  grade?: InputMaybe<IncidentGrade>;
  /** The property. */
  propertyId: Scalars['ID']['input'];
  /** Only incidents in these states. */
  states?: InputMaybe<Array<IncidentState>>;
};

/** The preliminary grade of a burst incident (seed 001-G, 初步定级): how long it may wait to be taken. */
export type IncidentGrade =
  /** Security or sensitive problems: taken within 2 hours. */
  | 'CRITICAL'
  /** Key services: taken within 3 hours. */
  | 'MAJOR'
  /** Routine problems: taken within 4 hours. */
  | 'MINOR';

/** The closing report of an incident; every part is required. */
export type IncidentReportInput = {
  /** What caused it. */
  cause: Scalars['String']['input'];
  /** The explanation every customer-facing window gives residents. */
  customerExplanation: Scalars['String']['input'];
  /** What is done about residents' losses. */
  remediation: Scalars['String']['input'];
};

/** One group of a property's burst-detection configuration. */
export type IncidentRuleInput = {
  /** The categories it covers; empty: every category no other group names (at most one such group). */
  categories: Array<HelpRequestCategory>;
  /** The preliminary grade. */
  grade: IncidentGrade;
  /** An upper-case name, e.g. KEY_SERVICE. */
  group: Scalars['String']['input'];
  /** Complaints in the window that raise an incident (1 to 1000). */
  regularThreshold: Scalars['Int']['input'];
  /** VIP complaints in the window that raise one on their own (1 to 1000). */
  vipThreshold: Scalars['Int']['input'];
};

/** Where a burst incident is in its life. */
export type IncidentState =
  /** Closed with its report. */
  | 'CLOSED'
  /** Nobody took it by its deadline: it went up the escalation chain. */
  | 'ESCALATED'
  /** Raised at the threshold; nobody has taken it yet. */
  | 'RAISED'
  /** Someone took it and is responsible for it. */
  | 'TAKEN';

/** The kinds of period satisfaction figures are reported for (calendar periods in KPI_TIME_ZONE). */
export type KpiPeriodKind =
  /** A half-year (2026-H2), as the half-yearly satisfaction survey runs. */
  | 'HALF_YEAR'
  /** A calendar month (2026-11). */
  | 'MONTH'
  /** A calendar quarter (2026-Q4). */
  | 'QUARTER'
  /** Any from/to range. */
  | 'RANGE'
  /** A calendar year (2026). */
  | 'YEAR';

/** Where an entry comes from. */
export type LedgerEntrySource =
  /** A bill issued (receivable and property-fee income). */
  | 'BILL'
  /** A payment received. */
  | 'PAYMENT'
  /** Recorded by the fee administrator (a cost, a common-fund movement). */
  | 'RECORDED'
  /** Credit refunded. */
  | 'REFUND'
  /** A payment reversed. */
  | 'REVERSAL'
  /** A paid service charged. */
  | 'SERVICE_CHARGE';

/** One side of an entry to record: exactly one of `debit` and `credit`, in fen. */
export type LedgerPostingInput = {
  /** The account (see `LedgerPosting.account`); it must belong to the entry's fund. */
  account: Scalars['String']['input'];
  /** Integer fen credited. */
  credit?: InputMaybe<Scalars['Int']['input']>;
  /** Integer fen debited. */
  debit?: InputMaybe<Scalars['Int']['input']>;
};

/** Who a maintenance task is assigned to. */
export type MaintenanceAssigneeKind =
  /** A service partner (维保单位). */
  | 'SERVICE_PARTNER'
  /** A staff member of the property. */
  | 'STAFF';

/** What a completed maintenance task must carry. */
export type MaintenanceEvidenceKind =
  /** An answer for every checklist item. */
  | 'CHECKLIST'
  /** The maintenance contract number the work was done under, e.g. for a fire test. */
  | 'CONTRACT_NUMBER'
  /** A test report reference, e.g. after a water-tank cleaning (检测报告). */
  | 'TEST_REPORT';

/** Narrows a list of maintenance plans; every field given must match. */
export type MaintenancePlanFilter = {
  /** Only active (true) or stopped (false) plans. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only the plans of this one facility (not its type's). */
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  /** Only plans for this facility type. */
  facilityType?: InputMaybe<FacilityType>;
};

/** How often a maintenance plan's task recurs. */
export type MaintenanceRecurrenceKind =
  /** Every day, from midnight in the property's zone. */
  | 'DAILY'
  /** Every calendar month. */
  | 'MONTHLY'
  /** An RFC 5545 rule given in `rrule` (FREQ DAILY, WEEKLY, MONTHLY or YEARLY). */
  | 'RRULE'
  /** Every half year: January to June and July to December. */
  | 'TWICE_A_YEAR'
  /** Every calendar year. */
  | 'YEARLY';

/** Narrows a list of maintenance tasks; every field given must match. */
export type MaintenanceTaskFilter = {
  /** Only tasks of this facility. */
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  /** Only overdue tasks (true), or only tasks that are not overdue (false). */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only tasks in this status. */
  status?: InputMaybe<MaintenanceTaskStatus>;
};

/** Where a maintenance task stands. */
export type MaintenanceTaskStatus =
  /** Done, with its evidence. */
  | 'COMPLETED'
  /** Generated and not yet completed; not past its due time. */
  | 'OPEN'
  /** Past its due time without completion (published once as facility.maintenance_overdue.v1). */
  | 'OVERDUE';

/** A status set by hand: RETIRED only through retireFacility. */
export type ManualFacilityStatus =
  /** Working, but not fully. */
  | 'DEGRADED'
  /** Not working. */
  | 'DOWN'
  /** Working normally. */
  | 'OPERATING'
  /** Out of service for planned maintenance. */
  | 'UNDER_MAINTENANCE';

/** Narrows a list of meters; every field given must match. */
export type MeterFilter = {
  /** Only meters of this type. */
  type?: InputMaybe<MeterType>;
  /** Only the meters of this unit. */
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

/** A water, electricity or gas meter. */
export type MeterType =
  /** An electricity meter. */
  | 'ELECTRICITY'
  /** A gas meter. */
  | 'GAS'
  /** A water meter. */
  | 'WATER';

/** An amount of money. */
export type MoneyInput = {
  /** Integer minor units (fen). */
  amount: Scalars['Int']['input'];
  /** ISO 4217 currency code, e.g. `CNY`. */
  currency: Scalars['String']['input'];
};

/** The input of `moveIn`. */
export type MoveInInput = {
  /** The day they moved in. */
  movedInOn: Scalars['LocalDate']['input'];
  /** How the resident lives in the unit. */
  relation: ResidentKind;
  /** The resident moving in. */
  residentId: Scalars['ID']['input'];
  /** The unit the resident moves into. */
  unitId: Scalars['ID']['input'];
};

/** The input of `moveOut`. */
export type MoveOutInput = {
  /** The day they moved out. */
  movedOutOn: Scalars['LocalDate']['input'];
  /** The resident moving out. */
  residentId: Scalars['ID']['input'];
  /** The unit the resident moves out of. */
  unitId: Scalars['ID']['input'];
};

/** What a question of the December needs survey is about (the service catalogue of seed 002/004), for next year's plan. */
export type NeedsTheme =
  /** Upkeep of the buildings (房屋养护). */
  | 'BUILDING_MAINTENANCE'
  /** Cleaning of the estate and its public areas (保洁). */
  | 'CLEANING'
  /** Day-to-day communication with the management office (日常沟通). */
  | 'COMMUNICATION'
  /** Community culture and activities (社区文化). */
  | 'COMMUNITY_CULTURE'
  /** Shared equipment and facilities (设备设施养护). */
  | 'EQUIPMENT_AND_FACILITIES'
  /** Housekeeping services (家政服务). */
  | 'HOUSEKEEPING'
  /** Landscaping and greenery (绿化养护). */
  | 'LANDSCAPING'
  /** Anything else. */
  | 'OTHER'
  /** Security and traffic management (安全及交通管理). */
  | 'SECURITY_AND_TRAFFIC'
  /** Smart and online services (智能化服务). */
  | 'SMART_SERVICES'
  /** Cars, motorbikes, bicycles and parking (三车及场地管理). */
  | 'VEHICLES_AND_PARKING';

/** An amount in integer minor units. */
export type PartCostInput = {
  /** Minor units (fen for CNY), 0 or more. */
  amount: Scalars['Int']['input'];
  /** ISO 4217 code, e.g. `CNY`. */
  currency: Scalars['String']['input'];
};

/** A part used on the job. */
export type PartUsedInput = {
  /** What they cost in all, if priced. */
  cost?: InputMaybe<PartCostInput>;
  /** What the part is (1-200 characters). */
  name: Scalars['String']['input'];
  /** How many (1 to 10,000). */
  quantity: Scalars['Int']['input'];
};

/** How a payment was made. */
export type PaymentMethod =
  /** Alipay. */
  | 'ALIPAY'
  /** A bank transfer. */
  | 'BANK_TRANSFER'
  /** A bank card. */
  | 'CARD'
  /** Cash at the service centre. */
  | 'CASH'
  /** WeChat Pay. */
  | 'WECHAT_PAY';

/** A personal field shown masked unless asked for in full. */
export type PiiField =
  /** The ID document number. */
  | 'ID_DOCUMENT_NUMBER'
  /** The phone number. */
  | 'PHONE';

/** Who sets an item's price. */
export type PriceSource =
  /** The price set by the competent government department. */
  | 'GOVERNMENT'
  /** The property sets it itself. */
  | 'OWN';

/** How an item's price is applied. */
export type Pricing =
  /** A fixed amount each time. */
  | 'FIXED'
  /** Per hour of work; priced by hand after the work. */
  | 'PER_HOUR'
  /** Per metered unit consumed. */
  | 'PER_METERED_UNIT'
  /** A fixed amount per month. */
  | 'PER_MONTH'
  /** Per square metre of the unit, per month. */
  | 'PER_SQUARE_METER_MONTH';

/** A quarter to disclose. */
export type PublishDisclosureInput = {
  /** The property. */
  propertyId: Scalars['ID']['input'];
  /** YYYY-Q1…Q4, ended. */
  quarter: Scalars['String']['input'];
};

/** The input of `publishFeeSchedule`. */
export type PublishFeeScheduleInput = {
  /** The draft fee schedule to publish. */
  id: Scalars['ID']['input'];
};

/** The input of `publishSatisfactionResults`: a property and an ended period, named or as a range. */
export type PublishSatisfactionResultsInput = {
  /** Start of a range (with to, instead of period). */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** A calendar period: 2026-11, 2026-Q4, 2026-H2 or 2026 (or give from and to). */
  period?: InputMaybe<Scalars['String']['input']>;
  /** The property whose results to publish. */
  propertyId: Scalars['ID']['input'];
  /** End of a range, exclusive; not after now. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Which version to put in force, and from when. */
export type PublishSlaPolicyVersionInput = {
  /** In force from (now or later). */
  effectiveFrom: Scalars['DateTime']['input'];
  /** The property. */
  propertyId: Scalars['ID']['input'];
  /** A version of 1.0 or more, not yet published. */
  version: Scalars['String']['input'];
};

/** One question of a survey template. */
export type QuestionInput = {
  /** Lower-case letters, digits and dashes; stable across versions so answers compare. */
  id: Scalars['ID']['input'];
  /** What kind of answer the question takes. */
  kind: QuestionKind;
  /** For choice questions: the options offered. */
  options?: InputMaybe<Array<Scalars['String']['input']>>;
  /** True when every response must answer it (default false). */
  required?: InputMaybe<Scalars['Boolean']['input']>;
  /** The question as the resident reads it. */
  text: Scalars['String']['input'];
  /** What the question is about; every question of a needs-survey template has one. */
  theme?: InputMaybe<NeedsTheme>;
};

/** What kind of answer a question takes. */
export type QuestionKind =
  /** Any of the offered options. */
  | 'MULTIPLE_CHOICE'
  /** A score from 1 (very dissatisfied) to 5 (very satisfied). */
  | 'SCORE'
  /** One of the offered options. */
  | 'SINGLE_CHOICE'
  /** Free text. */
  | 'TEXT';

/** The input of `raiseHelpRequestComplaintTier`. */
export type RaiseHelpRequestComplaintTierInput = {
  /** The complaint. */
  id: Scalars['ID']['input'];
  /** Why; goes on the timeline with who decided (at most 2000 characters). */
  reason: Scalars['String']['input'];
  /** The next tier: ESCALATED from COMPLAINT, APPEAL from ESCALATED. */
  tier: RaisedComplaintTier;
};

/** A complaint's next handling tier. */
export type RaisedComplaintTier =
  /** An appeal (申诉处理) against how the escalated complaint was handled; supervisors and above accept it. */
  | 'APPEAL'
  /** An escalated complaint (升级投诉处理): the resident is not satisfied with the first answer. */
  | 'ESCALATED';

/** What a reading is. */
export type ReadingKind =
  /** The old meter's last reading, at its replacement. */
  | 'FINAL'
  /** The first reading of a series: at handover (底数), or of a replacement meter. */
  | 'OPENING'
  /** An ordinary reading. */
  | 'REGULAR';

/** The input of `recordFacilityInspection`. */
export type RecordFacilityInspectionInput = {
  /** When the round was made. */
  inspectedAt: Scalars['DateTime']['input'];
  /** The items checked (1 to 200). */
  items: Array<FacilityInspectionItemInput>;
  /** The property inspected. */
  propertyId: Scalars['ID']['input'];
  /** The round, e.g. `Fire equipment monthly patrol`. */
  round: Scalars['String']['input'];
};

/** The input of `recordFollowUp`. */
export type RecordFollowUpInput = {
  /** The help request followed up. */
  id: Scalars['ID']['input'];
  /** What the visitor noted. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** What the resident said. */
  result: FollowUpResult;
};

/** The input of `recordHelpRequest`. */
export type RecordHelpRequestInput = {
  /** Links to photos or documents that came with the request. */
  attachments?: InputMaybe<Array<Scalars['String']['input']>>;
  /** What the request is about. */
  category: HelpRequestCategory;
  /** How the request reached the property. */
  channel: Channel;
  /** For a complaint: how serious it is. */
  complaintSeverity?: InputMaybe<ComplaintSeverity>;
  /** For a complaint: how far it has gone. */
  complaintTier?: InputMaybe<ComplaintTier>;
  /** True when only the staff handling it may see it (default false). */
  confidential?: InputMaybe<Scalars['Boolean']['input']>;
  /** For a consultation: how it is answered. */
  consultationMode?: InputMaybe<ConsultationMode>;
  /** Who to contact about the request. */
  contactName: Scalars['String']['input'];
  /** The contact's phone number. */
  contactPhone: Scalars['String']['input'];
  /** What the resident asks for, in their words. */
  description: Scalars['String']['input'];
  /** For short-term nursing: whether a family member is present. */
  familyMemberPresent?: InputMaybe<Scalars['Boolean']['input']>;
  /** For a repair: how hard it is. */
  faultComplexity?: InputMaybe<FaultComplexity>;
  /** True for a paid service, charged at the published price when closed (default false). */
  paid?: InputMaybe<Scalars['Boolean']['input']>;
  /** The property the request is for. */
  propertyId: Scalars['ID']['input'];
  /** The resident asking, when known. */
  requesterId?: InputMaybe<Scalars['ID']['input']>;
  /** What kind of help is asked for; it sets the time limits. */
  type: HelpRequestType;
  /** The unit concerned, when there is one. */
  unitId?: InputMaybe<Scalars['ID']['input']>;
  /** True when the request must be handled first (default false). */
  urgent?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Parts used on the job. */
export type RecordHelpRequestPartsInput = {
  /** The help request. */
  id: Scalars['ID']['input'];
  /** The parts (1 to 50). */
  parts: Array<PartUsedInput>;
};

/** The resident's sign-off of the resolved work. */
export type RecordHelpRequestSignOffInput = {
  /** The resolved help request. */
  id: Scalars['ID']['input'];
  /** A note for the timeline. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The resident who signs (1-100 characters). */
  residentName: Scalars['String']['input'];
  /** A link to the signature image (an attachment reference); omitted when the resident confirms without signing. */
  signature?: InputMaybe<Scalars['String']['input']>;
};

/** A work note mid-job. */
export type RecordHelpRequestWorkNoteInput = {
  /** The help request. */
  id: Scalars['ID']['input'];
  /** What was found or done (1-2000 characters). */
  note: Scalars['String']['input'];
  /** Links to photos taken (at most 10, http or https). */
  photos?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** The input of `recordInspection`. */
export type RecordInspectionInput = {
  /** What the inspector found. */
  finding: Scalars['String']['input'];
  /** The help request inspected. */
  id: Scalars['ID']['input'];
  /** Whether the work met the standard. */
  passed: Scalars['Boolean']['input'];
};

/** A cost of the company, or a movement of the common fund, to record. */
export type RecordLedgerEntryInput = {
  /** What it is (e.g. `Elevator advertising, Q4`). */
  description: Scalars['String']['input'];
  /** The ledger. */
  fund: Fund;
  /** The day it counts on (today or earlier). */
  postedOn: Scalars['LocalDate']['input'];
  /** At least two postings whose debits equal their credits. */
  postings: Array<LedgerPostingInput>;
  /** The property. */
  propertyId: Scalars['ID']['input'];
};

/** The input of `recordMeterReading`. */
export type RecordMeterReadingInput = {
  /** The meter read. */
  meterId: Scalars['ID']['input'];
  /** When it was read: not before the last reading. */
  readAt: Scalars['DateTime']['input'];
  /** The value read: not below the series' last reading. */
  value: Scalars['Float']['input'];
};

/** The input of `recordPayment`. */
export type RecordPaymentInput = {
  /** How much was paid. */
  amount: MoneyInput;
  /** The bill paid; or `unitId` for a payment to the unit's account (oldest bills first). */
  billId?: InputMaybe<Scalars['ID']['input']>;
  /** The sender's key: the same key again returns the first result; another amount under it is CONFLICT. */
  idempotencyKey: Scalars['String']['input'];
  /** How it was paid. */
  method: PaymentMethod;
  /** The unit paid for; may be omitted when a bill is named. */
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

/** A reply or feedback given to the resident, and how it reached them. */
export type RecordReplyInput = {
  /** How the reply reached the resident. */
  channel: Channel;
  /** The help request. */
  id: Scalars['ID']['input'];
  /** Goes on the timeline (at most 2000 characters). */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** The input of `recordSurveyByPhone`. */
export type RecordSurveyByPhoneInput = {
  /** The resident's answers. */
  answers: Array<AnswerInput>;
  /** What the caller noted. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The survey answered. */
  surveyId: Scalars['ID']['input'];
};

/** The written reply to a written consultation. */
export type RecordWrittenReplyInput = {
  /** The written consultation. */
  id: Scalars['ID']['input'];
  /** Goes on the timeline (at most 2000 characters). */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The answer touches company policy: then the management-office director (or the general manager) signs it. */
  touchesCompanyPolicy: Scalars['Boolean']['input'];
};

/** The input of `referHelpRequest`. */
export type ReferHelpRequestInput = {
  /** How the resident reaches the department. */
  contact?: InputMaybe<Scalars['String']['input']>;
  /** The receiving department or organisation. */
  department: Scalars['String']['input'];
  /** The help request to refer. */
  id: Scalars['ID']['input'];
  /** A note for the timeline. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** When the resident was told where their request went. */
  residentToldAt: Scalars['DateTime']['input'];
};

/** Pays credit on a unit's account back to the payer. */
export type RefundCreditInput = {
  /** At most the credit the unit holds. */
  amount: MoneyInput;
  /** The sender's key: the same key again returns the first refund; another amount under it is CONFLICT. */
  idempotencyKey: Scalars['String']['input'];
  /** How it is paid back. */
  method: PaymentMethod;
  /** Why (shown on the refund). */
  reason: Scalars['String']['input'];
  /** The unit in credit. */
  unitId: Scalars['ID']['input'];
};

/** The input of `registerFacility`. */
export type RegisterFacilityInput = {
  /** Where it is, e.g. `Basement pump room`. */
  area: Scalars['String']['input'];
  /** The asset tag on it, unique within the property. */
  assetTag: Scalars['String']['input'];
  /** The building it is in, if any. */
  buildingId?: InputMaybe<Scalars['ID']['input']>;
  /** How much its failure matters. */
  criticality: Criticality;
  /** YYYY-MM-DD. */
  installedOn?: InputMaybe<Scalars['String']['input']>;
  /** The manufacturer, when known. */
  maker?: InputMaybe<Scalars['String']['input']>;
  /** The manufacturer's model, when known. */
  model?: InputMaybe<Scalars['String']['input']>;
  /** Its name as staff know it. */
  name: Scalars['String']['input'];
  /** The property the facility belongs to. */
  propertyId: Scalars['ID']['input'];
  /** What kind of facility it is. */
  type: FacilityType;
};

/** How a run of the register job ended. */
export type RegisterJobRunStatus =
  /** Finished. */
  | 'COMPLETED'
  /** Stopped by an error (in `error`); the next run takes over. */
  | 'FAILED'
  /** Still running, or stopped half-way (the next run finishes its batch). */
  | 'RUNNING';

/** The input of `registerMeter`. */
export type RegisterMeterInput = {
  /** The facility it belongs to, if any. */
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  /** Where it is. */
  location: Scalars['String']['input'];
  /** When the opening reading was taken. */
  openingReadAt: Scalars['DateTime']['input'];
  /** The opening reading (底数), e.g. at the unit's handover. */
  openingReading: Scalars['Float']['input'];
  /** The property it is at. */
  propertyId: Scalars['ID']['input'];
  /** The meter's serial number. */
  serialNumber: Scalars['String']['input'];
  /** What it measures. */
  type: MeterType;
  /** The unit it measures; omitted for a meter of the shared areas. */
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

/** The input of `registerResident`. */
export type RegisterResidentInput = {
  /** The resident's ID document number, when given. */
  idDocumentNumber?: InputMaybe<Scalars['String']['input']>;
  /** Whether the resident is an owner, a tenant or a family member. */
  kind: ResidentKind;
  /** The resident's name. */
  name: Scalars['String']['input'];
  /** The resident's phone number. */
  phone: Scalars['String']['input'];
  /** The property the resident lives at. */
  propertyId: Scalars['ID']['input'];
  /** True for residents given priority service (default false). */
  vip?: InputMaybe<Scalars['Boolean']['input']>;
};

/** The input of `registerServicePartner`. */
export type RegisterServicePartnerInput = {
  /** A phone to reach it. */
  contactPhone?: InputMaybe<Scalars['String']['input']>;
  /** The company's name. */
  name: Scalars['String']['input'];
  /** The property it serves. */
  propertyId: Scalars['ID']['input'];
};

/** The input of `registerStaff`. */
export type RegisterStaffInput = {
  /** Their grade. */
  grade: Grade;
  /** The staff member's name. */
  name: Scalars['String']['input'];
  /** The properties they work at. */
  propertyIds: Array<Scalars['ID']['input']>;
  /** Their roles. */
  roles: Array<StaffRole>;
  /** Their weekly shifts. */
  roster: Array<ShiftInput>;
  /** The work they are qualified for. */
  skills: Array<Skill>;
  /** The IANA time zone of their roster, e.g. `Asia/Shanghai`. */
  timeZone: Scalars['String']['input'];
};

/** The input of `rejectFix`. */
export type RejectFixInput = {
  /** The help request the resident says is not fixed. */
  id: Scalars['ID']['input'];
  /** What is still wrong. */
  reason: Scalars['String']['input'];
};

/** The input of `replaceMeter`. */
export type ReplaceMeterInput = {
  /** The old meter's last value, if it could be read. */
  finalReading?: InputMaybe<Scalars['Float']['input']>;
  /** The meter replaced. */
  meterId: Scalars['ID']['input'];
  /** The new meter's serial number. */
  newSerialNumber: Scalars['String']['input'];
  /** The new meter's opening reading: it starts a new series. */
  openingReading: Scalars['Float']['input'];
  /** When the meter was replaced. */
  replacedAt: Scalars['DateTime']['input'];
};

/** The input of `reportFacilityFault`. */
export type ReportFacilityFaultInput = {
  /** How hard the repair looks. */
  complexity: FaultComplexity;
  /** A phone to call back about the fault. */
  contactPhone?: InputMaybe<Scalars['String']['input']>;
  /** What is wrong. */
  description: Scalars['String']['input'];
  /** The faulty facility. */
  facilityId: Scalars['ID']['input'];
  /** Who reported it (a staff member, a resident's name, the partner). */
  reportedBy: Scalars['String']['input'];
  /** Who reports it. */
  source: FaultSource;
};

/** The input of `reportSharedFacilityFault`. */
export type ReportSharedFacilityFaultInput = {
  /** A phone to call back about it. */
  contactPhone?: InputMaybe<Scalars['String']['input']>;
  /** What is wrong. */
  description: Scalars['String']['input'];
  /** The shared facility (e.g. from the code on it) of a property the resident lives at. */
  facilityId: Scalars['ID']['input'];
};

/** The channels a resident submits a help request by, without the front desk. */
export type ResidentChannel =
  /** The residents' app. */
  | 'APP'
  /** The online chat. */
  | 'ONLINE_CHAT'
  /** A text message. */
  | 'SMS'
  /** The property's WeChat account. */
  | 'WECHAT';

/** A field of a resident's record that a change may touch. */
export type ResidentField =
  /** The ID document number (shown masked in the history). */
  | 'ID_DOCUMENT_NUMBER'
  /** Owner, tenant or family member. */
  | 'KIND'
  /** The resident's name. */
  | 'NAME'
  /** The phone number (shown masked in the history). */
  | 'PHONE'
  /** The preferred contact channel. */
  | 'PREFERRED_CONTACT_CHANNEL'
  /** The VIP flag. */
  | 'VIP';

/** Narrows a list of residents; every field given must match. */
export type ResidentFilter = {
  /** Only residents of this kind. */
  kind?: InputMaybe<ResidentKind>;
  /** Last digits of the phone number (at least 4), as front desks look callers up. */
  phoneSuffix?: InputMaybe<Scalars['String']['input']>;
  /** Only residents with (or without) priority service. */
  vip?: InputMaybe<Scalars['Boolean']['input']>;
};

/** How a resident lives at the property. */
export type ResidentKind =
  /** Lives with an owner or tenant. */
  | 'FAMILY_MEMBER'
  /** Owns the unit. */
  | 'OWNER'
  /** Rents the unit. */
  | 'TENANT';

/** The input of `resolveHelpRequest`. */
export type ResolveHelpRequestInput = {
  /** The help request resolved. */
  id: Scalars['ID']['input'];
  /** What was done. */
  outcome: Scalars['String']['input'];
};

/** How a survey response was given. */
export type ResponseChannel =
  /** Recorded by staff on a phone follow-up (回访) on the resident's behalf. */
  | 'PHONE'
  /** Answered by the resident. */
  | 'RESIDENT';

/** The input of `retireFacility`. */
export type RetireFacilityInput = {
  /** The facility to retire. */
  id: Scalars['ID']['input'];
  /** Why it is retired. */
  reason: Scalars['String']['input'];
};

/** Takes a whole payment back. */
export type ReversePaymentInput = {
  /** The sender's key: the same key again returns the first reversal. */
  idempotencyKey: Scalars['String']['input'];
  /** The payment to take back. */
  paymentId: Scalars['ID']['input'];
  /** Why (shown on the reversal). */
  reason: Scalars['String']['input'];
};

/** The input of `reviseSurveyTemplate`. */
export type ReviseSurveyTemplateInput = {
  /** The template to revise. */
  id: Scalars['ID']['input'];
  /** The new questions; surveys already opened keep their version. */
  questions: Array<QuestionInput>;
  /** The current version the revision starts from. */
  version: Scalars['Int']['input'];
};

/** A dunning notice to record. */
export type SendDunningNoticeInput = {
  /** How it was sent. */
  channel: DunningChannel;
  /** What the office adds (e.g. the reply). */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The unit whose household was dunned. */
  unitId: Scalars['ID']['input'];
};

/** Why a paid request needs a price set by hand. */
export type ServiceChargeReviewReason =
  /** No published item prices its category. */
  | 'NO_PUBLISHED_PRICE'
  /** Its item is priced per hour, so the hours decide the price. */
  | 'PRICED_PER_HOUR';

/** Where a paid request's charge stands. */
export type ServiceChargeStatus =
  /** Charged on the unit's next bill. */
  | 'CHARGED'
  /** No fixed published price applied: a fee administrator decides. */
  | 'NEEDS_REVIEW';

/** Narrows a list of service partners; every field given must match one of the partner's contracts. */
export type ServicePartnerFilter = {
  /** Only partners with a contract whose last day is within this many days from today (0 to 1830), not yet over. */
  contractsExpiringWithinDays?: InputMaybe<Scalars['Int']['input']>;
  /** Only partners with a contract covering this facility type. */
  facilityType?: InputMaybe<FacilityType>;
};

/** The service teams of a management office, by the trade of the request's category. */
export type ServiceTeam =
  /** Resident care: hospital escort, short-term nursing. */
  | 'CARE'
  /** Customer service: service quality, fees and anything else. */
  | 'CUSTOMER_SERVICE'
  /** Engineering and repairs: water, drains, power, wiring, lighting, lifts, doors and locks. */
  | 'ENGINEERING'
  /** Environment: cleaning and greenery. */
  | 'ENVIRONMENT'
  /** Security and order: noise and safety. */
  | 'SECURITY';

/** A property's new burst-detection groups, replacing the ones it had. */
export type SetIncidentRulesInput = {
  /** The property. */
  propertyId: Scalars['ID']['input'];
  /** Its groups; each category in at most one. */
  rules: Array<IncidentRuleInput>;
};

/** One date of a property's working-day calendar and what it becomes. */
export type SetWorkingCalendarDayInput = {
  /** The property's local date, yyyy-MM-dd. */
  date: Scalars['String']['input'];
  /** What the date becomes. */
  kind: CalendarDayKind;
  /** Its name (e.g. 公司年会). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The property. */
  propertyId: Scalars['ID']['input'];
};

/** One weekly shift. */
export type ShiftInput = {
  /** When it ends, `HH:MM`. */
  end: Scalars['String']['input'];
  /** When it starts, `HH:MM`. */
  start: Scalars['String']['input'];
  /** The day: 1 for Monday to 7 for Sunday. */
  weekday: Scalars['Int']['input'];
};

/** Where a shift comes from. */
export type ShiftSource =
  /** A one-off change of that day. */
  | 'CHANGE'
  /** The weekly roster. */
  | 'ROSTER';

/** A shift's times, `HH:MM`; an end at or before the start runs into the next day. */
export type ShiftTimesInput = {
  /** When it ends, `HH:MM`. */
  end: Scalars['String']['input'];
  /** When it starts, `HH:MM`. */
  start: Scalars['String']['input'];
};

/** Work a staff member is qualified for. */
export type Skill =
  /** Cleaning. */
  | 'CLEANING'
  /** Answering residents: consultations and complaints. */
  | 'CUSTOMER_SERVICE'
  /** Electrical work. */
  | 'ELECTRICAL'
  /** Elevators. */
  | 'ELEVATOR'
  /** Gardens and greenery. */
  | 'GREENERY'
  /** Doors and locks. */
  | 'LOCKSMITH'
  /** Hospital escorts and short-term nursing. */
  | 'NURSING_ESCORT'
  /** Plumbing and water leaks. */
  | 'PLUMBING'
  /** Security. */
  | 'SECURITY';

/** The SLA clocks of spec §2's table; each is stopped by its own moment. */
export type SlaClockKind =
  /** Feedback to the household (stopped by recordHelpRequestFeedback or resolving). */
  | 'FEEDBACK'
  /** The first reply to the resident (stopped by recordHelpRequestFirstReply or acknowledging). */
  | 'FIRST_REPLY'
  /** Someone on site (stopped by recordHelpRequestArrival or starting the work). */
  | 'ON_SITE'
  /** Resolved or handled (stopped by resolving or referring). */
  | 'RESOLUTION'
  /** A written consultation's written reply (stopped by recordHelpRequestWrittenReply). */
  | 'WRITTEN_REPLY';

/** When an SLA clock starts. */
export type SlaClockStart =
  /** At the arrival on site (a complaint's feedback is due 4 h after the visit). */
  | 'ARRIVAL'
  /** At intake. */
  | 'INTAKE';

/** Where an SLA clock stands. */
export type SlaClockStatus =
  /** Past its due time, stopped late or not at all. */
  | 'BREACHED'
  /** Stopped by its due time. */
  | 'MET'
  /** Not counting while the request waits (for parts). */
  | 'PAUSED'
  /** Counting, not yet due. */
  | 'RUNNING';

/** An SLA limit: an amount of a unit. */
export type SlaLimitInput = {
  /** How many units. */
  amount: Scalars['Int']['input'];
  /** Which unit. */
  unit: SlaLimitUnit;
};

/** How an SLA limit is measured. */
export type SlaLimitUnit =
  /** Calendar days in the property's time zone. */
  | 'DAYS'
  /** Hours, as a duration. */
  | 'HOURS'
  /** Minutes, as a duration. */
  | 'MINUTES'
  /** Working days on the property's calendar (rest days and holidays skipped, make-up days counted). */
  | 'WORKING_DAYS';

/** Which requests an SLA report covers: one property, optionally one type, category and team, received in a period. */
export type SlaReportFilter = {
  /** Only requests this staff member was assigned to (their team's work). */
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  /** Only this category. */
  category?: InputMaybe<HelpRequestCategory>;
  /** The property. */
  propertyId: Scalars['ID']['input'];
  /** Received before. */
  receivedBefore: Scalars['DateTime']['input'];
  /** Received at or after. */
  receivedFrom: Scalars['DateTime']['input'];
  /** Only this type. */
  type?: InputMaybe<HelpRequestType>;
};

/** The periodic SLA reports (seed 004 weekly; seed 001-S monthly, quarterly, half-yearly, yearly). */
export type SlaReportKind =
  /** A half-year, due by the 15th of the next half-year's first month. */
  | 'HALF_YEARLY'
  /** A calendar month, due by the 10th of the next. */
  | 'MONTHLY'
  /** A quarter, due by the 10th of the next quarter's first month. */
  | 'QUARTERLY'
  /** The seven days up to Friday, due on Friday (the weekly department meeting). */
  | 'WEEKLY'
  /** A calendar year, due by 20 January. */
  | 'YEARLY';

/** One row of an SLA policy. */
export type SlaRuleInput = {
  /** Categories it applies to (absent: any). */
  categories?: InputMaybe<Array<HelpRequestCategory>>;
  /** The clock this row sets. */
  clock: SlaClockKind;
  /** Complaint severity (absent: any). */
  complaintSeverity?: InputMaybe<ComplaintSeverity>;
  /** Consultation mode (absent: any). */
  consultationMode?: InputMaybe<ConsultationMode>;
  /** The row as people read it (1-200 characters). */
  description: Scalars['String']['input'];
  /** Fault complexity (absent: any). */
  faultComplexity?: InputMaybe<FaultComplexity>;
  /** How long it runs. */
  limit: SlaLimitInput;
  /** When it starts (default INTAKE). */
  startsAt?: InputMaybe<SlaClockStart>;
  /** Request types it applies to (absent: any). */
  types?: InputMaybe<Array<HelpRequestType>>;
  /** Only urgent or only non-urgent requests (absent: either). */
  urgent?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Leave over whole local days. */
export type StaffLeaveInput = {
  /** The first day off, yyyy-MM-dd. */
  from: Scalars['String']['input'];
  /** Why; kept on the history. */
  reason: Scalars['String']['input'];
  /** The staff member. */
  staffId: Scalars['ID']['input'];
  /** The last day off, yyyy-MM-dd (inclusive). */
  to: Scalars['String']['input'];
};

/** A staff member's role; it decides what they may read and change. */
export type StaffRole =
  /** Manages fee schedules, bills and payments. */
  | 'FEE_ADMINISTRATOR'
  /** Records and follows help requests. */
  | 'FRONT_DESK'
  /** Manages the property. */
  | 'GENERAL_MANAGER'
  /** Directs a property's service office. */
  | 'OFFICE_DIRECTOR'
  /** Inspects work at every property; changes nothing else. */
  | 'QUALITY_INSPECTOR'
  /** Assigns and escalates; oversees the service. */
  | 'SERVICE_SUPERVISOR'
  /** Carries out the work. */
  | 'TECHNICIAN';

/** The input of `startCampaign`. */
export type StartCampaignInput = {
  /** The campaign to start now, before its `opensAt`. */
  id: Scalars['ID']['input'];
};

/** The input of `submitHelpRequest`: a resident's own request, for the unit their household lives in. */
export type SubmitHelpRequestInput = {
  /** Links (http or https) to photos or documents, at most 20. */
  attachments?: InputMaybe<Array<Scalars['String']['input']>>;
  /** What the request is about. */
  category: HelpRequestCategory;
  /** How the resident is submitting it. */
  channel: ResidentChannel;
  /** For a complaint: how serious the resident finds it (default GENERAL; the front desk may correct it). */
  complaintSeverity?: InputMaybe<ComplaintSeverity>;
  /** For a consultation: how the resident wants the answer (default WRITTEN: they wrote in). */
  consultationMode?: InputMaybe<ConsultationMode>;
  /** Who to contact about the request. */
  contactName: Scalars['String']['input'];
  /** The contact's phone number (5-15 digits, optionally a leading +). */
  contactPhone: Scalars['String']['input'];
  /** What the resident asks for, in their words (at most 4000 characters). */
  description: Scalars['String']['input'];
  /** When the resident would like the visit. */
  preferredVisitAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** What kind of help is asked for; it sets the time limits. */
  type: HelpRequestType;
  /** The unit concerned: the one the resident's household lives in (the default); any other is FORBIDDEN (`NOT_YOUR_UNIT`). */
  unitId?: InputMaybe<Scalars['ID']['input']>;
  /** True when the resident says it cannot wait (default false). */
  urgent?: InputMaybe<Scalars['Boolean']['input']>;
};

/** What a survey is for. */
export type SurveyPurpose =
  /** A general satisfaction survey. */
  | 'GENERAL'
  /** After a help request was resolved; its first score question is the satisfaction score. */
  | 'POST_SERVICE';

/** Where a survey stands. */
export type SurveyState =
  /** Answered. */
  | 'COMPLETED'
  /** Not answered in time (SURVEY_EXPIRY_DAYS); applied when read. */
  | 'EXPIRED'
  /** Waiting for answers. */
  | 'OPEN';

/** Which incident to take. */
export type TakeIncidentInput = {
  /** The incident. */
  id: Scalars['ID']['input'];
};

/** The input of `recordNoResponse`. */
export type TransitionInput = {
  /** The help request. */
  id: Scalars['ID']['input'];
  /** Goes on the request's timeline with the transition (at most 2000 characters). */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** Which way the satisfaction rate moved against the previous period. */
export type TrendDirection =
  /** Lower than the previous period. */
  | 'DOWN'
  /** The same. */
  | 'FLAT'
  /** One of the two periods has no responses. */
  | 'UNKNOWN'
  /** Higher than the previous period. */
  | 'UP';

/** Narrows a list of units; every field given must match. */
export type UnitFilter = {
  /** Only units of this building. */
  buildingId?: InputMaybe<Scalars['ID']['input']>;
  /** Only units on this floor. */
  floor?: InputMaybe<Scalars['Int']['input']>;
  /** Only the unit with this number. */
  number?: InputMaybe<Scalars['String']['input']>;
};

/** The input of `updateCallBackSchedule`. */
export type UpdateCallBackScheduleInput = {
  /** When the property was handed over to its owners. */
  handoverAt: Scalars['DateTime']['input'];
  /** The property whose schedule changes. */
  propertyId: Scalars['ID']['input'];
};

/** The input of `updateMaintenancePlan`: what is given changes. */
export type UpdateMaintenancePlanInput = {
  /** False stops the plan: no further tasks are generated. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** A new checklist. */
  checklist?: InputMaybe<Array<Scalars['String']['input']>>;
  /** New evidence requirements (for tasks generated from now on). */
  evidence?: InputMaybe<Array<MaintenanceEvidenceKind>>;
  /** The plan to change. */
  id: Scalars['ID']['input'];
  /** A new name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** A new recurrence kind. */
  recurrence?: InputMaybe<MaintenanceRecurrenceKind>;
  /** A new RFC 5545 rule (recurrence RRULE). */
  rrule?: InputMaybe<Scalars['String']['input']>;
  /** A new start date, YYYY-MM-DD. */
  startsOn?: InputMaybe<Scalars['String']['input']>;
};

/** The input of `updateResidentContactDetails`: what to change of the caller's own contact details. */
export type UpdateResidentContactDetailsInput = {
  /** A new phone number: 7-15 digits, optionally with a leading +; omitted keeps the current one. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** A new preferred contact channel; omitted keeps the current one. */
  preferredContactChannel?: InputMaybe<ContactChannel>;
};

/** The input of `updateResident`: the fields to change (omitted ones stay) and why. */
export type UpdateResidentInput = {
  /** A new ID document number: 6-20 letters or digits. */
  idDocumentNumber?: InputMaybe<Scalars['String']['input']>;
  /** A new kind: owner, tenant or family member. */
  kind?: InputMaybe<ResidentKind>;
  /** A new name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** A new phone number: 7-15 digits, optionally with a leading +. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** A new preferred contact channel. */
  preferredContactChannel?: InputMaybe<ContactChannel>;
  /** Why the record changes (up to 500 characters), kept on its history. */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** The resident to change. */
  residentId: Scalars['ID']['input'];
  /** Set or clear the VIP flag. */
  vip?: InputMaybe<Scalars['Boolean']['input']>;
};

/** What managers change on a staff record; every field omitted (or null) stays as it is. */
export type UpdateStaffInput = {
  /** False deactivates them (refused while they hold open assignments: STAFF_HAS_OPEN_ASSIGNMENTS); true reactivates. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** Their grade (after the assessment of seed 001-A). */
  grade?: InputMaybe<Grade>;
  /** The staff member. */
  id: Scalars['ID']['input'];
  /** The properties they work at (each must be known to work-orders). */
  propertyIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Why; kept on the staff member's history (1-500 characters). */
  reason: Scalars['String']['input'];
  /** Their weekly shifts, replacing the roster; shifts may not overlap. */
  roster?: InputMaybe<Array<ShiftInput>>;
  /** The work they are qualified for, replacing the list. */
  skills?: InputMaybe<Array<Skill>>;
  /** The IANA time zone of their roster. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

/** The input of `waitForParts`. */
export type WaitForPartsInput = {
  /** When the parts are expected, if known. */
  expectedBy?: InputMaybe<Scalars['DateTime']['input']>;
  /** The help request waiting. */
  id: Scalars['ID']['input'];
  /** The notice sent to the affected residents. */
  message: Scalars['String']['input'];
  /** The units told about the wait. */
  notifiedUnitIds: Array<Scalars['ID']['input']>;
};

/** The input of `withdrawHelpRequest`. */
export type WithdrawHelpRequestInput = {
  /** The help request, not yet started. */
  id: Scalars['ID']['input'];
  /** Why the resident takes it back (goes on the timeline, at most 2000 characters). */
  reason?: InputMaybe<Scalars['String']['input']>;
};

export type CreatePropertyMutationVariables = Exact<{
  input: CreatePropertyInput;
}>;


export type CreatePropertyMutation = { __typename?: 'Mutation', createProperty: { __typename?: 'CreatePropertyPayload', property: { __typename?: 'Property', id: string, code: string, name: string, timeZone: string } } };

export type CreateBuildingMutationVariables = Exact<{
  input: CreateBuildingInput;
}>;


export type CreateBuildingMutation = { __typename?: 'Mutation', createBuilding: { __typename?: 'CreateBuildingPayload', building: { __typename?: 'Building', id: string, name: string, floors: number } } };

export type CreateUnitMutationVariables = Exact<{
  input: CreateUnitInput;
}>;


export type CreateUnitMutation = { __typename?: 'Mutation', createUnit: { __typename?: 'CreateUnitPayload', unit: { __typename?: 'Unit', id: string, number: string, floor: number, areaSquareMeters: number } } };

export type PropertyUnitsQueryVariables = Exact<{
  code: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PropertyUnitsQuery = { __typename?: 'Query', propertyByCode?: { __typename?: 'Property', id: string, name: string, units: { __typename?: 'UnitConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, edges: Array<{ __typename?: 'UnitEdge', cursor: string, node: { __typename?: 'Unit', id: string, number: string, floor: number } }> } } | null };


export const CreatePropertyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProperty"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePropertyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProperty"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"property"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}}]}}]}}]} as unknown as DocumentNode<CreatePropertyMutation, CreatePropertyMutationVariables>;
export const CreateBuildingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateBuilding"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateBuildingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createBuilding"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"building"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"floors"}}]}}]}}]}}]} as unknown as DocumentNode<CreateBuildingMutation, CreateBuildingMutationVariables>;
export const CreateUnitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUnit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUnitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUnit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"floor"}},{"kind":"Field","name":{"kind":"Name","value":"areaSquareMeters"}}]}}]}}]}}]} as unknown as DocumentNode<CreateUnitMutation, CreateUnitMutationVariables>;
export const PropertyUnitsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PropertyUnits"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"propertyByCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"units"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"floor"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PropertyUnitsQuery, PropertyUnitsQueryVariables>;