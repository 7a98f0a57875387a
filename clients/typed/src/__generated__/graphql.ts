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

export type AdjustBillInput = {
  /** Signed integer fen: negative to credit, positive to charge more. */
  amount: MoneyInput;
  billId: Scalars['ID']['input'];
  /** Why the bill changed, shown on the line (e.g. `Area corrected to 89.00 m²`). */
  reason: Scalars['String']['input'];
};

export type AdjustBillPayload = {
  __typename?: 'AdjustBillPayload';
  bill: Bill;
};

/** One answer: exactly one of score, choice, choices, text, as the question's kind asks. */
export type AnswerInput = {
  choice?: InputMaybe<Scalars['String']['input']>;
  choices?: InputMaybe<Array<Scalars['String']['input']>>;
  questionId: Scalars['ID']['input'];
  score?: InputMaybe<Scalars['Int']['input']>;
  text?: InputMaybe<Scalars['String']['input']>;
};

export type AnswerSurveyInput = {
  answers: Array<AnswerInput>;
  surveyId: Scalars['ID']['input'];
};

export type AssignHelpRequestInput = {
  assigneeIds: Array<Scalars['ID']['input']>;
  /** Defaults to the SLA limit; may be earlier, never later. */
  dueAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Short-term nursing: the confirmation that a family member is present. */
  familyMemberPresent?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};

/** A unit's bill for one period; never edited once issued. total − paid = balance, all derived from lines and payments. */
export type Bill = {
  __typename?: 'Bill';
  allocations: Array<BillAllocation>;
  balance: Money;
  dueOn: Scalars['LocalDate']['output'];
  feeSchedule?: Maybe<FeeSchedule>;
  id: Scalars['ID']['output'];
  issuedAt: Scalars['DateTime']['output'];
  lines: Array<BillLine>;
  paid: Money;
  /** YYYY-MM or YYYY-Q1…Q4. */
  period: Scalars['String']['output'];
  periodEnd: Scalars['LocalDate']['output'];
  periodStart: Scalars['LocalDate']['output'];
  propertyId: Scalars['ID']['output'];
  total: Money;
  unit: Unit;
};

/** Money applied to a bill: from a payment, or from credit. */
export type BillAllocation = {
  __typename?: 'BillAllocation';
  amount: Money;
  payment?: Maybe<Payment>;
};

