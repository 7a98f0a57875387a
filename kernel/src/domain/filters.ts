import { ALL_PROPERTIES, type Caller } from './caller.js';

/**
 * A MongoDB filter as the domain writes it: a plain object (the repository hands it to the
 * driver). Read rules keep one beside each predicate, so a list returns exactly what a single
 * read would allow.
 */
export type Filter = Readonly<Record<string, unknown>>;

/** Matches no document: a caller who may read nothing gets an empty list, not an error. */
export const MATCHES_NOTHING: Filter = { _id: { $in: [] } };

/** The records of the properties a caller acts for (every one for the system or an all-properties scope). */
export const propertyScopeFilter = (caller: Caller, field = 'propertyId'): Filter =>
  caller.role === 'SYSTEM' || caller.propertyIds.includes(ALL_PROPERTIES)
    ? {}
    : { [field]: { $in: [...caller.propertyIds] } };
