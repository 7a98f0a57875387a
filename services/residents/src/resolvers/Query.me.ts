import { DomainError } from '@courtyard/kernel';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

/**
 * `me`: the calling resident's own record, from the resident id their token carries. The gate
 * lets only residents in (anyone else: FORBIDDEN, ROLE_NOT_ALLOWED); a resident token without
 * a resident id, or whose record is gone, gets NOT_FOUND.
 */
export const QueryMe: Pick<QueryResolvers, 'me'> = {
  me: (_, __, context) => {
    const { residentId } = context.caller;
    if (residentId === undefined) {
      throw new DomainError('NOT_FOUND', 'RESIDENT_NOT_FOUND', 'No resident record belongs to this caller');
    }
    return context.reads.resident(context.caller, residentId);
  },
};
