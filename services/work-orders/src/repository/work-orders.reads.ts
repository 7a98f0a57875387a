import {
  countDisjoint,
  notFound,
  paginate,
  phoneSuffixPattern,
  propertyScopeFilter,
  WITHOUT_OUTBOX,
  type Caller,
  type PageArgs,
} from '@courtyard/kernel';
import type { FilterQuery } from 'mongoose';
import type {
  HelpRequestRecord,
  HelpRequestRegisterRecord,
  RegisterRunRecord,
  StaffRecord,
} from '../domain/records.js';
import { OPEN_STATES, STATES, type HelpRequestState } from '../domain/transitions.js';
import {
  canRead,
  notOverdueFilter,
  overdueFilter,
  readableBy,
  readableWithin,
  TECHNICIAN_QUEUE_STATES,
  type Filter,
} from '../domain/visibility.js';
import { isOnDuty } from '../domain/staff.js';
import { searchClauses, stateClause, type HelpRequestSearchCriteria } from './help-request-search.js';
import type { ShiftWindow } from '../domain/roster.js';
import { todaysWorkFilter } from '../domain/todays-work.js';
import type { WorkOrdersLoaders } from './loaders.js';
import type { WorkOrdersModels } from './models.js';

/** The list filter clients send, as the repository takes it (GraphQL's shape, no GraphQL types). */
export interface HelpRequestListFilter {
  propertyId?: string | null;
  states?: readonly HelpRequestState[] | null;
  type?: string | null;
  category?: string | null;
  ownerId?: string | null;
  assigneeId?: string | null;
  createdAfter?: Date | null;
  createdBefore?: Date | null;
  overdue?: boolean | null;
}

const identity = <T>(doc: T) => doc;
const QUEUE_LIMIT = 200;
const REPORT_LIMIT = 20_000;
const asQuery = (...clauses: Filter[]) => ({ $and: clauses }) as FilterQuery<HelpRequestRecord>;

function listClauses(filter: HelpRequestListFilter, now: Date): Filter[] {
  const clauses: Filter[] = [];
  if (filter.propertyId) clauses.push({ propertyId: filter.propertyId });
  if (filter.states?.length) clauses.push({ state: { $in: [...filter.states] } });
  if (filter.type) clauses.push({ type: filter.type });
  if (filter.category) clauses.push({ category: filter.category });
  if (filter.ownerId) clauses.push({ ownerId: filter.ownerId });
  if (filter.assigneeId) clauses.push({ assigneeIds: filter.assigneeId });
  if (filter.createdAfter) clauses.push({ createdAt: { $gte: filter.createdAfter } });
  if (filter.createdBefore) clauses.push({ createdAt: { $lt: filter.createdBefore } });
  if (filter.overdue != null) clauses.push(filter.overdue ? overdueFilter(now) : notOverdueFilter(now));
  return clauses;
}

/**
 * What the caller may read of what `clauses` match, as disjoint filters to count one by one: where
 * a clause names one property, the read rule's parts within it (`readableWithin`, no `$or` in the
 * large part); otherwise the one filter a list reads.
 */
function countedAs(caller: Caller, clauses: Filter[]): FilterQuery<HelpRequestRecord>[] {
  const propertyId = clauses.map((clause) => clause.propertyId).find((value) => typeof value === 'string');
  if (typeof propertyId !== 'string') return [asQuery(readableBy(caller), ...clauses)];
  return readableWithin(caller, propertyId).map((part) => asQuery(part, ...clauses));
}

/**
 * Every read of work-orders, for one request: each returns only what `caller` may read (the
 * domain's `canRead` for one record, its twin `readableBy` for a list), and none carries a
 * pending outbox. A request the caller may not read is reported exactly like a missing one.
 */
export class WorkOrdersReads {
  constructor(
    private readonly models: WorkOrdersModels,
    private readonly loaders: WorkOrdersLoaders,
  ) {}

  async helpRequestOrNull(caller: Caller, id: string): Promise<HelpRequestRecord | null> {
    const request = await this.loaders.helpRequestById.load(id);
    return request && canRead(caller, request) ? request : null;
  }

  /** NOT_FOUND both for a missing request and for one the caller may not see. */
  async helpRequest(caller: Caller, id: string): Promise<HelpRequestRecord> {
    return (await this.helpRequestOrNull(caller, id)) ?? notFound('HelpRequest', id);
  }

  async repeatCallsOf(caller: Caller, id: string): Promise<HelpRequestRecord[]> {
    return (await this.loaders.repeatCallsOf.load(id)).filter((request) => canRead(caller, request));
  }

  async helpRequestByNumber(caller: Caller, propertyId: string, number: string) {
    const found = (await this.models.HelpRequest.findOne(
      asQuery(readableBy(caller), { propertyId, number }),
      WITHOUT_OUTBOX,
    ).lean()) as HelpRequestRecord | null;
    if (found) this.loaders.helpRequestById.prime(found._id, found);
    return found;
  }

