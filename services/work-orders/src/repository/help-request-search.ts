import { DomainError, phoneSuffixPattern } from '@courtyard/kernel';
import type { HelpRequestState } from '../domain/transitions.js';
import type { Filter } from '../domain/visibility.js';

/** The front desk's search (issue 19), as the read API takes it (GraphQL's shape, no GraphQL types). */
export interface HelpRequestSearchCriteria {
  number?: string | null;
  phoneSuffix?: string | null;
  unitId?: string | null;
  requesterId?: string | null;
  states?: readonly HelpRequestState[] | null;
  category?: string | null;
  ownerId?: string | null;
  currentOwnerId?: string | null;
  assigneeId?: string | null;
  receivedFrom?: Date | null;
  receivedBefore?: Date | null;
}

const NUMBER_MAX = 40;

/**
 * The criteria but `states` (the totals per state are counted over these), within one property,
 * so every read starts on one of the `{ propertyId, … }` indexes or a narrower one (README,
 * Indexes): the unique number, the phone keys, the unit, the requester, the owner, the category.
 */
export function searchClauses(propertyId: string, search: HelpRequestSearchCriteria): Filter[] {
  const clauses: Filter[] = [{ propertyId }];
  if (search.number != null) {
    if (search.number.length === 0 || search.number.length > NUMBER_MAX)
      throw new DomainError(
        'BAD_USER_INPUT',
        'INVALID_NUMBER',
        `number must be 1 to ${NUMBER_MAX} characters`,
      );
    clauses.push({ number: search.number });
  }
  if (search.phoneSuffix != null) clauses.push({ 'contact.phone': phoneSuffixPattern(search.phoneSuffix) });
  if (search.unitId) clauses.push({ unitId: search.unitId });
  if (search.requesterId) clauses.push({ requesterId: search.requesterId });
  if (search.category) clauses.push({ category: search.category });
  if (search.ownerId) clauses.push({ ownerId: search.ownerId });
  // The holder now: the one it was handed over to, or the owner of a request never handed over.
  if (search.currentOwnerId)
    clauses.push({
      $or: [
        { currentOwnerId: search.currentOwnerId },
        { currentOwnerId: null, ownerId: search.currentOwnerId },
      ],
    });
  if (search.assigneeId) clauses.push({ assigneeIds: search.assigneeId });
  if (search.receivedFrom) clauses.push({ createdAt: { $gte: search.receivedFrom } });
  if (search.receivedBefore) clauses.push({ createdAt: { $lt: search.receivedBefore } });
  return clauses;
}

export const stateClause = (states: readonly HelpRequestState[] | null | undefined): Filter[] =>
  states?.length ? [{ state: { $in: [...states] } }] : [];
