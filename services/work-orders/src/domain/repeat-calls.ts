import { phoneForms } from '@courtyard/kernel/domain';
import type { Category } from './catalogue.js';
import { OPEN_STATES } from './transitions.js';
import type { Filter } from './visibility.js';

/**
 * Repeat calls (spec §2 rule 4, seed 004 M 二.7 "不应让客户打第二次电话"). A caller with a resident
 * record repeats an open request of the same resident, unit and category; a caller without one
 * (issue 19) repeats an open request of the same phone number and category. Either way only at
 * the same property (issue 17 D1: the link never crosses properties, and a confidential original
 * is linked but stays hidden behind `repeatOf`'s read rule), only a first call (never a repeat of
 * a repeat), and never a repair the system opened from a facility fault (its phone is the
 * reporter's or the office's line, and repeat counting does not apply to it).
 */
export interface RepeatCallKey {
  propertyId: string;
  requesterId: string | null;
  unitId: string | null;
  category: Category;
  contactPhone: string;
}

/** The MongoDB filter of the open first call a new one repeats. */
export function openOriginalFilter(key: RepeatCallKey): Filter {
  const common = {
    propertyId: key.propertyId,
    category: key.category,
    state: { $in: [...OPEN_STATES] },
    repeatOfId: null,
  };
  if (key.requesterId) return { ...common, requesterId: key.requesterId, unitId: key.unitId };
  return { ...common, 'contact.phone': { $in: phoneForms(key.contactPhone) }, faultId: null };
}
