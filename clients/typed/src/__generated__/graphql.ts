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

/** The input of `adjustBill`. */
export type AdjustBillInput = {
  /** Signed integer fen: negative to credit, positive to charge more. */
  amount: MoneyInput;
  /** The bill to adjust. */
  billId: Scalars['ID']['input'];
  /** Why the bill changed, shown on the line (e.g. `Area corrected to 89.00 m²`). */
  reason: Scalars['String']['input'];
};

/** What `adjustBill` returns: the record as it is after the change. */
export type AdjustBillPayload = {
  __typename?: 'AdjustBillPayload';
  /** The bill with its adjustment line and new total. */
  bill: Bill;
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

/** A unit's bill for one period; never edited once issued. total − paid = balance, all derived from lines and payments. */
export type Bill = {
  __typename?: 'Bill';
  /** The payments applied to this bill and how much of each. */
  allocations: Array<BillAllocation>;
  /** What remains to pay: total minus paid. */
  balance: Money;
  /** The day by which the bill should be paid. */
  dueOn: Scalars['LocalDate']['output'];
  /** The fee schedule version the bill was priced with; null for a bill of service charges only. */
  feeSchedule?: Maybe<FeeSchedule>;
  /** Unique identifier of this bill. */
  id: Scalars['ID']['output'];
  /** When the bill was generated. */
  issuedAt: Scalars['DateTime']['output'];
  /** What the bill charges, line by line, adjustments included. */
  lines: Array<BillLine>;
  /** How much of the total payments have covered so far. */
  paid: Money;
  /** YYYY-MM or YYYY-Q1…Q4. */
  period: Scalars['String']['output'];
  /** Last day of the billed period. */
  periodEnd: Scalars['LocalDate']['output'];
  /** First day of the billed period. */
  periodStart: Scalars['LocalDate']['output'];
  /** The property the billed unit belongs to. */
  propertyId: Scalars['ID']['output'];
  /** The sum of all lines. */
  total: Money;
  /** The unit this bill is for. */
  unit: Unit;
};

/** Money applied to a bill: from a payment, or from credit. */
export type BillAllocation = {
  __typename?: 'BillAllocation';
  /** How much of the payment went to this bill. */
  amount: Money;
  /** The payment the amount came from; null when it came from the unit's credit. */
  payment?: Maybe<Payment>;
};

/** A page of bills, newest first. */
export type BillConnection = {
  __typename?: 'BillConnection';
  /** This page's bills, each with its cursor. */
  edges: Array<BillEdge>;
  /** Where this page sits in the list: pass `endCursor` as `after` for the next page. */
  pageInfo: PageInfo;
  /** How many bills the whole list holds, not just this page (counted only when asked for). */
  totalCount: Scalars['Int']['output'];
};

/** One bill in a page, with its cursor. */
export type BillEdge = {
  __typename?: 'BillEdge';
  /** Where this bill sits in the list: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The bill. */
  node: Bill;
};

/** One line of a bill: a charge from the fee schedule or an adjustment. */
export type BillLine = {
  __typename?: 'BillLine';
  /** What the line adds to the bill; negative for a credit. */
  amount: Money;
  /** The fee schedule item code the line prices, or the adjustment's code. */
  code: Scalars['String']['output'];
  /** What the resident reads on the bill for this line. */
  description: Scalars['String']['output'];
  /** Whether the line is a charge or an adjustment. */
  kind: BillLineKind;
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

/** A building of a property, holding its units. */
export type Building = {
  __typename?: 'Building';
  /** When this building was recorded. */
  createdAt: Scalars['DateTime']['output'];
  /** How many floors the building has. */
  floors: Scalars['Int']['output'];
  /** Unique identifier of this building. */
  id: Scalars['ID']['output'];
  /** The building's name as residents know it, e.g. `Building 3`. */
  name: Scalars['String']['output'];
  /** The property the building belongs to. */
  property: Property;
  /** The building's units, newest first. */
  units: UnitConnection;
};


/** A building of a property, holding its units. */
export type BuildingUnitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of buildings, newest first. */
export type BuildingConnection = {
  __typename?: 'BuildingConnection';
  /** This page's buildings, each with its cursor. */
  edges: Array<BuildingEdge>;
  /** Where this page sits in the list: pass `endCursor` as `after` for the next page. */
  pageInfo: PageInfo;
  /** How many buildings the whole list holds, not just this page (counted only when asked for). */
  totalCount: Scalars['Int']['output'];
};

/** One building in a page, with its cursor. */
export type BuildingEdge = {
  __typename?: 'BuildingEdge';
  /** Where this building sits in the list: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The building. */
  node: Building;
};

/** A call-back due to a property's residents, one per period after handover. */
export type CallBack = {
  __typename?: 'CallBack';
  /** Which of the scheduled call-backs after handover this is. */
  cadence: CallBackCadence;
  /** When the call-back should be made. */
  dueAt: Scalars['DateTime']['output'];
  /** The handover the call-back is counted from. */
  handoverAt: Scalars['DateTime']['output'];
  /** Unique identifier of this call back. */
  id: Scalars['ID']['output'];
  /** 0–11: the months of the first year; 12 on: the quarters after. */
  period: Scalars['Int']['output'];
  /** The property whose resident is called back. */
  propertyId: Scalars['ID']['output'];
  /** Whether the call-back is still due. */
  state: CallBackState;
};

/** When, after a property's handover, residents are called back about the service. */
export type CallBackCadence =
  /** One a month in a property's first year after handover. */
  | 'MONTHLY'
  /** One a quarter after the first year. */
  | 'QUARTERLY';

/** A page of call backs, newest first. */
export type CallBackConnection = {
  __typename?: 'CallBackConnection';
  /** This page's call backs, each with its cursor. */
  edges: Array<CallBackEdge>;
  /** Where this page sits in the list: pass `endCursor` as `after` for the next page. */
  pageInfo: PageInfo;
  /** How many call backs the whole list holds, not just this page (counted only when asked for). */
  totalCount: Scalars['Int']['output'];
};

/** One call back in a page, with its cursor. */
export type CallBackEdge = {
  __typename?: 'CallBackEdge';
  /** Where this call back sits in the list: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The call back. */
  node: CallBack;
};

/** A property's call-back plan (seed 004): monthly in its first year after handover, quarterly after. */
export type CallBackSchedule = {
  __typename?: 'CallBackSchedule';
  /** When the property was handed over; call-backs are counted from it. */
  handoverAt: Scalars['DateTime']['output'];
  /** Where the handover time came from. */
  handoverSource: HandoverSource;
  /** When the scheduler next creates a call-back. */
  nextDueAt: Scalars['DateTime']['output'];
  /** The property this schedule is for. */
  propertyId: Scalars['ID']['output'];
};

/** What `updateCallBackSchedule` returns: the record as it is after the change. */
export type CallBackSchedulePayload = {
  __typename?: 'CallBackSchedulePayload';
  /** The schedule as it is after the change. */
  callBackSchedule: CallBackSchedule;
};

/** Where a call-back stands. */
export type CallBackState =
  /** Not made yet: it is waiting for its due time or overdue. */
  | 'DUE';

/** The input of `changeFacilityStatus`. */
export type ChangeFacilityStatusInput = {
  /** The facility whose status changes. */
  id: Scalars['ID']['input'];
  /** Why the status changed; kept in the facility's status history. */
  reason: Scalars['String']['input'];
  /** The status staff set by hand. */
  status: ManualFacilityStatus;
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

/** The resident's answer when asked whether a resolved request is fixed. */
export type Confirmation = {
  __typename?: 'Confirmation';
  /** When the confirmation (or the failed attempt) was recorded. */
  at: Scalars['DateTime']['output'];
  /** Whether the resident confirmed or could not be reached. */
  kind: ConfirmationKind;
};

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

/** The input of `createBuilding`. */
export type CreateBuildingInput = {
  /** How many floors the building has (at least 1). */
  floors: Scalars['Int']['input'];
  /** The building's name as residents know it, unique within the property. */
  name: Scalars['String']['input'];
  /** The property the building belongs to. */
  propertyId: Scalars['ID']['input'];
};

/** What `createBuilding` returns: the record as it is after the change. */
export type CreateBuildingPayload = {
  __typename?: 'CreateBuildingPayload';
  /** The building created. */
  building: Building;
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

/** What `createProperty` returns: the record as it is after the change. */
export type CreatePropertyPayload = {
  __typename?: 'CreatePropertyPayload';
  /** The property created. */
  property: Property;
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

/** What `createUnit` returns: the record as it is after the change. */
export type CreateUnitPayload = {
  __typename?: 'CreateUnitPayload';
  /** The unit created. */
  unit: Unit;
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

/** A span a facility was DOWN within the period asked about. */
export type DowntimeInterval = {
  __typename?: 'DowntimeInterval';
  /** The facility that was not operating. */
  facility: Facility;
  /** The fault that caused the downtime, when there was one. */
  faultId?: Maybe<Scalars['ID']['output']>;
  /** When the downtime began (or the start of the asked range, if earlier). */
  from: Scalars['DateTime']['output'];
  /** Why the facility was not operating. */
  reason: Scalars['String']['output'];
  /** Null while it is still down. */
  to?: Maybe<Scalars['DateTime']['output']>;
};

/** The input of `escalateHelpRequest`. */
export type EscalateHelpRequestInput = {
  /** The help request to escalate. */
  id: Scalars['ID']['input'];
  /** Why it needs a higher level; kept in the timeline. */
  reason: Scalars['String']['input'];
};

/** A shared facility or piece of equipment of a property. */
export type Facility = {
  __typename?: 'Facility';
  /** Where on the estate: 'Building 3 lobby', 'north road'. */
  area: Scalars['String']['output'];
  /** Unique within the property. */
  assetTag: Scalars['String']['output'];
  /** The building it is in, if any. */
  buildingId?: Maybe<Scalars['ID']['output']>;
  /** Closed faults, oldest first. */
  closedFaults: Array<Fault>;
  /** When this facility was recorded. */
  createdAt: Scalars['DateTime']['output'];
  /** How much its failure matters; it orders repairs. */
  criticality: Criticality;
  /** Unique identifier of this facility. */
  id: Scalars['ID']['output'];
  /** YYYY-MM-DD. */
  installedOn?: Maybe<Scalars['String']['output']>;
  /** The manufacturer, when known. */
  maker?: Maybe<Scalars['String']['output']>;
  /** The manufacturer's model, when known. */
  model?: Maybe<Scalars['String']['output']>;
  /** The facility's name as staff know it, e.g. `Elevator B2`. */
  name: Scalars['String']['output'];
  /** The fault open now, if any. */
  openFault?: Maybe<Fault>;
  /** The property the facility belongs to. */
  propertyId: Scalars['ID']['output'];
  /** Whether the facility works now. */
  status: FacilityStatus;
  /** Every status change, oldest first (append-only). */
  statusHistory: Array<StatusChange>;
  /** What kind of facility it is. */
  type: FacilityType;
};

/** Availability over a period, computed from status histories (downtime intervals, not sampling). */
export type FacilityAvailability = {
  __typename?: 'FacilityAvailability';
  /** (measured - downtime) / measured, 0..1; null when nothing was measured. */
  availability?: Maybe<Scalars['Float']['output']>;
  /** Seconds within the range that the facility (or, for a type, any of them) was not operating. */
  downtimeSeconds: Scalars['Float']['output'];
  /** How many facilities were measured. */
  facilityCount: Scalars['Int']['output'];
  /** Start of the measured range. */
  from: Scalars['DateTime']['output'];
  /** The downtime intervals within the range, oldest first. */
  intervals: Array<DowntimeInterval>;
  /** Seconds measured: the facilities existed, were not retired, up to now. */
  measuredSeconds: Scalars['Float']['output'];
  /** Whether availability meets the published target; null when no target applies. */
  meetsTarget?: Maybe<Scalars['Boolean']['output']>;
  /** The configured target for the type (fire protection 1, road lighting 0.99 by default); null if none. */
  target?: Maybe<Scalars['Float']['output']>;
  /** End of the measured range (exclusive). */
  to: Scalars['DateTime']['output'];
  /** The facility type measured. */
  type: FacilityType;
};

/** A page of facilities, newest first. */
export type FacilityConnection = {
  __typename?: 'FacilityConnection';
  /** This page's facilities, each with its cursor. */
  edges: Array<FacilityEdge>;
  /** Where this page sits in the list: pass `endCursor` as `after` for the next page. */
  pageInfo: PageInfo;
  /** How many facilities the whole list holds, not just this page (counted only when asked for). */
  totalCount: Scalars['Int']['output'];
};

/** One facility in a page, with its cursor. */
export type FacilityEdge = {
  __typename?: 'FacilityEdge';
  /** Where this facility sits in the list: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The facility. */
  node: Facility;
};

/** Narrows a list of facilities; every field given must match. */
export type FacilityFilter = {
  /** Only facilities in this status. */
  status?: InputMaybe<FacilityStatus>;
  /** Only facilities of this type. */
  type?: InputMaybe<FacilityType>;
};

/** What `registerFacility`, `changeFacilityStatus`, `retireFacility` return: the record as it is after the change. */
export type FacilityPayload = {
  __typename?: 'FacilityPayload';
  /** The facility as it is after the change. */
  facility: Facility;
};

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

/** A fault on a facility: opened by its first report, closed when its repair is resolved in work-orders. */
export type Fault = {
  __typename?: 'Fault';
  /** When the repair that resolved it brought the facility back; null while open. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The work-orders repair whose resolution closed it. */
  closedByHelpRequestId?: Maybe<Scalars['ID']['output']>;
  /** Whether the repair is general or complex; it sets the repair's time limit. */
  complexity: FaultComplexity;
  /** What is wrong, as reported. */
  description: Scalars['String']['output'];
  /** Unique identifier of this fault. */
  id: Scalars['ID']['output'];
  /** When the fault was reported. */
  reportedAt: Scalars['DateTime']['output'];
  /** The id of who reported it (staff, resident, partner or inspection). */
  reportedBy: Scalars['String']['output'];
  /** Every report of it, the opening one first (later reports while it is open are linked here). */
  reports: Array<FaultReport>;
  /** Who reported the fault. */
  source: FaultSource;
  /** The status the fault set. */
  status: FacilityStatus;
};

/** How hard a repair is; it sets the time allowed to fix it. */
export type FaultComplexity =
  /** A repair that needs parts, specialists or more time. */
  | 'COMPLEX'
  /** An ordinary repair. */
  | 'GENERAL';

/** A further report of a fault already open. */
export type FaultReport = {
  __typename?: 'FaultReport';
  /** When this report came in. */
  at: Scalars['DateTime']['output'];
  /** What this report says. */
  description: Scalars['String']['output'];
  /** The id of who made it. */
  reportedBy: Scalars['String']['output'];
  /** Who made this report. */
  source: FaultSource;
};

/** What `reportFacilityFault` returns: the record as it is after the change. */
export type FaultReportPayload = {
  __typename?: 'FaultReportPayload';
  /** The facility, with the status the fault gave it. */
  facility: Facility;
  /** The fault opened, or the open fault the report was added to. */
  fault: Fault;
  /** True when the report was linked to the fault already open: no second repair is requested. */
  linked: Scalars['Boolean']['output'];
};

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

/** A version of a property's fee schedule; published versions are never changed and are what is charged. */
export type FeeSchedule = {
  __typename?: 'FeeSchedule';
  /** How often units are billed under this schedule. */
  billingCycle: BillingCycle;
  /** When this fee schedule was recorded. */
  createdAt: Scalars['DateTime']['output'];
  /** The first day the schedule applies. */
  effectiveFrom: Scalars['LocalDate']['output'];
  /** Unique identifier of this fee schedule. */
  id: Scalars['ID']['output'];
  /** The priced items. */
  items: Array<FeeScheduleItem>;
  /** 1, 2, … per property. */
  number: Scalars['Int']['output'];
  /** The property the schedule prices. */
  propertyId: Scalars['ID']['output'];
  /** When it was published; null for a draft. */
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Whether the schedule is a draft or published. */
  status: FeeScheduleStatus;
};

/** A page of fee schedules, newest first. */
export type FeeScheduleConnection = {
  __typename?: 'FeeScheduleConnection';
  /** This page's fee schedules, each with its cursor. */
  edges: Array<FeeScheduleEdge>;
  /** Where this page sits in the list: pass `endCursor` as `after` for the next page. */
  pageInfo: PageInfo;
  /** How many fee schedules the whole list holds, not just this page (counted only when asked for). */
  totalCount: Scalars['Int']['output'];
};

/** One fee schedule in a page, with its cursor. */
export type FeeScheduleEdge = {
  __typename?: 'FeeScheduleEdge';
  /** Where this fee schedule sits in the list: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The fee schedule. */
  node: FeeSchedule;
};

/** One priced item of a fee schedule. */
export type FeeScheduleItem = {
  __typename?: 'FeeScheduleItem';
  /** The item's code, unique within the schedule; bill lines name it. */
  code: Scalars['String']['output'];
  /** What the item charges for. */
  kind: FeeItemKind;
  /** True when materials are charged at cost on top of the price. */
  materialsAtCost: Scalars['Boolean']['output'];
  /** The item's name as residents read it. */
  name: Scalars['String']['output'];
  /** Per the pricing's unit: per m² per month, per month, per metered unit, per service, per hour. */
  price: Money;
  /** Who sets the price. */
  priceSource?: Maybe<PriceSource>;
  /** How the price is applied. */
  pricing: Pricing;
  /** For metered items, what is metered, e.g. `m³`. */
  unitType?: Maybe<Scalars['String']['output']>;
  /** PAID_SERVICE: the work-order categories this price applies to. */
  workOrderCategories: Array<Scalars['String']['output']>;
};

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

/** What `createFeeSchedule`, `publishFeeSchedule` return: the record as it is after the change. */
export type FeeSchedulePayload = {
  __typename?: 'FeeSchedulePayload';
  /** The fee schedule as it is after the change. */
  feeSchedule: FeeSchedule;
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

/** 回访: the follow-up visit or call after the resident's confirmation. */
export type FollowUpVisit = {
  __typename?: 'FollowUpVisit';
  /** When the follow-up took place. */
  at: Scalars['DateTime']['output'];
  /** The staff member who followed up. */
  byId: Scalars['String']['output'];
  /** What the visitor noted. */
  note?: Maybe<Scalars['String']['output']>;
  /** What the resident said. */
  result: FollowUpResult;
};

/** The front desk's board: how many requests are in each state at a property. */
export type FrontDeskBoard = {
  __typename?: 'FrontDeskBoard';
  /** How many open help requests are in each state. */
  counts: Array<StateCount>;
  /** How many open help requests are past their due time. */
  overdue: Scalars['Int']['output'];
  /** The property the board is for. */
  propertyId: Scalars['ID']['output'];
};

/** The input of `generateBills`. */
export type GenerateBillsInput = {
  /** YYYY-MM for a monthly property, YYYY-Q1…Q4 for a quarterly one. */
  period: Scalars['String']['input'];
  /** The property whose units are billed. */
  propertyId: Scalars['ID']['input'];
};

/** What `generateBills` returns: the record as it is after the change. */
export type GenerateBillsPayload = {
  __typename?: 'GenerateBillsPayload';
  /** Bills of the period that existed already (a second run issues none). */
  alreadyIssued: Scalars['Int']['output'];
  /** Bills issued by this run. */
  issued: Scalars['Int']['output'];
  /** The billed period, e.g. `2026-11`. */
  period: Scalars['String']['output'];
};

/** A staff member's grade, which limits the work they may take. */
export type Grade =
  /** Intermediate. */
  | 'INTERMEDIATE'
  /** Junior. */
  | 'JUNIOR'
  /** Senior; may take complex repairs. */
  | 'SENIOR';

/** Where a property's handover time came from. */
export type HandoverSource =
  /** The property's creation, until staff set the real date. */
  | 'PROPERTY_CREATED'
  /** Set by property staff. */
  | 'SET_BY_STAFF';

/** A help request (求助) of any type, from intake to close. */
export type HelpRequest = {
  __typename?: 'HelpRequest';
  /** The staff carrying out the work. */
  assignees: Array<Staff>;
  /** Links to photos or documents that came with the request. */
  attachments: Array<Scalars['String']['output']>;
  /** What the request is about. */
  category: HelpRequestCategory;
  /** How the request reached the property. */
  channel: Channel;
  /** Its charge when it was a paid service (staff of the property). */
  charge?: Maybe<ServiceCharge>;
  /** When it was closed; null until then. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** For a complaint: how serious it is. */
  complaintSeverity?: Maybe<ComplaintSeverity>;
  /** For a complaint: how far it has gone. */
  complaintTier?: Maybe<ComplaintTier>;
  /** True when only the staff handling it may see it. */
  confidential: Scalars['Boolean']['output'];
  /** The resident's confirmation of the resolution, once asked. */
  confirmation?: Maybe<Confirmation>;
  /** For a consultation: how it is answered. */
  consultationMode?: Maybe<ConsultationMode>;
  /** Who to contact about the request. */
  contactName: Scalars['String']['output'];
  /** The contact's phone number. */
  contactPhone: Scalars['String']['output'];
  /** What the resident asked for, in their words. */
  description: Scalars['String']['output'];
  /** When the request must be resolved. */
  dueAt: Scalars['DateTime']['output'];
  /** How many times it was escalated (0 when never). */
  escalationLevel: Scalars['Int']['output'];
  /** The facility a repair opened from a fault is for (resolved by facilities; null when the caller may not read it). */
  facility?: Maybe<Facility>;
  /** For short-term nursing: whether a family member is present. */
  familyMemberPresent?: Maybe<Scalars['Boolean']['output']>;
  /** For a repair: how hard it is. */
  faultComplexity?: Maybe<FaultComplexity>;
  /** When the first reply to the resident is due. */
  firstReplyDueAt: Scalars['DateTime']['output'];
  /** The follow-up visit, once made. */
  followUp?: Maybe<FollowUpVisit>;
  /** Unique identifier of this help request. */
  id: Scalars['ID']['output'];
  /** Quality inspections of the work, oldest first. */
  inspections: Array<Inspection>;
  /** Unique per property and year, e.g. WO-2026-000123. */
  number: Scalars['String']['output'];
  /** When staff must be on site, for requests that need a visit. */
  onSiteDueAt?: Maybe<Scalars['DateTime']['output']>;
  /** What was done, once resolved. */
  outcome?: Maybe<Scalars['String']['output']>;
  /** Past its due time and not yet resolved (computed when read). */
  overdue: Scalars['Boolean']['output'];
  /** The first-contact owner (首问制): whoever recorded it; never changes. Null for a repair the system opened from a facility fault (owned by the system actor). */
  owner?: Maybe<Staff>;
  /** True for a paid service, charged at the published price when closed. */
  paid: Scalars['Boolean']['output'];
  /** The notices sent while the work waited for parts, oldest first. */
  partsNotices: Array<PartsNotice>;
  /** The property the request is for. */
  propertyId: Scalars['ID']['output'];
  /** When the request was received; its time limits count from here. */
  receivedAt: Scalars['DateTime']['output'];
  /** Where it was referred, for requests outside the property's remit. */
  referral?: Maybe<Referral>;
  /** True when the same problem was reported again within the repeat-call window. */
  repeatCall: Scalars['Boolean']['output'];
  /** Later calls about this request from the same resident and unit. */
  repeatCalls: Array<HelpRequest>;
  /** The earlier request this one repeats. */
  repeatOf?: Maybe<HelpRequest>;
  /** The resident who asked, when known; null (with an error) if residents cannot answer. */
  requester?: Maybe<Resident>;
  /** When it was resolved; null until then. */
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The request's after-service survey; null until it is resolved, or when the caller may not see it. */
  satisfaction?: Maybe<Survey>;
  /** Which row of the SLA table set the due times. */
  slaRule: Scalars['String']['output'];
  /** Where the request stands in its lifecycle. */
  state: HelpRequestState;
  /** Append-only: every state change with who, when and why. */
  timeline: Array<TimelineEntry>;
  /** What kind of help is asked for; it sets the time limits. */
  type: HelpRequestType;
  /** The unit concerned, when there is one; null (with an error) if residents cannot answer. */
  unit?: Maybe<Unit>;
  /** True when the request is handled first. */
  urgent: Scalars['Boolean']['output'];
  /** Increases with every change; a stale write gets CONFLICT. */
  version: Scalars['Int']['output'];
};

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

/** A page of help requests, newest first. */
export type HelpRequestConnection = {
  __typename?: 'HelpRequestConnection';
  /** This page's help requests, each with its cursor. */
  edges: Array<HelpRequestEdge>;
  /** Where this page sits in the list: pass `endCursor` as `after` for the next page. */
  pageInfo: PageInfo;
  /** How many help requests the whole list holds, not just this page (counted only when asked for). */
  totalCount: Scalars['Int']['output'];
};

/** One help request in a page, with its cursor. */
export type HelpRequestEdge = {
  __typename?: 'HelpRequestEdge';
  /** Where this help request sits in the list: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The help request. */
  node: HelpRequest;
};

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

/** What `recordHelpRequest`, `acknowledgeHelpRequest`, `assignHelpRequest`, `startHelpRequestWork`, `holdHelpRequestForParts`, `resumeHelpRequestWork`, `resolveHelpRequest`, `rejectHelpRequestFix`, `confirmHelpRequestResolution`, `recordHelpRequestNoResponse`, `recordHelpRequestFollowUp`, `closeHelpRequest`, `referHelpRequest`, `escalateHelpRequest`, `recordHelpRequestInspection`, `startWork`, `waitForParts`, `resumeWork`, `rejectFix`, `confirmResolution`, `recordNoResponse`, `recordFollowUp`, `recordInspection` return: the record as it is after the change. */
export type HelpRequestPayload = {
  __typename?: 'HelpRequestPayload';
  /** The help request as it is after the change. */
  helpRequest: HelpRequest;
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

/** The people living in one unit. */
export type Household = {
  __typename?: 'Household';
  /** Unique identifier of this household. */
  id: Scalars['ID']['output'];
  /** Current members; with `includePast: true`, also those who moved out. */
  members: Array<HouseholdMember>;
  /** The unit the household lives in. */
  unit: Unit;
};


/** The people living in one unit. */
export type HouseholdMembersArgs = {
  includePast?: InputMaybe<Scalars['Boolean']['input']>;
};

/** One resident's membership of a household. */
export type HouseholdMember = {
  __typename?: 'HouseholdMember';
  /** The day the resident moved in. */
  movedInOn: Scalars['LocalDate']['output'];
  /** The day the resident moved out; null while they live there. */
  movedOutOn?: Maybe<Scalars['LocalDate']['output']>;
  /** How the resident lives in the unit: owner, tenant or family member. */
  relation: ResidentKind;
  /** The resident. */
  resident: Resident;
};

/** What `moveIn`, `moveOut` return: the record as it is after the change. */
export type HouseholdPayload = {
  __typename?: 'HouseholdPayload';
  /** The household as it is after the move. */
  household: Household;
};

/** A quality inspector's check of a help request. */
export type Inspection = {
  __typename?: 'Inspection';
  /** When the inspection was recorded. */
  at: Scalars['DateTime']['output'];
  /** What the inspector found. */
  finding: Scalars['String']['output'];
  /** The quality inspector. */
  inspectorId: Scalars['String']['output'];
  /** Whether the work met the standard. */
  passed: Scalars['Boolean']['output'];
};

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

/**
 * An amount of money: an integer of minor units (fen for CNY) and its ISO 4217 currency, never a
 * float. `formatted` is what a resident reads, e.g. `¥1,234.56`.
 */
export type Money = {
  __typename?: 'Money';
  /** The amount in the currency's minor unit (fen for CNY). */
  amount: Scalars['Int']['output'];
  /** ISO 4217 currency code, e.g. `CNY`. */
  currency: Scalars['String']['output'];
  /** The amount as people read it, e.g. `¥1,234.50`. */
  formatted: Scalars['String']['output'];
};

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

/** Every change a caller can make; each is checked against the caller's role and properties. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Acknowledges a received help request (the first reply). */
  acknowledgeHelpRequest: HelpRequestPayload;
  /** Appends an adjustment line to an issued bill (issued lines are never edited). */
  adjustBill: AdjustBillPayload;
  /** The respondent answers their own open survey, once. */
  answerSurvey: SurveyPayload;
  /** Assigns a help request to qualified staff. */
  assignHelpRequest: HelpRequestPayload;
  /** Sets a facility's status by hand, with the reason. */
  changeFacilityStatus: FacilityPayload;
  /** Closes a help request once it is confirmed or followed up. */
  closeHelpRequest: HelpRequestPayload;
  /** The resident confirms the fix. */
  confirmHelpRequestResolution: HelpRequestPayload;
  /**
   * Records that the resident confirmed the resolution.
   * @deprecated Use confirmHelpRequestResolution.
   */
  confirmResolution: HelpRequestPayload;
  /** Adds a building to a property. */
  createBuilding: CreateBuildingPayload;
  /** A new draft version of a property's fee schedule (fee administrators alone). */
  createFeeSchedule: FeeSchedulePayload;
  /** Creates a property. */
  createProperty: CreatePropertyPayload;
  /** Creates a survey template. */
  createSurveyTemplate: SurveyTemplatePayload;
  /** Adds a unit to a building. */
  createUnit: CreateUnitPayload;
  /** Escalates a help request to the next level, with the reason. */
  escalateHelpRequest: HelpRequestPayload;
  /** Issues a property's bills for a period from the published schedule in force; idempotent. */
  generateBills: GenerateBillsPayload;
  /** Work stops until parts arrive; the affected units are told (rule 6). */
  holdHelpRequestForParts: HelpRequestPayload;
  /** Records that a resident moved into a unit. */
  moveIn: HouseholdPayload;
  /** Records that a resident moved out of a unit. */
  moveOut: HouseholdPayload;
  /** Publishes a draft (明码标价): from its effective date it is what is charged. */
  publishFeeSchedule: FeeSchedulePayload;
  /**
   * Records a follow-up visit and the resident's view.
   * @deprecated Use recordHelpRequestFollowUp.
   */
  recordFollowUp: HelpRequestPayload;
  /** Records a new help request; its time limits start now. */
  recordHelpRequest: HelpRequestPayload;
  /** The follow-up visit (回访). */
  recordHelpRequestFollowUp: HelpRequestPayload;
  /** A quality inspector's finding. */
  recordHelpRequestInspection: HelpRequestPayload;
  /** After the configured wait without an answer from the resident. */
  recordHelpRequestNoResponse: HelpRequestPayload;
  /**
   * Records a quality inspection of the work.
   * @deprecated Use recordHelpRequestInspection.
   */
  recordInspection: HelpRequestPayload;
  /**
   * Records that the resident could not be reached to confirm.
   * @deprecated Use recordHelpRequestNoResponse.
   */
  recordNoResponse: HelpRequestPayload;
  /** Records a payment once per idempotency key. */
  recordPayment: RecordPaymentPayload;
  /** Staff record the resident's answers given on a phone follow-up (回访). */
  recordSurveyByPhone: SurveyPayload;
  /** Refers a help request to the department responsible and tells the resident. */
  referHelpRequest: HelpRequestPayload;
  /** Registers a shared facility of a property. */
  registerFacility: FacilityPayload;
  /** Registers a resident of a property. */
  registerResident: RegisterResidentPayload;
  /** Registers a staff member with their roles, skills and roster. */
  registerStaff: StaffPayload;
  /**
   * Records that the resident says the problem is not fixed; the request reopens.
   * @deprecated Use rejectHelpRequestFix.
   */
  rejectFix: HelpRequestPayload;
  /** The resident rejects the fix: the request reopens. */
  rejectHelpRequestFix: HelpRequestPayload;
  /** Reports a fault of a facility; a new fault opens one repair request. */
  reportFacilityFault: FaultReportPayload;
  /** Records that the work is done, with its outcome. */
  resolveHelpRequest: HelpRequestPayload;
  /** Work goes on once the parts are there. */
  resumeHelpRequestWork: HelpRequestPayload;
  /**
   * Resumes work that waited for parts.
   * @deprecated Use resumeHelpRequestWork.
   */
  resumeWork: HelpRequestPayload;
  /** Takes a facility out of service for good. */
  retireFacility: FacilityPayload;
  /** A new version of the questions; surveys already opened keep theirs. */
  reviseSurveyTemplate: SurveyTemplatePayload;
  /** An assignee (or a supervisor) starts the work. */
  startHelpRequestWork: HelpRequestPayload;
  /**
   * Records that the assignee started the work.
   * @deprecated Use startHelpRequestWork.
   */
  startWork: HelpRequestPayload;
  /** Sets the property's handover date; the call-back due now is created at once. */
  updateCallBackSchedule: CallBackSchedulePayload;
  /**
   * Puts the work on hold until parts arrive, telling the affected units.
   * @deprecated Use holdHelpRequestForParts.
   */
  waitForParts: HelpRequestPayload;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationAcknowledgeHelpRequestArgs = {
  input: TransitionInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationAdjustBillArgs = {
  input: AdjustBillInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationAnswerSurveyArgs = {
  input: AnswerSurveyInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationAssignHelpRequestArgs = {
  input: AssignHelpRequestInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationChangeFacilityStatusArgs = {
  input: ChangeFacilityStatusInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationCloseHelpRequestArgs = {
  input: TransitionInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationConfirmHelpRequestResolutionArgs = {
  input: TransitionInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationConfirmResolutionArgs = {
  input: TransitionInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationCreateBuildingArgs = {
  input: CreateBuildingInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationCreateFeeScheduleArgs = {
  input: CreateFeeScheduleInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationCreatePropertyArgs = {
  input: CreatePropertyInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationCreateSurveyTemplateArgs = {
  input: CreateSurveyTemplateInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationCreateUnitArgs = {
  input: CreateUnitInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationEscalateHelpRequestArgs = {
  input: EscalateHelpRequestInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationGenerateBillsArgs = {
  input: GenerateBillsInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationHoldHelpRequestForPartsArgs = {
  input: WaitForPartsInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationMoveInArgs = {
  input: MoveInInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationMoveOutArgs = {
  input: MoveOutInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationPublishFeeScheduleArgs = {
  input: PublishFeeScheduleInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationRecordFollowUpArgs = {
  input: RecordFollowUpInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationRecordHelpRequestArgs = {
  input: RecordHelpRequestInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationRecordHelpRequestFollowUpArgs = {
  input: RecordFollowUpInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationRecordHelpRequestInspectionArgs = {
  input: RecordInspectionInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationRecordHelpRequestNoResponseArgs = {
  input: TransitionInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationRecordInspectionArgs = {
  input: RecordInspectionInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationRecordNoResponseArgs = {
  input: TransitionInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationRecordPaymentArgs = {
  input: RecordPaymentInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationRecordSurveyByPhoneArgs = {
  input: RecordSurveyByPhoneInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationReferHelpRequestArgs = {
  input: ReferHelpRequestInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationRegisterFacilityArgs = {
  input: RegisterFacilityInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationRegisterResidentArgs = {
  input: RegisterResidentInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationRegisterStaffArgs = {
  input: RegisterStaffInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationRejectFixArgs = {
  input: RejectFixInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationRejectHelpRequestFixArgs = {
  input: RejectFixInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationReportFacilityFaultArgs = {
  input: ReportFacilityFaultInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationResolveHelpRequestArgs = {
  input: ResolveHelpRequestInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationResumeHelpRequestWorkArgs = {
  input: TransitionInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationResumeWorkArgs = {
  input: TransitionInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationRetireFacilityArgs = {
  input: RetireFacilityInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationReviseSurveyTemplateArgs = {
  input: ReviseSurveyTemplateInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationStartHelpRequestWorkArgs = {
  input: TransitionInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationStartWorkArgs = {
  input: TransitionInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationUpdateCallBackScheduleArgs = {
  input: UpdateCallBackScheduleInput;
};


/** Every change a caller can make; each is checked against the caller's role and properties. */
export type MutationWaitForPartsArgs = {
  input: WaitForPartsInput;
};

/**
 * Where a page sits in its list, as the Relay connection specification requires. Pages run newest
 * first and go forward with `first` and `after`.
 */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of this page's last edge, to pass as `after` for the next page; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when more records follow this page: ask for them with `after: endCursor`. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when records come before this page, i.e. it was asked for `after` a cursor. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of this page's first edge; null when the page is empty. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A notice to residents that work waits for parts. */
export type PartsNotice = {
  __typename?: 'PartsNotice';
  /** When the notice went out. */
  at: Scalars['DateTime']['output'];
  /** When the parts are expected, if known. */
  expectedBy?: Maybe<Scalars['DateTime']['output']>;
  /** What the residents were told. */
  message: Scalars['String']['output'];
  /** The units that were told. */
  notifiedUnitIds: Array<Scalars['ID']['output']>;
};

/** A payment received for a unit. */
export type Payment = {
  __typename?: 'Payment';
  /** How much was paid. */
  amount: Money;
  /** The bill the payer named, if any; the allocations say what it paid. */
  bill?: Maybe<Bill>;
  /** Unique identifier of this payment. */
  id: Scalars['ID']['output'];
  /** The payer's key: the same key twice records one payment. */
  idempotencyKey: Scalars['String']['output'];
  /** How it was paid. */
  method: PaymentMethod;
  /** When the payment was received. */
  receivedAt: Scalars['DateTime']['output'];
  /** The unit the payment is for. */
  unitId: Scalars['ID']['output'];
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

/** One full read of a resident's phone or ID number: who, when, which field. */
export type PiiAccess = {
  __typename?: 'PiiAccess';
  /** Who read it. */
  actorId: Scalars['String']['output'];
  /** The reader's role at the time. */
  actorRole: Scalars['String']['output'];
  /** When it was read. */
  at: Scalars['DateTime']['output'];
  /** Which personal field was read in full. */
  field: PiiField;
  /** Unique identifier of this pii access. */
  id: Scalars['ID']['output'];
  /** The request that read it, to trace it in the logs. */
  requestId: Scalars['String']['output'];
  /** The resident whose data was read. */
  resident: Resident;
};

/** A page of pii accesss, newest first. */
export type PiiAccessConnection = {
  __typename?: 'PiiAccessConnection';
  /** This page's pii accesss, each with its cursor. */
  edges: Array<PiiAccessEdge>;
  /** Where this page sits in the list: pass `endCursor` as `after` for the next page. */
  pageInfo: PageInfo;
  /** How many pii accesss the whole list holds, not just this page (counted only when asked for). */
  totalCount: Scalars['Int']['output'];
};

/** One pii access in a page, with its cursor. */
export type PiiAccessEdge = {
  __typename?: 'PiiAccessEdge';
  /** Where this pii access sits in the list: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The pii access. */
  node: PiiAccess;
};

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

/** A residential estate (小区) the company manages. */
export type Property = {
  __typename?: 'Property';
  /** The property's street address. */
  address: Scalars['String']['output'];
  /** The property's buildings, newest first. */
  buildings: BuildingConnection;
  /** Short unique code, e.g. `GARDEN-01`. */
  code: Scalars['String']['output'];
  /** When this property was recorded. */
  createdAt: Scalars['DateTime']['output'];
  /** Its facilities the caller may read, newest first; null (with an error) if facilities cannot answer. */
  facilities?: Maybe<FacilityConnection>;
  /** Unique identifier of this property. */
  id: Scalars['ID']['output'];
  /** The property's name as residents know it. */
  name: Scalars['String']['output'];
  /** The property's residents, newest first. */
  residents: ResidentConnection;
  /** For staff of the property; null for anyone else (and when the figures cannot be read). */
  satisfaction?: Maybe<SatisfactionKpi>;
  /** IANA time zone the property's clocks and working days use, e.g. `Asia/Shanghai`. */
  timeZone: Scalars['String']['output'];
  /** The property's units, newest first. */
  units: UnitConnection;
};


/** A residential estate (小区) the company manages. */
export type PropertyBuildingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A residential estate (小区) the company manages. */
export type PropertyFacilitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<FacilityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A residential estate (小区) the company manages. */
export type PropertyResidentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ResidentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A residential estate (小区) the company manages. */
export type PropertySatisfactionArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


/** A residential estate (小区) the company manages. */
export type PropertyUnitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UnitFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of properties, newest first. */
export type PropertyConnection = {
  __typename?: 'PropertyConnection';
  /** This page's properties, each with its cursor. */
  edges: Array<PropertyEdge>;
  /** Where this page sits in the list: pass `endCursor` as `after` for the next page. */
  pageInfo: PageInfo;
  /** How many properties the whole list holds, not just this page (counted only when asked for). */
  totalCount: Scalars['Int']['output'];
};

/** One property in a page, with its cursor. */
export type PropertyEdge = {
  __typename?: 'PropertyEdge';
  /** Where this property sits in the list: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The property. */
  node: Property;
};

/** The input of `publishFeeSchedule`. */
export type PublishFeeScheduleInput = {
  /** The draft fee schedule to publish. */
  id: Scalars['ID']['input'];
};

/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type Query = {
  __typename?: 'Query';
  /** One bill; another household's bill is NOT_FOUND, like a missing one. */
  bill?: Maybe<Bill>;
  /** One building by id; null when it does not exist. */
  building?: Maybe<Building>;
  /** A property's call-back schedule; null when none is set. */
  callBackSchedule?: Maybe<CallBackSchedule>;
  /** A property's due call-backs, newest first. */
  callBacks: CallBackConnection;
  /** A property's facilities, newest first. */
  facilities: FacilityConnection;
  /** One facility; one the caller may not see is NOT_FOUND, exactly like a missing one. */
  facility?: Maybe<Facility>;
  /** Availability of one facility (facilityId), or of every facility of a type at a property (propertyId and type), over [from, to). */
  facilityAvailability: FacilityAvailability;
  /** One fee schedule version; a draft the caller may not see is NOT_FOUND. */
  feeSchedule?: Maybe<FeeSchedule>;
  /** The published version in force on `on` (default today), null when none is. */
  feeScheduleInForce?: Maybe<FeeSchedule>;
  /** A property's fee schedule versions, newest first (residents and other properties' staff see the published ones). */
  feeSchedules: FeeScheduleConnection;
  /** The front desk's view of a property's open help requests. */
  frontDeskBoard: FrontDeskBoard;
  /** One help request by id; one the caller may not see is NOT_FOUND. */
  helpRequest?: Maybe<HelpRequest>;
  /** One help request by its number at a property; null when none has it. */
  helpRequestByNumber?: Maybe<HelpRequest>;
  /** The help requests the caller may see, newest first. */
  helpRequests: HelpRequestConnection;
  /** Requests by the last digits (at least 4) of the contact phone, at one property, newest first. */
  helpRequestsByPhoneSuffix: HelpRequestConnection;
  /** One household by id; null when it does not exist. */
  household?: Maybe<Household>;
  /** The calling resident's own surveys, newest first. */
  mySurveys: SurveyConnection;
  /** Full reads of residents' personal data at a property, newest first. */
  piiAccessLog: PiiAccessConnection;
  /** The properties the caller may read, newest first. */
  properties: PropertyConnection;
  /** One property by id; null when it does not exist. */
  property?: Maybe<Property>;
  /** One property by its code; null when none has it. */
  propertyByCode?: Maybe<Property>;
  /** One resident by id; null when it does not exist. */
  resident?: Maybe<Resident>;
  /** A property's residents, newest first. */
  residents: ResidentConnection;
  /** Satisfaction of a property in [from, to), optionally of one request category or technician. */
  satisfactionKpi: SatisfactionKpi;
  /** Paid help requests a fee administrator must price by hand (no fixed published price). */
  serviceChargesForReview: ServiceChargeConnection;
  /** One staff member by id; null when they do not exist. */
  staff?: Maybe<Staff>;
  /** The staff who work at a property. */
  staffAtProperty: Array<Staff>;
  /** One survey; one the caller may not see is NOT_FOUND, exactly like a missing one. */
  survey?: Maybe<Survey>;
  /** One survey template by id; null when it does not exist. */
  surveyTemplate?: Maybe<SurveyTemplate>;
  /** A property's templates with the company-wide ones (the built-in default last); without a property, the company-wide ones. */
  surveyTemplates: Array<SurveyTemplate>;
  /** A property's surveys, newest first. */
  surveys: SurveyConnection;
  /** A technician's open work, due soonest first (the caller's own queue by default). */
  technicianQueue: Array<HelpRequest>;
  /** One unit by id; null when it does not exist. */
  unit?: Maybe<Unit>;
  /** A unit's account: staff of its property, a resident of its household, the payment provider; NOT_FOUND otherwise. */
  unitAccount?: Maybe<UnitAccount>;
  /** A property's units, newest first. */
  units: UnitConnection;
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryBillArgs = {
  id: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryBuildingArgs = {
  id: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryCallBackScheduleArgs = {
  propertyId: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryCallBacksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  propertyId: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryFacilitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<FacilityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  propertyId: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryFacilityArgs = {
  id: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryFacilityAvailabilityArgs = {
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['DateTime']['input'];
  propertyId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['DateTime']['input'];
  type?: InputMaybe<FacilityType>;
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryFeeScheduleArgs = {
  id: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryFeeScheduleInForceArgs = {
  on?: InputMaybe<Scalars['LocalDate']['input']>;
  propertyId: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryFeeSchedulesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  propertyId: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryFrontDeskBoardArgs = {
  propertyId: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryHelpRequestArgs = {
  id: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryHelpRequestByNumberArgs = {
  number: Scalars['String']['input'];
  propertyId: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryHelpRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<HelpRequestFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryHelpRequestsByPhoneSuffixArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  phoneSuffix: Scalars['String']['input'];
  propertyId: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryHouseholdArgs = {
  id: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryMySurveysArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryPiiAccessLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  propertyId: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryPropertiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryPropertyArgs = {
  id: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryPropertyByCodeArgs = {
  code: Scalars['String']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryResidentArgs = {
  id: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryResidentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ResidentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  propertyId: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QuerySatisfactionKpiArgs = {
  category?: InputMaybe<Scalars['String']['input']>;
  from: Scalars['DateTime']['input'];
  propertyId: Scalars['ID']['input'];
  technicianId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['DateTime']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryServiceChargesForReviewArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  propertyId: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryStaffArgs = {
  id: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryStaffAtPropertyArgs = {
  propertyId: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QuerySurveyArgs = {
  id: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QuerySurveyTemplateArgs = {
  id: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QuerySurveyTemplatesArgs = {
  propertyId?: InputMaybe<Scalars['ID']['input']>;
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QuerySurveysArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  propertyId: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryTechnicianQueueArgs = {
  staffId?: InputMaybe<Scalars['ID']['input']>;
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryUnitArgs = {
  id: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryUnitAccountArgs = {
  unitId: Scalars['ID']['input'];
};


/** Everything a caller can read; each field is checked against the caller's role and properties. */
export type QueryUnitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UnitFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  propertyId: Scalars['ID']['input'];
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

/** The input of `recordInspection`. */
export type RecordInspectionInput = {
  /** What the inspector found. */
  finding: Scalars['String']['input'];
  /** The help request inspected. */
  id: Scalars['ID']['input'];
  /** Whether the work met the standard. */
  passed: Scalars['Boolean']['input'];
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

/** What `recordPayment` returns: the record as it is after the change. */
export type RecordPaymentPayload = {
  __typename?: 'RecordPaymentPayload';
  /** The payment recorded (the one already recorded, for a repeated key). */
  payment: Payment;
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

/** Where a help request outside the property's remit was referred. */
export type Referral = {
  __typename?: 'Referral';
  /** How the resident reaches it. */
  contact?: Maybe<Scalars['String']['output']>;
  /** The department responsible. */
  department: Scalars['String']['output'];
  /** When the resident was told. */
  residentToldAt: Scalars['DateTime']['output'];
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

/** What `registerResident` returns: the record as it is after the change. */
export type RegisterResidentPayload = {
  __typename?: 'RegisterResidentPayload';
  /** The resident registered. */
  resident: Resident;
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

/** A resident (owned by the residents subgraph); work-orders adds their help requests. */
export type Resident = {
  __typename?: 'Resident';
  /** The bills of the households this resident lives in now (a resident: only their own). */
  bills?: Maybe<BillConnection>;
  /** When this resident was recorded. */
  createdAt: Scalars['DateTime']['output'];
  /** Help requests the resident made, newest first; null (with an error) if work-orders cannot answer. */
  helpRequests?: Maybe<HelpRequestConnection>;
  /** Households this resident lives or lived in. */
  households: Array<Household>;
  /** Unique identifier of this resident. */
  id: Scalars['ID']['output'];
  /** Masked unless `full: true` (same rule as `phone`). */
  idDocumentNumber?: Maybe<Scalars['String']['output']>;
  /** Whether the resident is an owner, a tenant or a family member. */
  kind: ResidentKind;
  /** The resident's name. */
  name: Scalars['String']['output'];
  /** Masked (138****5678) unless `full: true`, which only staff of the property may ask for; every full read is logged. */
  phone: Scalars['String']['output'];
  /** The property the resident lives at. */
  property: Property;
  /** VIP residents have lower complaint-burst thresholds (spec §2 rule 9). */
  vip: Scalars['Boolean']['output'];
};


/** A resident (owned by the residents subgraph); work-orders adds their help requests. */
export type ResidentBillsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A resident (owned by the residents subgraph); work-orders adds their help requests. */
export type ResidentHelpRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A resident (owned by the residents subgraph); work-orders adds their help requests. */
export type ResidentIdDocumentNumberArgs = {
  full?: InputMaybe<Scalars['Boolean']['input']>;
};


/** A resident (owned by the residents subgraph); work-orders adds their help requests. */
export type ResidentPhoneArgs = {
  full?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A page of residents, newest first. */
export type ResidentConnection = {
  __typename?: 'ResidentConnection';
  /** This page's residents, each with its cursor. */
  edges: Array<ResidentEdge>;
  /** Where this page sits in the list: pass `endCursor` as `after` for the next page. */
  pageInfo: PageInfo;
  /** How many residents the whole list holds, not just this page (counted only when asked for). */
  totalCount: Scalars['Int']['output'];
};

/** One resident in a page, with its cursor. */
export type ResidentEdge = {
  __typename?: 'ResidentEdge';
  /** Where this resident sits in the list: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The resident. */
  node: Resident;
};

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

/** The input of `reviseSurveyTemplate`. */
export type ReviseSurveyTemplateInput = {
  /** The template to revise. */
  id: Scalars['ID']['input'];
  /** The new questions; surveys already opened keep their version. */
  questions: Array<QuestionInput>;
  /** The current version the revision starts from. */
  version: Scalars['Int']['input'];
};

/** Satisfaction figures of one scope and period [from, to), counted by the surveys opened in it. */
export type SatisfactionKpi = {
  __typename?: 'SatisfactionKpi';
  /** The average score given; null when no survey was answered. */
  averageScore?: Maybe<Scalars['Float']['output']>;
  /** Start of the measured range. */
  from: Scalars['DateTime']['output'];
  /** Whether the average meets the published target; null without answers. */
  meetsTarget?: Maybe<Scalars['Boolean']['output']>;
  /** The number of responses below which the figures are not significant. */
  minimumSample: Scalars['Int']['output'];
  /** responses / surveys; null without surveys. */
  responseRate?: Maybe<Scalars['Float']['output']>;
  /** Of those, answered with a score. */
  responses: Scalars['Int']['output'];
  /** satisfied / responses; null without responses. */
  satisfactionRate?: Maybe<Scalars['Float']['output']>;
  /** Responses scoring 4 or 5. */
  satisfied: Scalars['Int']['output'];
  /** True when enough surveys were answered for the figure to mean something. */
  significant: Scalars['Boolean']['output'];
  /** Surveys opened in the period. */
  surveys: Scalars['Int']['output'];
  /** The company's target satisfaction rate (0.9). */
  target: Scalars['Float']['output'];
  /** End of the measured range (exclusive). */
  to: Scalars['DateTime']['output'];
};

/** A paid help request's charge, at the published price in force when it was received. */
export type ServiceCharge = {
  __typename?: 'ServiceCharge';
  /** What was charged; null while it waits for a price. */
  amount?: Maybe<Money>;
  /** When this service charge was recorded. */
  createdAt: Scalars['DateTime']['output'];
  /** The paid help request charged. */
  helpRequest: HelpRequest;
  /** Unique identifier of this service charge. */
  id: Scalars['ID']['output'];
  /** The fee schedule item that priced it. */
  itemCode?: Maybe<Scalars['String']['output']>;
  /** The property of the charged request. */
  propertyId: Scalars['ID']['output'];
  /** When the closed request reached billing. */
  receivedAt: Scalars['DateTime']['output'];
  /** Why a fee administrator must price it by hand; null once charged. */
  reviewReason?: Maybe<ServiceChargeReviewReason>;
  /** Whether it is charged or waits for a price. */
  status: ServiceChargeStatus;
};

/** A page of service charges, newest first. */
export type ServiceChargeConnection = {
  __typename?: 'ServiceChargeConnection';
  /** This page's service charges, each with its cursor. */
  edges: Array<ServiceChargeEdge>;
  /** Where this page sits in the list: pass `endCursor` as `after` for the next page. */
  pageInfo: PageInfo;
  /** How many service charges the whole list holds, not just this page (counted only when asked for). */
  totalCount: Scalars['Int']['output'];
};

/** One service charge in a page, with its cursor. */
export type ServiceChargeEdge = {
  __typename?: 'ServiceChargeEdge';
  /** Where this service charge sits in the list: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The service charge. */
  node: ServiceCharge;
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

/** One weekly shift of a staff member's roster. */
export type Shift = {
  __typename?: 'Shift';
  /** When it ends, `HH:MM`. */
  end: Scalars['String']['output'];
  /** When the shift starts, `HH:MM` in the staff member's time zone. */
  start: Scalars['String']['output'];
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: Scalars['Int']['output'];
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

/** A staff member: front desk, technician, supervisor and above, inspector, fee administrator. */
export type Staff = {
  __typename?: 'Staff';
  /** Their grade. */
  grade: Grade;
  /** Unique identifier of this staff. */
  id: Scalars['ID']['output'];
  /** The staff member's name. */
  name: Scalars['String']['output'];
  /** Whether the roster has them on duty at this moment. */
  onDuty: Scalars['Boolean']['output'];
  /** The properties they work at. */
  propertyIds: Array<Scalars['ID']['output']>;
  /** Repeat calls made about requests this person owns (首问制: they count against the owner). */
  repeatCallsAgainst: Scalars['Int']['output'];
  /** Their roles. */
  roles: Array<StaffRole>;
  /** Their weekly shifts. */
  roster: Array<Shift>;
  /** Surveys about requests they were assigned, within the caller's properties; staff callers only, else null. */
  satisfaction?: Maybe<SatisfactionKpi>;
  /** The work they are qualified for. */
  skills: Array<Skill>;
  /** The IANA time zone of their roster. */
  timeZone: Scalars['String']['output'];
};


/** A staff member: front desk, technician, supervisor and above, inspector, fee administrator. */
export type StaffSatisfactionArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};

/** What `registerStaff` returns: the record as it is after the change. */
export type StaffPayload = {
  __typename?: 'StaffPayload';
  /** The staff member registered. */
  staff: Staff;
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

/** How many open help requests are in one state. */
export type StateCount = {
  __typename?: 'StateCount';
  /** How many help requests are in it. */
  count: Scalars['Int']['output'];
  /** The state. */
  state: HelpRequestState;
};

/** One change of a facility's status. */
export type StatusChange = {
  __typename?: 'StatusChange';
  /** Who changed it, or the event that did. */
  actorId: Scalars['ID']['output'];
  /** When it changed. */
  at: Scalars['DateTime']['output'];
  /** The fault behind the change, if any. */
  faultId?: Maybe<Scalars['ID']['output']>;
  /** The status before; null for the first. */
  previousStatus?: Maybe<FacilityStatus>;
  /** Why it changed. */
  reason: Scalars['String']['output'];
  /** The status it changed to. */
  status: FacilityStatus;
};

/** A survey put to one respondent. */
export type Survey = {
  __typename?: 'Survey';
  /** True when answers are not linked to the resident. */
  anonymous: Scalars['Boolean']['output'];
  /** The category of the help request surveyed, if any. */
  category?: Maybe<Scalars['String']['output']>;
  /** When it stops taking answers. */
  expiresAt: Scalars['DateTime']['output'];
  /** After service: the request it asks about, its category and its assignees. */
  helpRequest?: Maybe<HelpRequest>;
  /** Unique identifier of this survey. */
  id: Scalars['ID']['output'];
  /** When it was opened. */
  openedAt: Scalars['DateTime']['output'];
  /** The property surveyed. */
  property?: Maybe<Property>;
  /** The property surveyed. */
  propertyId: Scalars['ID']['output'];
  /** What the survey is for. */
  purpose: SurveyPurpose;
  /** The questions, in order. */
  questions: Array<SurveyQuestion>;
  /** Null for staff when the survey is anonymous. */
  respondent?: Maybe<Resident>;
  /** The response; null until answered. */
  response?: Maybe<SurveyResponse>;
  /** Whether it is open or completed. */
  state: SurveyState;
  /** The technicians whose work is surveyed. */
  technicians: Array<Staff>;
  /** The template it was opened from. */
  templateId: Scalars['ID']['output'];
  /** The template version it asks. */
  templateVersion: Scalars['Int']['output'];
};

/** One answer of a survey response. */
export type SurveyAnswer = {
  __typename?: 'SurveyAnswer';
  /** The chosen options (one for a single-choice question). */
  choices?: Maybe<Array<Scalars['String']['output']>>;
  /** The question answered. */
  questionId: Scalars['ID']['output'];
  /** The score given, for score questions. */
  score?: Maybe<Scalars['Int']['output']>;
  /** The text given, for text questions. */
  text?: Maybe<Scalars['String']['output']>;
};

/** A page of surveys, newest first. */
export type SurveyConnection = {
  __typename?: 'SurveyConnection';
  /** This page's surveys, each with its cursor. */
  edges: Array<SurveyEdge>;
  /** Where this page sits in the list: pass `endCursor` as `after` for the next page. */
  pageInfo: PageInfo;
  /** How many surveys the whole list holds, not just this page (counted only when asked for). */
  totalCount: Scalars['Int']['output'];
};

/** One survey in a page, with its cursor. */
export type SurveyEdge = {
  __typename?: 'SurveyEdge';
  /** Where this survey sits in the list: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The survey. */
  node: Survey;
};

/** What `answerSurvey`, `recordSurveyByPhone` return: the record as it is after the change. */
export type SurveyPayload = {
  __typename?: 'SurveyPayload';
  /** The survey as it is after the change. */
  survey: Survey;
};

/** What a survey is for. */
export type SurveyPurpose =
  /** A general satisfaction survey. */
  | 'GENERAL'
  /** After a help request was resolved; its first score question is the satisfaction score. */
  | 'POST_SERVICE';

/** One question of a survey. */
export type SurveyQuestion = {
  __typename?: 'SurveyQuestion';
  /** Unique identifier of this survey question. */
  id: Scalars['ID']['output'];
  /** What kind of answer it takes. */
  kind: QuestionKind;
  /** For the choice kinds; empty otherwise. */
  options: Array<Scalars['String']['output']>;
  /** True when every response must answer it. */
  required: Scalars['Boolean']['output'];
  /** The question as the resident reads it. */
  text: Scalars['String']['output'];
};

/** A resident's answers to a survey. */
export type SurveyResponse = {
  __typename?: 'SurveyResponse';
  /** The answers. */
  answers: Array<SurveyAnswer>;
  /** When it was answered. */
  at: Scalars['DateTime']['output'];
  /** How the answers were given. */
  channel: ResponseChannel;
  /** What staff noted when recording it. */
  note?: Maybe<Scalars['String']['output']>;
  /** The staff member who recorded a phone follow-up. */
  recordedById?: Maybe<Scalars['ID']['output']>;
  /** A score of 4 or 5. */
  satisfied?: Maybe<Scalars['Boolean']['output']>;
  /** The answer to the first score question: what satisfaction figures count. */
  score?: Maybe<Scalars['Int']['output']>;
};

/** Where a survey stands. */
export type SurveyState =
  /** Answered. */
  | 'COMPLETED'
  /** Not answered in time (SURVEY_EXPIRY_DAYS); applied when read. */
  | 'EXPIRED'
  /** Waiting for answers. */
  | 'OPEN';

/** Versioned questions, for one property or company-wide; a survey keeps the version it was opened with. */
export type SurveyTemplate = {
  __typename?: 'SurveyTemplate';
  /** Whether responses are detached from the respondent for everyone but the respondent. */
  anonymous: Scalars['Boolean']['output'];
  /** True for the code-defined default post-service template (exists without setup). */
  builtIn: Scalars['Boolean']['output'];
  /** The version new surveys use. */
  currentVersion: Scalars['Int']['output'];
  /** Unique identifier of this survey template. */
  id: Scalars['ID']['output'];
  /** The template's name. */
  name: Scalars['String']['output'];
  /** Null: company-wide. */
  propertyId?: Maybe<Scalars['ID']['output']>;
  /** What surveys from it are for. */
  purpose: SurveyPurpose;
  /** The current version's questions. */
  questions: Array<SurveyQuestion>;
  /** Every version, oldest first. */
  versions: Array<SurveyTemplateVersion>;
};

/** What `createSurveyTemplate`, `reviseSurveyTemplate` return: the record as it is after the change. */
export type SurveyTemplatePayload = {
  __typename?: 'SurveyTemplatePayload';
  /** The template as it is after the change. */
  surveyTemplate: SurveyTemplate;
};

/** One version of a survey template's questions. */
export type SurveyTemplateVersion = {
  __typename?: 'SurveyTemplateVersion';
  /** When it was published. */
  publishedAt: Scalars['DateTime']['output'];
  /** Its questions. */
  questions: Array<SurveyQuestion>;
  /** The version number, from 1. */
  version: Scalars['Int']['output'];
};

/** One step in a help request's history. */
export type TimelineEntry = {
  __typename?: 'TimelineEntry';
  /** Who did it. */
  actorId: Scalars['String']['output'];
  /** Their role at the time. */
  actorRole: Scalars['String']['output'];
  /** When it happened. */
  at: Scalars['DateTime']['output'];
  /** The state before; null for the first entry. */
  from?: Maybe<HelpRequestState>;
  /** What was noted. */
  note?: Maybe<Scalars['String']['output']>;
  /** The state after. */
  to: HelpRequestState;
};

/** The input of `recordNoResponse`. */
export type TransitionInput = {
  /** The help request. */
  id: Scalars['ID']['input'];
  /** Goes on the request's timeline with the transition (at most 2000 characters). */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** A unit (owned by the residents subgraph); work-orders adds its help requests. */
export type Unit = {
  __typename?: 'Unit';
  /** Floor area in square metres (billing charges property fees per m²). */
  areaSquareMeters: Scalars['Float']['output'];
  /** What the unit owes and its credit; null while billing does not know the unit or the caller may not read its bills. */
  balance?: Maybe<UnitBalance>;
  /** The unit's bills, newest first; null when billing cannot answer. */
  bills?: Maybe<BillConnection>;
  /** The building the unit is in. */
  building: Building;
  /** When this unit was recorded. */
  createdAt: Scalars['DateTime']['output'];
  /** The floor it is on. */
  floor: Scalars['Int']['output'];
  /** Help requests about the unit, newest first; null (with an error) if work-orders cannot answer. */
  helpRequests?: Maybe<HelpRequestConnection>;
  /** The people living here now; null until someone moves in. */
  household?: Maybe<Household>;
  /** Unique identifier of this unit. */
  id: Scalars['ID']['output'];
  /** Unit number within its building, e.g. `1-1201`. */
  number: Scalars['String']['output'];
  /** The property the unit belongs to. */
  property: Property;
};


/** A unit (owned by the residents subgraph); work-orders adds its help requests. */
export type UnitBillsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A unit (owned by the residents subgraph); work-orders adds its help requests. */
export type UnitHelpRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A unit's account as its payer sees it: what is owed, the credit, and the bills still open (oldest first). */
export type UnitAccount = {
  __typename?: 'UnitAccount';
  /** Money paid beyond the open bills, used for the next ones. */
  credit: Money;
  /** Bills not fully paid, oldest first. */
  openBills: Array<Bill>;
  /** Owed overall; negative when in credit. */
  owed: Money;
  /** The unit. */
  unitId: Scalars['ID']['output'];
};

/** A unit's account: what is owed overall (negative when in credit) and the credit for the next bill. */
export type UnitBalance = {
  __typename?: 'UnitBalance';
  /** Money paid beyond the open bills. */
  credit: Money;
  /** What the unit's open bills still ask for. */
  owed: Money;
};

/** A page of units, newest first. */
export type UnitConnection = {
  __typename?: 'UnitConnection';
  /** This page's units, each with its cursor. */
  edges: Array<UnitEdge>;
  /** Where this page sits in the list: pass `endCursor` as `after` for the next page. */
  pageInfo: PageInfo;
  /** How many units the whole list holds, not just this page (counted only when asked for). */
  totalCount: Scalars['Int']['output'];
};

/** One unit in a page, with its cursor. */
export type UnitEdge = {
  __typename?: 'UnitEdge';
  /** Where this unit sits in the list: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The unit. */
  node: Unit;
};

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