  listHelpRequests(caller: Caller, filter: HelpRequestListFilter, page: PageArgs, now: Date) {
    return this.page(caller, page, ...listClauses(filter, now));
  }

  helpRequestsByPhoneSuffix(caller: Caller, propertyId: string, phoneSuffix: string, page: PageArgs) {
    return this.page(caller, page, { propertyId, 'contact.phone': phoneSuffixPattern(phoneSuffix) });
  }

  /** The front desk's search (issue 19): a page of what matches, and per state how many match the rest. */
  async searchHelpRequests(
    caller: Caller,
    propertyId: string,
    search: HelpRequestSearchCriteria,
    page: PageArgs,
  ) {
    const clauses = searchClauses(propertyId, search);
    const [requests, ...perPart] = await Promise.all([
      this.page(caller, page, ...clauses, ...stateClause(search.states)),
      // Per part of the read rule, summed: a `$match` without an `$or` is bounded by an index.
      ...countedAs(caller, clauses).map((part) =>
        this.models.HelpRequest.aggregate<{ _id: HelpRequestState; count: number }>([
          { $match: part },
          { $group: { _id: '$state', count: { $sum: 1 } } },
        ]),
      ),
    ]);
    const counts = new Map<HelpRequestState, number>();
    for (const row of perPart.flat()) counts.set(row._id, (counts.get(row._id) ?? 0) + row.count);
    return { requests, totalsByState: STATES.map((state) => ({ state, count: counts.get(state) ?? 0 })) };
  }

  /** A resident's or a unit's requests (the fields work-orders adds to residents' entities). */
  requestsOf(
    caller: Caller,
    of: { requesterId: string } | { unitId: string },
    page: PageArgs,
    open?: boolean | null,
  ) {
    // A resident's app shows open requests and, apart, the recent finished ones.
    if (open == null) return this.page(caller, page, of);
    const states = open ? OPEN_STATES : STATES.filter((state) => !OPEN_STATES.includes(state));
    return this.page(caller, page, of, { state: { $in: [...states] } });
  }

  /** A technician's open work, due soonest first. */
  async technicianQueue(caller: Caller, staffId: string): Promise<HelpRequestRecord[]> {
    const mine = { assigneeIds: staffId, state: { $in: [...TECHNICIAN_QUEUE_STATES] } };
    return (await this.models.HelpRequest.find(asQuery(readableBy(caller), mine), WITHOUT_OUTBOX)
      .sort({ dueAt: 1 })
      .limit(QUEUE_LIMIT)
      .lean()) as HelpRequestRecord[];
  }

  /** Open requests of a property nobody owns yet (a partner recorded or a resident submitted them), oldest first. */
  async unownedAt(caller: Caller, propertyId: string, first: number): Promise<HelpRequestRecord[]> {
    const waiting = { propertyId, ownerId: null, state: { $in: [...OPEN_STATES] } };
    return (await this.models.HelpRequest.find(asQuery(readableBy(caller), waiting), WITHOUT_OUTBOX)
      .sort({ createdAt: 1, _id: 1 })
      .limit(first)
      .lean()) as HelpRequestRecord[];
  }

  /** Today's work (issue 19): the staff member's assignments due before the shift ends, soonest first. */
  async todaysWork(caller: Caller, staffId: string, shift: ShiftWindow): Promise<HelpRequestRecord[]> {
    return (await this.models.HelpRequest.find(
      asQuery(readableBy(caller), todaysWorkFilter(staffId, shift)),
      WITHOUT_OUTBOX,
    )
      .sort({ dueAt: 1, _id: 1 })
      .limit(QUEUE_LIMIT)
      .lean()) as HelpRequestRecord[];
  }

  /** The ids of the open requests a staff member is assigned to (whoever may read them). */
  async openAssignmentIds(staffId: string): Promise<string[]> {
    const docs = await this.models.HelpRequest.find(
      { assigneeIds: staffId, state: { $in: [...TECHNICIAN_QUEUE_STATES] } },
      { _id: 1 },
    )
      .limit(QUEUE_LIMIT)
      .lean();
    return docs.map((doc) => String(doc._id));
  }

  /** Counts per state (every state, zeros included) and overdue, of what the caller may read. */
  async frontDeskBoard(caller: Caller, propertyId: string, now: Date) {
    // One count per state rather than a `$group` over the property: each is counted in an index
    // (MongoDB's count scan; on the local wire server without reading a document), where the
    // `$group` read every request the property ever had, closed ones included. The caller's read
    // rule comes in parts (`readableWithin`) so that no count holds an `$or`.
    const [overdue, ...perState] = await Promise.all([
      this.countReadable(caller, { propertyId }, overdueFilter(now)),
      ...STATES.map((state) => this.countReadable(caller, { propertyId }, { state })),
    ]);
    return { overdue, counts: STATES.map((state, n) => ({ state, count: perState[n] ?? 0 })) };
  }

