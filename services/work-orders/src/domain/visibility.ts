import {
  actsForProperty,
  isStaff,
  MATCHES_NOTHING as NOTHING,
  propertyScopeFilter,
  type Caller,
  type Filter,
  type Role,
} from '@courtyard/kernel/domain';
import { SUPERVISOR_ROLES } from './access.js';
import type { HelpRequestRecord } from './records.js';
import { CLOCK_STOPPED_STATES, STATES, type HelpRequestState } from './transitions.js';

/**
 * Each read rule beside its MongoDB twin: the predicate decides a single read, the filter a
 * list, and `visibility.spec.ts` proves for every role and record shape that they agree. The
 * filters are plain objects (the repository hands them to mongoose; the domain knows no driver).
 */
export type { Filter } from '@courtyard/kernel/domain';

/** What a read rule looks at: the rest of the request decides nothing about who sees it. */
export type ReadShape = Pick<
  HelpRequestRecord,
  'propertyId' | 'confidential' | 'ownerId' | 'assigneeIds' | 'requesterId' | 'source' | 'currentOwnerId'
>;

/** Confidential requests of their property are open to supervisors and above (and inspectors). */
const SEES_CONFIDENTIAL: readonly Role[] = SUPERVISOR_ROLES;

const involved = (actor: Caller, request: ReadShape): boolean =>
  actor.subject === request.ownerId ||
  // Whoever a request was handed over to (seed 004 首问制) answers for it and reads it.
  (request.currentOwnerId != null && actor.subject === request.currentOwnerId) ||
  request.assigneeIds.includes(actor.subject);

/** A partner follows up the requests it recorded (its `source`), whoever of it calls. */
const recordedBy = (actor: Caller, request: ReadShape): boolean =>
  actor.role === 'PARTNER' && actor.partnerId !== undefined && request.source?.partnerId === actor.partnerId;

/**
 * Who reads a request. The system and quality inspectors: every request (服务、监督两条线).
 * Residents: their own, unless confidential. Whoever is involved — the owner, the assignees,
 * and the partner that recorded it (its source) — keeps access whatever their property scope. Other staff
 * of its property: the non-confidential ones; supervisors and above: all of them.
 */
export function canRead(actor: Caller, request: ReadShape): boolean {
  if (actor.role === 'SYSTEM' || actor.role === 'QUALITY_INSPECTOR') return true;
  if (actor.role === 'RESIDENT')
    return !request.confidential && request.requesterId !== null && actor.residentId === request.requesterId;
  if (involved(actor, request) || recordedBy(actor, request)) return true;
  if (!isStaff(actor) || !actsForProperty(actor, request.propertyId)) return false;
  return !request.confidential || SEES_CONFIDENTIAL.includes(actor.role);
}

/** The requests `actor` is involved in or recorded (as a partner), whatever the property: `$or` branches. */
const involvementOf = (actor: Caller): Filter[] => [
  { ownerId: actor.subject },
  { currentOwnerId: actor.subject },
  { assigneeIds: actor.subject },
  ...(actor.role === 'PARTNER' && actor.partnerId !== undefined
    ? [{ 'source.partnerId': actor.partnerId }]
    : []),
];

/** `canRead` as a MongoDB filter: a list returns exactly what a single read would allow. */
export function readableBy(actor: Caller): Filter {
  if (actor.role === 'SYSTEM' || actor.role === 'QUALITY_INSPECTOR') return {};
  if (actor.role === 'RESIDENT')
    return actor.residentId === undefined ? NOTHING : { requesterId: actor.residentId, confidential: false };
  const mine = involvementOf(actor);
  if (!isStaff(actor)) return { $or: mine };
  const scope = propertyScopeFilter(actor);
  const ofProperty = SEES_CONFIDENTIAL.includes(actor.role) ? scope : { ...scope, confidential: false };
  // Every request of every property (a supervisor or above of all of them): the ownership branches
  // add nothing, and without an `$or` a count or a page is answered from an index (on the local
  // wire server any `$or` is left to the matcher, which reads every request of the property).
  if (Object.keys(ofProperty).length === 0) return {};
  return { $or: [...mine, ofProperty] };
}

/**
 * `readableBy(actor)` within one property, as disjoint filters whose matches add up to it there
 * (each is meant to be joined with `{ propertyId }`): a count is the sum of theirs. The staff of the
 * property below supervisor read "its non-confidential requests, or the ones I am in", an `$or` no
 * index counts (MongoDB and the local wire server read every request of the property for it); as
 * two parts, the large one (`confidential: false`) is an index's range and the other holds only the
 * property's confidential requests. For anyone else within the property there is no `$or` to split
 * (a supervisor of it reads all of it) or what they read is small (their own involvement).
 */
export function readableWithin(actor: Caller, propertyId: string): Filter[] {
  if (actor.role === 'SYSTEM' || actor.role === 'QUALITY_INSPECTOR') return [{}];
  if (!isStaff(actor) || !actsForProperty(actor, propertyId)) return [readableBy(actor)];
  if (SEES_CONFIDENTIAL.includes(actor.role)) return [{}];
  return [{ confidential: false }, { confidential: true, $or: involvementOf(actor) }];
}

/** Overdue: past its due time while the SLA clock still runs. */
export const isOverdue = (request: Pick<HelpRequestRecord, 'state' | 'dueAt'>, now: Date): boolean =>
  !CLOCK_STOPPED_STATES.includes(request.state) && request.dueAt.getTime() < now.getTime();

export const overdueFilter = (now: Date): Filter => ({
  dueAt: { $lt: now },
  // The states whose clock runs, listed (`$in`, not `$nin` of the others): equality points an index
  // on `{ propertyId, state, dueAt }` bounds, so the front desk's overdue count reads no document.
  state: { $in: STATES.filter((state) => !CLOCK_STOPPED_STATES.includes(state)) },
});

export const notOverdueFilter = (now: Date): Filter => ({ $nor: [overdueFilter(now)] });

/** A technician's open work: assigned to them and not yet resolved, waiting for parts included. */
export const TECHNICIAN_QUEUE_STATES: readonly HelpRequestState[] = [
  'ASSIGNED',
  'IN_PROGRESS',
  'WAITING_PARTS',
  'REOPENED',
  'ESCALATED',
];
