import { DomainError } from '../errors.js';

/**
 * Phone lookups by their last digits (a desk tool in every subgraph): 4 to 15 digits, matched at
 * the end of the stored number. Only digits pass, so the pattern needs no escaping.
 */
export function phoneSuffixPattern(phoneSuffix: string): { $regex: string } {
  if (!/^[0-9]{4,15}$/.test(phoneSuffix)) {
    throw new DomainError('BAD_USER_INPUT', 'INVALID_PHONE_SUFFIX', 'phoneSuffix must be 4 to 15 digits');
  }
  return { $regex: `${phoneSuffix}$` };
}