  /** How many requests of the property match `clauses` that the caller may read: the parts' sum. */
  private countReadable(caller: Caller, at: { propertyId: string }, ...clauses: Filter[]) {
    return countDisjoint(this.models.HelpRequest, countedAs(caller, [at, ...clauses]));
  }

  async staffAtProperty(propertyId: string): Promise<StaffRecord[]> {
    return (await this.models.Staff.find({ propertyIds: propertyId }, WITHOUT_OUTBOX)
      .sort({ name: 1 })
      .lean()) as StaffRecord[];
  }

  /** The requests an SLA report covers, oldest first (bounded: a report is per property and period). */
  async reportRequests(
    caller: Caller,
    filter: {
      propertyId: string;
      type?: string | null;
      category?: string | null;
      assigneeId?: string | null;
      receivedFrom: Date;
      receivedBefore: Date;
    },
  ): Promise<HelpRequestRecord[]> {
    const clauses = listClauses(
      {
        propertyId: filter.propertyId,
        type: filter.type,
        category: filter.category,
        assigneeId: filter.assigneeId,
        createdAfter: filter.receivedFrom,
        createdBefore: filter.receivedBefore,
      },
      filter.receivedBefore,
    );
    return (await this.models.HelpRequest.find(asQuery(readableBy(caller), ...clauses), WITHOUT_OUTBOX)
      .sort({ createdAt: 1 })
      .limit(REPORT_LIMIT)
      .lean()) as HelpRequestRecord[];
  }

  /** Open requests escalated to the caller by name, or to their role at their properties. */
  async escalatedTo(caller: Caller): Promise<HelpRequestRecord[]> {
    const mine = {
      state: { $in: [...OPEN_STATES] },
      $or: [
        { 'escalation.staffId': caller.subject },
        { 'escalation.role': caller.role, ...propertyScopeFilter(caller) },
      ],
    };
    return (await this.models.HelpRequest.find(asQuery(readableBy(caller), mine), WITHOUT_OUTBOX)
      .sort({ 'escalation.at': -1 })
      .limit(QUEUE_LIMIT)
      .lean()) as HelpRequestRecord[];
  }

  /** A property's register of one year (null while nothing was archived into it). */
  async register(propertyId: string, year: number): Promise<HelpRequestRegisterRecord | null> {
    return (await this.models.HelpRequestRegister.findOne(
      { propertyId, year },
      WITHOUT_OUTBOX,
    ).lean()) as HelpRequestRegisterRecord | null;
  }

  /** A register's requests the caller may read, by page, newest first. */
  registerRequests(caller: Caller, propertyId: string, year: number, page: PageArgs) {
    return this.page(caller, page, { propertyId, 'register.year': year });
  }

  /** All of a register's requests the caller may read, oldest first (statistics, CSV; bounded). */
  async registerAll(caller: Caller, propertyId: string, year: number): Promise<HelpRequestRecord[]> {
    return (await this.models.HelpRequest.find(
      asQuery(readableBy(caller), { propertyId, 'register.year': year }),
      WITHOUT_OUTBOX,
    )
      .sort({ createdAt: 1, _id: 1 })
      .limit(REPORT_LIMIT)
      .lean()) as HelpRequestRecord[];
  }

  /** The register job's latest runs, newest first. */
  async registerRuns(limit: number): Promise<RegisterRunRecord[]> {
    return (await this.models.RegisterRun.find({}, WITHOUT_OUTBOX)
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit)
      .lean()) as RegisterRunRecord[];
  }

  /** The first by name of a property's staff in a role on duty now by their roster. */
  async onDuty(
    propertyId: string,
    role: StaffRecord['roles'][number],
    now: Date,
  ): Promise<StaffRecord | null> {
    return (await this.staffOnDuty(propertyId, [role], now))[0] ?? null;
  }

  /**
   * A property's staff in any of the roles on duty now by their roster, by name: the leaders a
   * handover goes to, and (through `onDuty`) whom a breach or an incident escalates to.
   */
  async staffOnDuty(
    propertyId: string,
    roles: readonly StaffRecord['roles'][number][],
    now: Date,
  ): Promise<StaffRecord[]> {
    const staff = (await this.models.Staff.find(
      { propertyIds: propertyId, roles: { $in: [...roles] } },
      WITHOUT_OUTBOX,
    )
      .sort({ name: 1 })
      .lean()) as StaffRecord[];
    return staff.filter((member) => isOnDuty(member, now));
  }

  private page(caller: Caller, page: PageArgs, ...clauses: Filter[]) {
    return paginate(this.models.HelpRequest, asQuery(readableBy(caller), ...clauses), page, identity, {
      countedAs: countedAs(caller, clauses),
    });
  }
}