export type BillConnection = {
  __typename?: 'BillConnection';
  edges: Array<BillEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type BillEdge = {
  __typename?: 'BillEdge';
  cursor: Scalars['String']['output'];
  node: Bill;
};

export type BillLine = {
  __typename?: 'BillLine';
  amount: Money;
  code: Scalars['String']['output'];
  description: Scalars['String']['output'];
  kind: BillLineKind;
};

export type BillLineKind =
  | 'ADJUSTMENT'
  | 'CHARGE';

export type BillingCycle =
  | 'MONTHLY'
  | 'QUARTERLY';

export type Building = {
  __typename?: 'Building';
  createdAt: Scalars['DateTime']['output'];
  floors: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  property: Property;
  units: UnitConnection;
};


export type BuildingUnitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type BuildingConnection = {
  __typename?: 'BuildingConnection';
  edges: Array<BuildingEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type BuildingEdge = {
  __typename?: 'BuildingEdge';
  cursor: Scalars['String']['output'];
  node: Building;
};

/** A call-back due to a property's residents, one per period after handover. */
export type CallBack = {
  __typename?: 'CallBack';
  cadence: CallBackCadence;
  dueAt: Scalars['DateTime']['output'];
  handoverAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** 0–11: the months of the first year; 12 on: the quarters after. */
  period: Scalars['Int']['output'];
  propertyId: Scalars['ID']['output'];
  state: CallBackState;
};

export type CallBackCadence =
  /** One a month in a property's first year after handover. */
  | 'MONTHLY'
  /** One a quarter after the first year. */
  | 'QUARTERLY';

export type CallBackConnection = {
  __typename?: 'CallBackConnection';
  edges: Array<CallBackEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type CallBackEdge = {
  __typename?: 'CallBackEdge';
  cursor: Scalars['String']['output'];
  node: CallBack;
};

/** A property's call-back plan (seed 004): monthly in its first year after handover, quarterly after. */
export type CallBackSchedule = {
  __typename?: 'CallBackSchedule';
  handoverAt: Scalars['DateTime']['output'];
  handoverSource: HandoverSource;
  /** When the scheduler next creates a call-back. */
  nextDueAt: Scalars['DateTime']['output'];
  propertyId: Scalars['ID']['output'];
};

export type CallBackSchedulePayload = {
  __typename?: 'CallBackSchedulePayload';
  callBackSchedule: CallBackSchedule;
};

export type CallBackState =
  | 'DUE';

export type ChangeFacilityStatusInput = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  status: ManualFacilityStatus;
};

export type Channel =
  | 'APP'
  | 'EMAIL'
  | 'FRONT_DESK'
  | 'LETTER'
  | 'ONLINE_CHAT'
  | 'OUTBOUND_CALL'
  | 'PHONE'
  | 'SERVICE_LINE_24H'
  | 'SMS'
  | 'SUPERVISION_HOTLINE'
  | 'WALK_IN'
  | 'WECHAT';

export type ComplaintSeverity =
  | 'GENERAL'
  | 'SERIOUS';

export type ComplaintTier =
  | 'APPEAL'
  | 'COMPLAINT'
  | 'ESCALATED';

export type Confirmation = {
  __typename?: 'Confirmation';
  at: Scalars['DateTime']['output'];
  kind: ConfirmationKind;
};

export type ConfirmationKind =
  | 'CONFIRMED'
  | 'NO_RESPONSE';

export type ConsultationMode =
  | 'ORAL'
  | 'WRITTEN';

export type CreateBuildingInput = {
  floors: Scalars['Int']['input'];
  name: Scalars['String']['input'];
  propertyId: Scalars['ID']['input'];
};

export type CreateBuildingPayload = {
  __typename?: 'CreateBuildingPayload';
  building: Building;
};

export type CreateFeeScheduleInput = {
  billingCycle: BillingCycle;
  effectiveFrom: Scalars['LocalDate']['input'];
  items: Array<FeeScheduleItemInput>;
  propertyId: Scalars['ID']['input'];
};

export type CreatePropertyInput = {
  address: Scalars['String']['input'];
  code: Scalars['String']['input'];
  name: Scalars['String']['input'];
  timeZone: Scalars['String']['input'];
};

export type CreatePropertyPayload = {
  __typename?: 'CreatePropertyPayload';
  property: Property;
};

export type CreateSurveyTemplateInput = {
  anonymous?: InputMaybe<Scalars['Boolean']['input']>;
  name: Scalars['String']['input'];
  /** The property, or * for a company-wide template (general managers acting for every property). */
  propertyId: Scalars['ID']['input'];
  purpose: SurveyPurpose;
  questions: Array<QuestionInput>;
};

export type CreateUnitInput = {
  areaSquareMeters: Scalars['Float']['input'];
  buildingId: Scalars['ID']['input'];
  floor: Scalars['Int']['input'];
  number: Scalars['String']['input'];
};

export type CreateUnitPayload = {
  __typename?: 'CreateUnitPayload';
  unit: Unit;
};

/** How much the estate depends on it: a general fault takes CRITICAL and HIGH ones DOWN (others DEGRADED) and their repair is urgent. */
export type Criticality =
  | 'CRITICAL'
  | 'HIGH'
  | 'LOW'
  | 'NORMAL';

/** A span a facility was DOWN within the period asked about. */
export type DowntimeInterval = {
  __typename?: 'DowntimeInterval';
  facility: Facility;
  faultId?: Maybe<Scalars['ID']['output']>;
  from: Scalars['DateTime']['output'];
  reason: Scalars['String']['output'];
  /** Null while it is still down. */
  to?: Maybe<Scalars['DateTime']['output']>;
};

export type EscalateHelpRequestInput = {
  id: Scalars['ID']['input'];
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
  createdAt: Scalars['DateTime']['output'];
  criticality: Criticality;
  id: Scalars['ID']['output'];
  /** YYYY-MM-DD. */
  installedOn?: Maybe<Scalars['String']['output']>;
  maker?: Maybe<Scalars['String']['output']>;
  model?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** The fault open now, if any. */
  openFault?: Maybe<Fault>;
  propertyId: Scalars['ID']['output'];
  status: FacilityStatus;
  /** Every status change, oldest first (append-only). */
  statusHistory: Array<StatusChange>;
  type: FacilityType;
};

/** Availability over a period, computed from status histories (downtime intervals, not sampling). */
export type FacilityAvailability = {
  __typename?: 'FacilityAvailability';
  /** (measured - downtime) / measured, 0..1; null when nothing was measured. */
  availability?: Maybe<Scalars['Float']['output']>;
  downtimeSeconds: Scalars['Float']['output'];
  /** How many facilities were measured. */
  facilityCount: Scalars['Int']['output'];
  from: Scalars['DateTime']['output'];
  intervals: Array<DowntimeInterval>;
  /** Seconds measured: the facilities existed, were not retired, up to now. */
  measuredSeconds: Scalars['Float']['output'];
  meetsTarget?: Maybe<Scalars['Boolean']['output']>;
  /** The configured target for the type (fire protection 1, road lighting 0.99 by default); null if none. */
  target?: Maybe<Scalars['Float']['output']>;
  to: Scalars['DateTime']['output'];
  type: FacilityType;
};

export type FacilityConnection = {
  __typename?: 'FacilityConnection';
  edges: Array<FacilityEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type FacilityEdge = {
  __typename?: 'FacilityEdge';
  cursor: Scalars['String']['output'];
  node: Facility;
};

export type FacilityFilter = {
  status?: InputMaybe<FacilityStatus>;
  type?: InputMaybe<FacilityType>;
};

export type FacilityPayload = {
  __typename?: 'FacilityPayload';
  facility: Facility;
};

export type FacilityStatus =
  | 'DEGRADED'
  | 'DOWN'
  | 'OPERATING'
  | 'RETIRED'
  | 'UNDER_MAINTENANCE';

/** The shared facility types of spec §3 (共用设施设备, seed 003 §C 二). */
export type FacilityType =
  | 'ACCESS_CONTROL'
  | 'CCTV'
  | 'DRAINAGE_SEWAGE'
  | 'ELEVATOR'
  | 'FIRE_PROTECTION'
  | 'GREENERY'
  | 'OTHER'
  | 'POWER_SUPPLY'
  | 'PUBLIC_LIGHTING'
  | 'ROAD_LIGHTING'
  | 'SECONDARY_WATER_TANK'
  | 'SEPTIC_TANK'
  | 'WATER_SUPPLY';

/** A fault on a facility: opened by its first report, closed when its repair is resolved in work-orders. */
export type Fault = {
  __typename?: 'Fault';
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The work-orders repair whose resolution closed it. */
  closedByHelpRequestId?: Maybe<Scalars['ID']['output']>;
  complexity: FaultComplexity;
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  reportedAt: Scalars['DateTime']['output'];
  reportedBy: Scalars['String']['output'];
  /** Every report of it, the opening one first (later reports while it is open are linked here). */
  reports: Array<FaultReport>;
  source: FaultSource;
  /** The status the fault set. */
  status: FacilityStatus;
};

export type FaultComplexity =
  | 'COMPLEX'
  | 'GENERAL';

export type FaultReport = {
  __typename?: 'FaultReport';
  at: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  reportedBy: Scalars['String']['output'];
  source: FaultSource;
};

export type FaultReportPayload = {
  __typename?: 'FaultReportPayload';
  facility: Facility;
  fault: Fault;
  /** True when the report was linked to the fault already open: no second repair is requested. */
  linked: Scalars['Boolean']['output'];
};

export type FaultSource =
  | 'INSPECTION'
  | 'PARTNER'
  | 'RESIDENT'
  | 'STAFF';

export type FeeItemKind =
  /** A paid service (有偿服务) such as a repair inside the home. */
  | 'PAID_SERVICE'
  | 'PARKING'
  /** Property service fee (物业服务费), per m² per month or per month, by unit type. */
  | 'PROPERTY_FEE'
  /** Pass-through utility (代收代缴) at the recorded price source. */
  | 'UTILITY';

/** A version of a property's fee schedule; published versions are never changed and are what is charged. */
export type FeeSchedule = {
  __typename?: 'FeeSchedule';
  billingCycle: BillingCycle;
  createdAt: Scalars['DateTime']['output'];
  effectiveFrom: Scalars['LocalDate']['output'];
  id: Scalars['ID']['output'];
  items: Array<FeeScheduleItem>;
  /** 1, 2, … per property. */
  number: Scalars['Int']['output'];
  propertyId: Scalars['ID']['output'];
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  status: FeeScheduleStatus;
};

export type FeeScheduleConnection = {
  __typename?: 'FeeScheduleConnection';
  edges: Array<FeeScheduleEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type FeeScheduleEdge = {
  __typename?: 'FeeScheduleEdge';
  cursor: Scalars['String']['output'];
  node: FeeSchedule;
};

export type FeeScheduleItem = {
  __typename?: 'FeeScheduleItem';
  code: Scalars['String']['output'];
  kind: FeeItemKind;
  materialsAtCost: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  /** Per the pricing's unit: per m² per month, per month, per metered unit, per service, per hour. */
  price: Money;
  priceSource?: Maybe<PriceSource>;
  pricing: Pricing;
  unitType?: Maybe<Scalars['String']['output']>;
  /** PAID_SERVICE: the work-order categories this price applies to. */
  workOrderCategories: Array<Scalars['String']['output']>;
};

export type FeeScheduleItemInput = {
  code: Scalars['String']['input'];
  kind: FeeItemKind;
  materialsAtCost?: InputMaybe<Scalars['Boolean']['input']>;
  name: Scalars['String']['input'];
  /** Integer fen per the pricing's unit. */
  price: Scalars['Int']['input'];
  priceSource?: InputMaybe<PriceSource>;
  pricing: Pricing;
  unitType?: InputMaybe<Scalars['String']['input']>;
  workOrderCategories?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type FeeSchedulePayload = {
  __typename?: 'FeeSchedulePayload';
  feeSchedule: FeeSchedule;
};

export type FeeScheduleStatus =
  | 'DRAFT'
  | 'PUBLISHED';

export type FollowUpResult =
  | 'SATISFIED'
  | 'UNSATISFIED';

/** 回访: the follow-up visit or call after the resident's confirmation. */
export type FollowUpVisit = {
  __typename?: 'FollowUpVisit';
  at: Scalars['DateTime']['output'];
  byId: Scalars['String']['output'];
  note?: Maybe<Scalars['String']['output']>;
  result: FollowUpResult;
};

/** The front desk's board: how many requests are in each state at a property. */
export type FrontDeskBoard = {
  __typename?: 'FrontDeskBoard';
  counts: Array<StateCount>;
  overdue: Scalars['Int']['output'];
  propertyId: Scalars['ID']['output'];
};

export type GenerateBillsInput = {
  /** YYYY-MM for a monthly property, YYYY-Q1…Q4 for a quarterly one. */
  period: Scalars['String']['input'];
  propertyId: Scalars['ID']['input'];
};

export type GenerateBillsPayload = {
  __typename?: 'GenerateBillsPayload';
  /** Bills of the period that existed already (a second run issues none). */
  alreadyIssued: Scalars['Int']['output'];
  /** Bills issued by this run. */
  issued: Scalars['Int']['output'];
  period: Scalars['String']['output'];
};

export type Grade =
  | 'INTERMEDIATE'
  | 'JUNIOR'
  | 'SENIOR';

export type HandoverSource =
  /** The property's creation, until staff set the real date. */
  | 'PROPERTY_CREATED'
  | 'SET_BY_STAFF';

/** A help request (求助) of any type, from intake to close. */
export type HelpRequest = {
  __typename?: 'HelpRequest';
  assignees: Array<Staff>;
  attachments: Array<Scalars['String']['output']>;
  category: HelpRequestCategory;
  channel: Channel;
  /** Its charge when it was a paid service (staff of the property). */
  charge?: Maybe<ServiceCharge>;
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  complaintSeverity?: Maybe<ComplaintSeverity>;
  complaintTier?: Maybe<ComplaintTier>;
  confidential: Scalars['Boolean']['output'];
  confirmation?: Maybe<Confirmation>;
  consultationMode?: Maybe<ConsultationMode>;
  contactName: Scalars['String']['output'];
  contactPhone: Scalars['String']['output'];
  description: Scalars['String']['output'];
  dueAt: Scalars['DateTime']['output'];
  escalationLevel: Scalars['Int']['output'];
  /** The facility a repair opened from a fault is for (resolved by facilities; null when the caller may not read it). */
  facility?: Maybe<Facility>;
  familyMemberPresent?: Maybe<Scalars['Boolean']['output']>;
  faultComplexity?: Maybe<FaultComplexity>;
  firstReplyDueAt: Scalars['DateTime']['output'];
  followUp?: Maybe<FollowUpVisit>;
  id: Scalars['ID']['output'];
  inspections: Array<Inspection>;
  /** Unique per property and year, e.g. WO-2026-000123. */
  number: Scalars['String']['output'];
  onSiteDueAt?: Maybe<Scalars['DateTime']['output']>;
  outcome?: Maybe<Scalars['String']['output']>;
  /** Past its due time and not yet resolved (computed when read). */
  overdue: Scalars['Boolean']['output'];
  /** The first-contact owner (首问制): whoever recorded it; never changes. Null for a repair the system opened from a facility fault (owned by the system actor). */
  owner?: Maybe<Staff>;
  paid: Scalars['Boolean']['output'];
  partsNotices: Array<PartsNotice>;
  propertyId: Scalars['ID']['output'];
  receivedAt: Scalars['DateTime']['output'];
  referral?: Maybe<Referral>;
  repeatCall: Scalars['Boolean']['output'];
  /** Later calls about this request from the same resident and unit. */
  repeatCalls: Array<HelpRequest>;
  repeatOf?: Maybe<HelpRequest>;
  requester?: Maybe<Resident>;
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The request's after-service survey; null until it is resolved, or when the caller may not see it. */
  satisfaction?: Maybe<Survey>;
  /** Which row of the SLA table set the due times. */
  slaRule: Scalars['String']['output'];
  state: HelpRequestState;
  /** Append-only: every state change with who, when and why. */
  timeline: Array<TimelineEntry>;
  type: HelpRequestType;
  unit?: Maybe<Unit>;
  urgent: Scalars['Boolean']['output'];
  version: Scalars['Int']['output'];
};

/** What the request is about; each category needs a skill (and least grade) of its assignees. */
export type HelpRequestCategory =
  | 'CLEANING'
  | 'DOOR_LOCK'
  | 'DRAINAGE'
  | 'ELECTRICAL'
  | 'ELEVATOR'
  | 'FEES'
  | 'GENERAL'
  | 'GREENERY'
  | 'HOSPITAL_ESCORT'
  | 'NOISE'
  | 'POWER_SUPPLY'
  | 'PUBLIC_LIGHTING'
  | 'SECURITY'
  | 'SERVICE_QUALITY'
  | 'SHORT_TERM_NURSING'
  | 'WATER_LEAK'
  | 'WATER_SUPPLY';

export type HelpRequestConnection = {
  __typename?: 'HelpRequestConnection';
  edges: Array<HelpRequestEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type HelpRequestEdge = {
  __typename?: 'HelpRequestEdge';
  cursor: Scalars['String']['output'];
  node: HelpRequest;
};

export type HelpRequestFilter = {
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  category?: InputMaybe<HelpRequestCategory>;
  createdAfter?: InputMaybe<Scalars['DateTime']['input']>;
  createdBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only requests past their due time and not yet resolved. */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  propertyId?: InputMaybe<Scalars['ID']['input']>;
  states?: InputMaybe<Array<HelpRequestState>>;
  type?: InputMaybe<HelpRequestType>;
};

export type HelpRequestPayload = {
  __typename?: 'HelpRequestPayload';
  helpRequest: HelpRequest;
};

export type HelpRequestState =
  | 'ACKNOWLEDGED'
  | 'ASSIGNED'
  | 'CLOSED'
  | 'CONFIRMED'
  | 'ESCALATED'
  | 'FOLLOWED_UP'
  | 'IN_PROGRESS'
  | 'RECEIVED'
  | 'REFERRED'
  | 'REOPENED'
  | 'RESOLVED'
  | 'WAITING_PARTS';

export type HelpRequestType =
  | 'COMPLAINT'
  | 'CONSULTATION'
  | 'DISASTER'
  | 'MEDICAL_EMERGENCY'
  | 'OTHER'
  | 'REPAIR'
  | 'SECURITY_INCIDENT';

export type Household = {
  __typename?: 'Household';
  id: Scalars['ID']['output'];
  /** Current members; with `includePast: true`, also those who moved out. */
  members: Array<HouseholdMember>;
  unit: Unit;
};


export type HouseholdMembersArgs = {
  includePast?: InputMaybe<Scalars['Boolean']['input']>;
};

export type HouseholdMember = {
  __typename?: 'HouseholdMember';
  movedInOn: Scalars['LocalDate']['output'];
  movedOutOn?: Maybe<Scalars['LocalDate']['output']>;
  relation: ResidentKind;
  resident: Resident;
};

export type HouseholdPayload = {
  __typename?: 'HouseholdPayload';
  household: Household;
};

export type Inspection = {
  __typename?: 'Inspection';
  at: Scalars['DateTime']['output'];
  finding: Scalars['String']['output'];
  inspectorId: Scalars['String']['output'];
  passed: Scalars['Boolean']['output'];
};

/** A status set by hand: RETIRED only through retireFacility. */
export type ManualFacilityStatus =
  | 'DEGRADED'
  | 'DOWN'
  | 'OPERATING'
  | 'UNDER_MAINTENANCE';

/**
 * An amount of money: an integer of minor units (fen for CNY) and its ISO 4217 currency, never a
 * float. `formatted` is what a resident reads, e.g. `¥1,234.56`.
 */
export type Money = {
  __typename?: 'Money';
  amount: Scalars['Int']['output'];
  currency: Scalars['String']['output'];
  formatted: Scalars['String']['output'];
};

export type MoneyInput = {
  /** Integer minor units (fen). */
  amount: Scalars['Int']['input'];
  currency: Scalars['String']['input'];
};

export type MoveInInput = {
  movedInOn: Scalars['LocalDate']['input'];
  relation: ResidentKind;
  residentId: Scalars['ID']['input'];
  unitId: Scalars['ID']['input'];
};

export type MoveOutInput = {
  movedOutOn: Scalars['LocalDate']['input'];
  residentId: Scalars['ID']['input'];
  unitId: Scalars['ID']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  acknowledgeHelpRequest: HelpRequestPayload;
  /** Appends an adjustment line to an issued bill (issued lines are never edited). */
  adjustBill: AdjustBillPayload;
  /** The respondent answers their own open survey, once. */
  answerSurvey: SurveyPayload;
  assignHelpRequest: HelpRequestPayload;
  changeFacilityStatus: FacilityPayload;
  closeHelpRequest: HelpRequestPayload;
  /** The resident confirms the fix. */
  confirmHelpRequestResolution: HelpRequestPayload;
  /** @deprecated Use confirmHelpRequestResolution. */
  confirmResolution: HelpRequestPayload;
  createBuilding: CreateBuildingPayload;
  /** A new draft version of a property's fee schedule (fee administrators alone). */
  createFeeSchedule: FeeSchedulePayload;
  createProperty: CreatePropertyPayload;
  createSurveyTemplate: SurveyTemplatePayload;
  createUnit: CreateUnitPayload;
  escalateHelpRequest: HelpRequestPayload;
  /** Issues a property's bills for a period from the published schedule in force; idempotent. */
  generateBills: GenerateBillsPayload;
  /** Work stops until parts arrive; the affected units are told (rule 6). */
  holdHelpRequestForParts: HelpRequestPayload;
  moveIn: HouseholdPayload;
  moveOut: HouseholdPayload;
  /** Publishes a draft (明码标价): from its effective date it is what is charged. */
  publishFeeSchedule: FeeSchedulePayload;
  /** @deprecated Use recordHelpRequestFollowUp. */
  recordFollowUp: HelpRequestPayload;
  recordHelpRequest: HelpRequestPayload;
  /** The follow-up visit (回访). */
  recordHelpRequestFollowUp: HelpRequestPayload;
  /** A quality inspector's finding. */
  recordHelpRequestInspection: HelpRequestPayload;
  /** After the configured wait without an answer from the resident. */
  recordHelpRequestNoResponse: HelpRequestPayload;
  /** @deprecated Use recordHelpRequestInspection. */
  recordInspection: HelpRequestPayload;
  /** @deprecated Use recordHelpRequestNoResponse. */
  recordNoResponse: HelpRequestPayload;
  /** Records a payment once per idempotency key. */
  recordPayment: RecordPaymentPayload;
  /** Staff record the resident's answers given on a phone follow-up (回访). */
  recordSurveyByPhone: SurveyPayload;
  referHelpRequest: HelpRequestPayload;
  registerFacility: FacilityPayload;
  registerResident: RegisterResidentPayload;
  registerStaff: StaffPayload;
  /** @deprecated Use rejectHelpRequestFix. */
  rejectFix: HelpRequestPayload;
  /** The resident rejects the fix: the request reopens. */
  rejectHelpRequestFix: HelpRequestPayload;
  reportFacilityFault: FaultReportPayload;
  resolveHelpRequest: HelpRequestPayload;
  /** Work goes on once the parts are there. */
  resumeHelpRequestWork: HelpRequestPayload;
  /** @deprecated Use resumeHelpRequestWork. */
  resumeWork: HelpRequestPayload;
  retireFacility: FacilityPayload;
  /** A new version of the questions; surveys already opened keep theirs. */
  reviseSurveyTemplate: SurveyTemplatePayload;
  /** An assignee (or a supervisor) starts the work. */
  startHelpRequestWork: HelpRequestPayload;
  /** @deprecated Use startHelpRequestWork. */
  startWork: HelpRequestPayload;
  /** Sets the property's handover date; the call-back due now is created at once. */
  updateCallBackSchedule: CallBackSchedulePayload;
  /** @deprecated Use holdHelpRequestForParts. */
  waitForParts: HelpRequestPayload;
};


export type MutationAcknowledgeHelpRequestArgs = {
  input: TransitionInput;
};


export type MutationAdjustBillArgs = {
  input: AdjustBillInput;
};


export type MutationAnswerSurveyArgs = {
  input: AnswerSurveyInput;
};


export type MutationAssignHelpRequestArgs = {
  input: AssignHelpRequestInput;
};


export type MutationChangeFacilityStatusArgs = {
  input: ChangeFacilityStatusInput;
};


export type MutationCloseHelpRequestArgs = {
  input: TransitionInput;
};


export type MutationConfirmHelpRequestResolutionArgs = {
  input: TransitionInput;
};


export type MutationConfirmResolutionArgs = {
  input: TransitionInput;
};


export type MutationCreateBuildingArgs = {
  input: CreateBuildingInput;
};


export type MutationCreateFeeScheduleArgs = {
  input: CreateFeeScheduleInput;
};


export type MutationCreatePropertyArgs = {
  input: CreatePropertyInput;
};


export type MutationCreateSurveyTemplateArgs = {
  input: CreateSurveyTemplateInput;
};


export type MutationCreateUnitArgs = {
  input: CreateUnitInput;
};


export type MutationEscalateHelpRequestArgs = {
  input: EscalateHelpRequestInput;
};


export type MutationGenerateBillsArgs = {
  input: GenerateBillsInput;
};


export type MutationHoldHelpRequestForPartsArgs = {
  input: WaitForPartsInput;
};


export type MutationMoveInArgs = {
  input: MoveInInput;
};


export type MutationMoveOutArgs = {
  input: MoveOutInput;
};


export type MutationPublishFeeScheduleArgs = {
  input: PublishFeeScheduleInput;
};


export type MutationRecordFollowUpArgs = {
  input: RecordFollowUpInput;
};


export type MutationRecordHelpRequestArgs = {
  input: RecordHelpRequestInput;
};


export type MutationRecordHelpRequestFollowUpArgs = {
  input: RecordFollowUpInput;
};


export type MutationRecordHelpRequestInspectionArgs = {
  input: RecordInspectionInput;
};


export type MutationRecordHelpRequestNoResponseArgs = {
  input: TransitionInput;
};


export type MutationRecordInspectionArgs = {
  input: RecordInspectionInput;
};


export type MutationRecordNoResponseArgs = {
  input: TransitionInput;
};


export type MutationRecordPaymentArgs = {
  input: RecordPaymentInput;
};


export type MutationRecordSurveyByPhoneArgs = {
  input: RecordSurveyByPhoneInput;
};


export type MutationReferHelpRequestArgs = {
  input: ReferHelpRequestInput;
};


export type MutationRegisterFacilityArgs = {
  input: RegisterFacilityInput;
};


export type MutationRegisterResidentArgs = {
  input: RegisterResidentInput;
};


export type MutationRegisterStaffArgs = {
  input: RegisterStaffInput;
};


export type MutationRejectFixArgs = {
  input: RejectFixInput;
};


export type MutationRejectHelpRequestFixArgs = {
  input: RejectFixInput;
};


export type MutationReportFacilityFaultArgs = {
  input: ReportFacilityFaultInput;
};


export type MutationResolveHelpRequestArgs = {
  input: ResolveHelpRequestInput;
};


export type MutationResumeHelpRequestWorkArgs = {
  input: TransitionInput;
};


export type MutationResumeWorkArgs = {
  input: TransitionInput;
};


export type MutationRetireFacilityArgs = {
  input: RetireFacilityInput;
};


export type MutationReviseSurveyTemplateArgs = {
  input: ReviseSurveyTemplateInput;
};


export type MutationStartHelpRequestWorkArgs = {
  input: TransitionInput;
};


export type MutationStartWorkArgs = {
  input: TransitionInput;
};


export type MutationUpdateCallBackScheduleArgs = {
  input: UpdateCallBackScheduleInput;
};


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

export type PartsNotice = {
  __typename?: 'PartsNotice';
  at: Scalars['DateTime']['output'];
  expectedBy?: Maybe<Scalars['DateTime']['output']>;
  message: Scalars['String']['output'];
  notifiedUnitIds: Array<Scalars['ID']['output']>;
};

export type Payment = {
  __typename?: 'Payment';
  amount: Money;
  bill?: Maybe<Bill>;
  id: Scalars['ID']['output'];
  idempotencyKey: Scalars['String']['output'];
  method: PaymentMethod;
  receivedAt: Scalars['DateTime']['output'];
  unitId: Scalars['ID']['output'];
};

export type PaymentMethod =
  | 'ALIPAY'
  | 'BANK_TRANSFER'
  | 'CARD'
  | 'CASH'
  | 'WECHAT_PAY';

/** One full read of a resident's phone or ID number: who, when, which field. */
export type PiiAccess = {
  __typename?: 'PiiAccess';
  actorId: Scalars['String']['output'];
  actorRole: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  field: PiiField;
  id: Scalars['ID']['output'];
  requestId: Scalars['String']['output'];
  resident: Resident;
};

export type PiiAccessConnection = {
  __typename?: 'PiiAccessConnection';
  edges: Array<PiiAccessEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PiiAccessEdge = {
  __typename?: 'PiiAccessEdge';
  cursor: Scalars['String']['output'];
  node: PiiAccess;
};

export type PiiField =
  | 'ID_DOCUMENT_NUMBER'
  | 'PHONE';

export type PriceSource =
  /** The price set by the competent government department. */
  | 'GOVERNMENT'
  | 'OWN';

export type Pricing =
  | 'FIXED'
  | 'PER_HOUR'
  | 'PER_METERED_UNIT'
  | 'PER_MONTH'
  | 'PER_SQUARE_METER_MONTH';

/** A residential estate (小区) the company manages. */
export type Property = {
  __typename?: 'Property';
  address: Scalars['String']['output'];
  buildings: BuildingConnection;
  /** Short unique code, e.g. `GARDEN-01`. */
  code: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** Its facilities the caller may read, newest first; null (with an error) if facilities cannot answer. */
  facilities?: Maybe<FacilityConnection>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  residents: ResidentConnection;
  /** For staff of the property; null for anyone else (and when the figures cannot be read). */
  satisfaction?: Maybe<SatisfactionKpi>;
  /** IANA time zone the property's clocks and working days use, e.g. `Asia/Shanghai`. */
  timeZone: Scalars['String']['output'];
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

export type PropertyConnection = {
  __typename?: 'PropertyConnection';
  edges: Array<PropertyEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PropertyEdge = {
  __typename?: 'PropertyEdge';
  cursor: Scalars['String']['output'];
  node: Property;
};

export type PublishFeeScheduleInput = {
  id: Scalars['ID']['input'];
};

export type Query = {
  __typename?: 'Query';
  /** One bill; another household's bill is NOT_FOUND, like a missing one. */
  bill?: Maybe<Bill>;
  building?: Maybe<Building>;
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
  frontDeskBoard: FrontDeskBoard;
  helpRequest?: Maybe<HelpRequest>;
  helpRequestByNumber?: Maybe<HelpRequest>;
  helpRequests: HelpRequestConnection;
  /** Requests by the last digits (at least 4) of the contact phone, at one property, newest first. */
  helpRequestsByPhoneSuffix: HelpRequestConnection;
  household?: Maybe<Household>;
  /** The calling resident's own surveys, newest first. */
  mySurveys: SurveyConnection;
  /** Full reads of residents' personal data at a property, newest first. */
  piiAccessLog: PiiAccessConnection;
  properties: PropertyConnection;
  property?: Maybe<Property>;
  propertyByCode?: Maybe<Property>;
  resident?: Maybe<Resident>;
  residents: ResidentConnection;
  /** Satisfaction of a property in [from, to), optionally of one request category or technician. */
  satisfactionKpi: SatisfactionKpi;
  /** Paid help requests a fee administrator must price by hand (no fixed published price). */
  serviceChargesForReview: ServiceChargeConnection;
  staff?: Maybe<Staff>;
  staffAtProperty: Array<Staff>;
  /** One survey; one the caller may not see is NOT_FOUND, exactly like a missing one. */
  survey?: Maybe<Survey>;
  surveyTemplate?: Maybe<SurveyTemplate>;
  /** A property's templates with the company-wide ones (the built-in default last); without a property, the company-wide ones. */
  surveyTemplates: Array<SurveyTemplate>;
  /** A property's surveys, newest first. */
  surveys: SurveyConnection;
  /** A technician's open work, due soonest first (the caller's own queue by default). */
  technicianQueue: Array<HelpRequest>;
  unit?: Maybe<Unit>;
  /** A unit's account: staff of its property, a resident of its household, the payment provider; NOT_FOUND otherwise. */
  unitAccount?: Maybe<UnitAccount>;
  units: UnitConnection;
};


export type QueryBillArgs = {
  id: Scalars['ID']['input'];
};


export type QueryBuildingArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCallBackScheduleArgs = {
  propertyId: Scalars['ID']['input'];
};


export type QueryCallBacksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  propertyId: Scalars['ID']['input'];
};


export type QueryFacilitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<FacilityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  propertyId: Scalars['ID']['input'];
};


export type QueryFacilityArgs = {
  id: Scalars['ID']['input'];
};


export type QueryFacilityAvailabilityArgs = {
  facilityId?: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['DateTime']['input'];
  propertyId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['DateTime']['input'];
  type?: InputMaybe<FacilityType>;
};


export type QueryFeeScheduleArgs = {
  id: Scalars['ID']['input'];
};


export type QueryFeeScheduleInForceArgs = {
  on?: InputMaybe<Scalars['LocalDate']['input']>;
  propertyId: Scalars['ID']['input'];
};


export type QueryFeeSchedulesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  propertyId: Scalars['ID']['input'];
};


export type QueryFrontDeskBoardArgs = {
  propertyId: Scalars['ID']['input'];
};


export type QueryHelpRequestArgs = {
  id: Scalars['ID']['input'];
};


export type QueryHelpRequestByNumberArgs = {
  number: Scalars['String']['input'];
  propertyId: Scalars['ID']['input'];
};


export type QueryHelpRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<HelpRequestFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryHelpRequestsByPhoneSuffixArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  phoneSuffix: Scalars['String']['input'];
  propertyId: Scalars['ID']['input'];
};


export type QueryHouseholdArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMySurveysArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPiiAccessLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  propertyId: Scalars['ID']['input'];
};


export type QueryPropertiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPropertyArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPropertyByCodeArgs = {
  code: Scalars['String']['input'];
};


export type QueryResidentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryResidentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ResidentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  propertyId: Scalars['ID']['input'];
};


export type QuerySatisfactionKpiArgs = {
  category?: InputMaybe<Scalars['String']['input']>;
  from: Scalars['DateTime']['input'];
  propertyId: Scalars['ID']['input'];
  technicianId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['DateTime']['input'];
};


export type QueryServiceChargesForReviewArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  propertyId: Scalars['ID']['input'];
};


export type QueryStaffArgs = {
  id: Scalars['ID']['input'];
};


export type QueryStaffAtPropertyArgs = {
  propertyId: Scalars['ID']['input'];
};


export type QuerySurveyArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySurveyTemplateArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySurveyTemplatesArgs = {
  propertyId?: InputMaybe<Scalars['ID']['input']>;
};


export type QuerySurveysArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  propertyId: Scalars['ID']['input'];
};


export type QueryTechnicianQueueArgs = {
  staffId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryUnitArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUnitAccountArgs = {
  unitId: Scalars['ID']['input'];
};


export type QueryUnitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UnitFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  propertyId: Scalars['ID']['input'];
};

export type QuestionInput = {
  /** Lower-case letters, digits and dashes; stable across versions so answers compare. */
  id: Scalars['ID']['input'];
  kind: QuestionKind;
  options?: InputMaybe<Array<Scalars['String']['input']>>;
  required?: InputMaybe<Scalars['Boolean']['input']>;
  text: Scalars['String']['input'];
};

export type QuestionKind =
  | 'MULTIPLE_CHOICE'
  /** A score from 1 (very dissatisfied) to 5 (very satisfied). */
  | 'SCORE'
  | 'SINGLE_CHOICE'
  | 'TEXT';

export type RecordFollowUpInput = {
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  result: FollowUpResult;
};

export type RecordHelpRequestInput = {
  attachments?: InputMaybe<Array<Scalars['String']['input']>>;
  category: HelpRequestCategory;
  channel: Channel;
  complaintSeverity?: InputMaybe<ComplaintSeverity>;
  complaintTier?: InputMaybe<ComplaintTier>;
  confidential?: InputMaybe<Scalars['Boolean']['input']>;
  consultationMode?: InputMaybe<ConsultationMode>;
  contactName: Scalars['String']['input'];
  contactPhone: Scalars['String']['input'];
  description: Scalars['String']['input'];
  familyMemberPresent?: InputMaybe<Scalars['Boolean']['input']>;
  faultComplexity?: InputMaybe<FaultComplexity>;
  paid?: InputMaybe<Scalars['Boolean']['input']>;
  propertyId: Scalars['ID']['input'];
  requesterId?: InputMaybe<Scalars['ID']['input']>;
  type: HelpRequestType;
  unitId?: InputMaybe<Scalars['ID']['input']>;
  urgent?: InputMaybe<Scalars['Boolean']['input']>;
};

export type RecordInspectionInput = {
  finding: Scalars['String']['input'];
  id: Scalars['ID']['input'];
  passed: Scalars['Boolean']['input'];
};

export type RecordPaymentInput = {
  amount: MoneyInput;
  /** The bill paid; or `unitId` for a payment to the unit's account (oldest bills first). */
  billId?: InputMaybe<Scalars['ID']['input']>;
  /** The sender's key: the same key again returns the first result; another amount under it is CONFLICT. */
  idempotencyKey: Scalars['String']['input'];
  method: PaymentMethod;
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

export type RecordPaymentPayload = {
  __typename?: 'RecordPaymentPayload';
  payment: Payment;
};

export type RecordSurveyByPhoneInput = {
  answers: Array<AnswerInput>;
  note?: InputMaybe<Scalars['String']['input']>;
  surveyId: Scalars['ID']['input'];
};

export type ReferHelpRequestInput = {
  contact?: InputMaybe<Scalars['String']['input']>;
  /** The receiving department or organisation. */
  department: Scalars['String']['input'];
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  /** When the resident was told where their request went. */
  residentToldAt: Scalars['DateTime']['input'];
};

export type Referral = {
  __typename?: 'Referral';
  contact?: Maybe<Scalars['String']['output']>;
  department: Scalars['String']['output'];
  residentToldAt: Scalars['DateTime']['output'];
};

export type RegisterFacilityInput = {
  area: Scalars['String']['input'];
  assetTag: Scalars['String']['input'];
  buildingId?: InputMaybe<Scalars['ID']['input']>;
  criticality: Criticality;
  /** YYYY-MM-DD. */
  installedOn?: InputMaybe<Scalars['String']['input']>;
  maker?: InputMaybe<Scalars['String']['input']>;
  model?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  propertyId: Scalars['ID']['input'];
  type: FacilityType;
};

export type RegisterResidentInput = {
  idDocumentNumber?: InputMaybe<Scalars['String']['input']>;
  kind: ResidentKind;
  name: Scalars['String']['input'];
  phone: Scalars['String']['input'];
  propertyId: Scalars['ID']['input'];
  vip?: InputMaybe<Scalars['Boolean']['input']>;
};

export type RegisterResidentPayload = {
  __typename?: 'RegisterResidentPayload';
  resident: Resident;
};

export type RegisterStaffInput = {
  grade: Grade;
  name: Scalars['String']['input'];
  propertyIds: Array<Scalars['ID']['input']>;
  roles: Array<StaffRole>;
  roster: Array<ShiftInput>;
  skills: Array<Skill>;
  timeZone: Scalars['String']['input'];
};

export type RejectFixInput = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type ReportFacilityFaultInput = {
  complexity: FaultComplexity;
  /** A phone to call back about the fault. */
  contactPhone?: InputMaybe<Scalars['String']['input']>;
  description: Scalars['String']['input'];
  facilityId: Scalars['ID']['input'];
  /** Who reported it (a staff member, a resident's name, the partner). */
  reportedBy: Scalars['String']['input'];
  source: FaultSource;
};

/** A resident (owned by the residents subgraph); work-orders adds their help requests. */
export type Resident = {
  __typename?: 'Resident';
  /** The bills of the households this resident lives in now (a resident: only their own). */
  bills?: Maybe<BillConnection>;
  createdAt: Scalars['DateTime']['output'];
  helpRequests?: Maybe<HelpRequestConnection>;
  /** Households this resident lives or lived in. */
  households: Array<Household>;
  id: Scalars['ID']['output'];
  /** Masked unless `full: true` (same rule as `phone`). */
  idDocumentNumber?: Maybe<Scalars['String']['output']>;
  kind: ResidentKind;
  name: Scalars['String']['output'];
  /** Masked (138****5678) unless `full: true`, which only staff of the property may ask for; every full read is logged. */
  phone: Scalars['String']['output'];
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

export type ResidentConnection = {
  __typename?: 'ResidentConnection';
  edges: Array<ResidentEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ResidentEdge = {
  __typename?: 'ResidentEdge';
  cursor: Scalars['String']['output'];
  node: Resident;
};

export type ResidentFilter = {
  kind?: InputMaybe<ResidentKind>;
  /** Last digits of the phone number (at least 4), as front desks look callers up. */
  phoneSuffix?: InputMaybe<Scalars['String']['input']>;
  vip?: InputMaybe<Scalars['Boolean']['input']>;
};

export type ResidentKind =
  | 'FAMILY_MEMBER'
  | 'OWNER'
  | 'TENANT';

export type ResolveHelpRequestInput = {
  id: Scalars['ID']['input'];
  outcome: Scalars['String']['input'];
};

export type ResponseChannel =
  /** Recorded by staff on a phone follow-up (回访) on the resident's behalf. */
  | 'PHONE'
  /** Answered by the resident. */
  | 'RESIDENT';

export type RetireFacilityInput = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type ReviseSurveyTemplateInput = {
  id: Scalars['ID']['input'];
  questions: Array<QuestionInput>;
  /** The current version the revision starts from. */
  version: Scalars['Int']['input'];
};

/** Satisfaction figures of one scope and period [from, to), counted by the surveys opened in it. */
export type SatisfactionKpi = {
  __typename?: 'SatisfactionKpi';
  averageScore?: Maybe<Scalars['Float']['output']>;
  from: Scalars['DateTime']['output'];
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
  significant: Scalars['Boolean']['output'];
  /** Surveys opened in the period. */
  surveys: Scalars['Int']['output'];
  /** The company's target satisfaction rate (0.9). */
  target: Scalars['Float']['output'];
  to: Scalars['DateTime']['output'];
};

/** A paid help request's charge, at the published price in force when it was received. */
export type ServiceCharge = {
  __typename?: 'ServiceCharge';
  amount?: Maybe<Money>;
  createdAt: Scalars['DateTime']['output'];
  helpRequest: HelpRequest;
  id: Scalars['ID']['output'];
  itemCode?: Maybe<Scalars['String']['output']>;
  propertyId: Scalars['ID']['output'];
  receivedAt: Scalars['DateTime']['output'];
  reviewReason?: Maybe<ServiceChargeReviewReason>;
  status: ServiceChargeStatus;
};

export type ServiceChargeConnection = {
  __typename?: 'ServiceChargeConnection';
  edges: Array<ServiceChargeEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ServiceChargeEdge = {
  __typename?: 'ServiceChargeEdge';
  cursor: Scalars['String']['output'];
  node: ServiceCharge;
};

export type ServiceChargeReviewReason =
  | 'NO_PUBLISHED_PRICE'
  | 'PRICED_PER_HOUR';

export type ServiceChargeStatus =
  | 'CHARGED'
  /** No fixed published price applied: a fee administrator decides. */
  | 'NEEDS_REVIEW';

export type Shift = {
  __typename?: 'Shift';
  end: Scalars['String']['output'];
  start: Scalars['String']['output'];
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: Scalars['Int']['output'];
};

export type ShiftInput = {
  end: Scalars['String']['input'];
  start: Scalars['String']['input'];
  weekday: Scalars['Int']['input'];
};

export type Skill =
  | 'CLEANING'
  | 'CUSTOMER_SERVICE'
  | 'ELECTRICAL'
  | 'ELEVATOR'
  | 'GREENERY'
  | 'LOCKSMITH'
  | 'NURSING_ESCORT'
  | 'PLUMBING'
  | 'SECURITY';

/** A staff member: front desk, technician, supervisor and above, inspector, fee administrator. */
export type Staff = {
  __typename?: 'Staff';
  grade: Grade;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Whether the roster has them on duty at this moment. */
  onDuty: Scalars['Boolean']['output'];
  propertyIds: Array<Scalars['ID']['output']>;
  /** Repeat calls made about requests this person owns (首问制: they count against the owner). */
  repeatCallsAgainst: Scalars['Int']['output'];
  roles: Array<StaffRole>;
  roster: Array<Shift>;
  /** Surveys about requests they were assigned, within the caller's properties; staff callers only, else null. */
  satisfaction?: Maybe<SatisfactionKpi>;
  skills: Array<Skill>;
  timeZone: Scalars['String']['output'];
};


/** A staff member: front desk, technician, supervisor and above, inspector, fee administrator. */
export type StaffSatisfactionArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};

export type StaffPayload = {
  __typename?: 'StaffPayload';
  staff: Staff;
};

export type StaffRole =
  | 'FEE_ADMINISTRATOR'
  | 'FRONT_DESK'
  | 'GENERAL_MANAGER'
  | 'OFFICE_DIRECTOR'
  | 'QUALITY_INSPECTOR'
  | 'SERVICE_SUPERVISOR'
  | 'TECHNICIAN';

export type StateCount = {
  __typename?: 'StateCount';
  count: Scalars['Int']['output'];
  state: HelpRequestState;
};

export type StatusChange = {
  __typename?: 'StatusChange';
  actorId: Scalars['ID']['output'];
  at: Scalars['DateTime']['output'];
  faultId?: Maybe<Scalars['ID']['output']>;
  previousStatus?: Maybe<FacilityStatus>;
  reason: Scalars['String']['output'];
  status: FacilityStatus;
};

/** A survey put to one respondent. */
export type Survey = {
  __typename?: 'Survey';
  anonymous: Scalars['Boolean']['output'];
  category?: Maybe<Scalars['String']['output']>;
  expiresAt: Scalars['DateTime']['output'];
  /** After service: the request it asks about, its category and its assignees. */
  helpRequest?: Maybe<HelpRequest>;
  id: Scalars['ID']['output'];
  openedAt: Scalars['DateTime']['output'];
  property?: Maybe<Property>;
  propertyId: Scalars['ID']['output'];
  purpose: SurveyPurpose;
  questions: Array<SurveyQuestion>;
  /** Null for staff when the survey is anonymous. */
  respondent?: Maybe<Resident>;
  response?: Maybe<SurveyResponse>;
  state: SurveyState;
  technicians: Array<Staff>;
  templateId: Scalars['ID']['output'];
  templateVersion: Scalars['Int']['output'];
};

export type SurveyAnswer = {
  __typename?: 'SurveyAnswer';
  /** The chosen options (one for a single-choice question). */
  choices?: Maybe<Array<Scalars['String']['output']>>;
  questionId: Scalars['ID']['output'];
  score?: Maybe<Scalars['Int']['output']>;
  text?: Maybe<Scalars['String']['output']>;
};

export type SurveyConnection = {
  __typename?: 'SurveyConnection';
  edges: Array<SurveyEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type SurveyEdge = {
  __typename?: 'SurveyEdge';
  cursor: Scalars['String']['output'];
  node: Survey;
};

export type SurveyPayload = {
  __typename?: 'SurveyPayload';
  survey: Survey;
};

export type SurveyPurpose =
  | 'GENERAL'
  /** After a help request was resolved; its first score question is the satisfaction score. */
  | 'POST_SERVICE';

export type SurveyQuestion = {
  __typename?: 'SurveyQuestion';
  id: Scalars['ID']['output'];
  kind: QuestionKind;
  /** For the choice kinds; empty otherwise. */
  options: Array<Scalars['String']['output']>;
  required: Scalars['Boolean']['output'];
  text: Scalars['String']['output'];
};

export type SurveyResponse = {
  __typename?: 'SurveyResponse';
  answers: Array<SurveyAnswer>;
  at: Scalars['DateTime']['output'];
  channel: ResponseChannel;
  note?: Maybe<Scalars['String']['output']>;
  /** The staff member who recorded a phone follow-up. */
  recordedById?: Maybe<Scalars['ID']['output']>;
  /** A score of 4 or 5. */
  satisfied?: Maybe<Scalars['Boolean']['output']>;
  /** The answer to the first score question: what satisfaction figures count. */
  score?: Maybe<Scalars['Int']['output']>;
};

export type SurveyState =
  | 'COMPLETED'
  /** Not answered in time (SURVEY_EXPIRY_DAYS); applied when read. */
  | 'EXPIRED'
  | 'OPEN';

/** Versioned questions, for one property or company-wide; a survey keeps the version it was opened with. */
export type SurveyTemplate = {
  __typename?: 'SurveyTemplate';
  /** Whether responses are detached from the respondent for everyone but the respondent. */
  anonymous: Scalars['Boolean']['output'];
  /** True for the code-defined default post-service template (exists without setup). */
  builtIn: Scalars['Boolean']['output'];
  currentVersion: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Null: company-wide. */
  propertyId?: Maybe<Scalars['ID']['output']>;
  purpose: SurveyPurpose;
  questions: Array<SurveyQuestion>;
  versions: Array<SurveyTemplateVersion>;
};

export type SurveyTemplatePayload = {
  __typename?: 'SurveyTemplatePayload';
  surveyTemplate: SurveyTemplate;
};

export type SurveyTemplateVersion = {
  __typename?: 'SurveyTemplateVersion';
  publishedAt: Scalars['DateTime']['output'];
  questions: Array<SurveyQuestion>;
  version: Scalars['Int']['output'];
};

export type TimelineEntry = {
  __typename?: 'TimelineEntry';
  actorId: Scalars['String']['output'];
  actorRole: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  from?: Maybe<HelpRequestState>;
  note?: Maybe<Scalars['String']['output']>;
  to: HelpRequestState;
};

export type TransitionInput = {
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
  building: Building;
  createdAt: Scalars['DateTime']['output'];
  floor: Scalars['Int']['output'];
  helpRequests?: Maybe<HelpRequestConnection>;
  /** The people living here now; null until someone moves in. */
  household?: Maybe<Household>;
  id: Scalars['ID']['output'];
  /** Unit number within its building, e.g. `1-1201`. */
  number: Scalars['String']['output'];
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
  credit: Money;
  openBills: Array<Bill>;
  /** Owed overall; negative when in credit. */
  owed: Money;
  unitId: Scalars['ID']['output'];
};

/** A unit's account: what is owed overall (negative when in credit) and the credit for the next bill. */
export type UnitBalance = {
  __typename?: 'UnitBalance';
  credit: Money;
  owed: Money;
};

export type UnitConnection = {
  __typename?: 'UnitConnection';
  edges: Array<UnitEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type UnitEdge = {
  __typename?: 'UnitEdge';
  cursor: Scalars['String']['output'];
  node: Unit;
};

export type UnitFilter = {
  buildingId?: InputMaybe<Scalars['ID']['input']>;
  floor?: InputMaybe<Scalars['Int']['input']>;
  number?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateCallBackScheduleInput = {
  /** When the property was handed over to its owners. */
  handoverAt: Scalars['DateTime']['input'];
  propertyId: Scalars['ID']['input'];
};

export type WaitForPartsInput = {
  expectedBy?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
  /** The notice sent to the affected residents. */
  message: Scalars['String']['input'];
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