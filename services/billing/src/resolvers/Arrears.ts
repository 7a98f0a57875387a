import type { ArrearsAgeingResolvers, UnitArrearsResolvers } from '../__generated__/resolvers-types.js';
import { money } from '../domain/money.js';

/** Ageing figures are integer fen in the account's currency. */
export const ArrearsAgeing: ArrearsAgeingResolvers = {
  days0To30: (ageing) => money(ageing.days0To30, ageing.currency),
  days31To90: (ageing) => money(ageing.days31To90, ageing.currency),
  days91To180: (ageing) => money(ageing.days91To180, ageing.currency),
  over180Days: (ageing) => money(ageing.over180Days, ageing.currency),
  total: (ageing) => money(ageing.total, ageing.currency),
};

export const UnitArrears: UnitArrearsResolvers = {
  unit: (arrears) => ({ id: arrears.unitId }),
};
