import type { DunningNoticeResolvers } from '../__generated__/resolvers-types.js';
import { money } from '../domain/money.js';
import type { BillRecord } from '../domain/records.js';

export const DunningNotice: DunningNoticeResolvers = {
  id: (notice) => notice._id,
  unit: (notice) => ({ id: notice.unitId }),
  owed: (notice) => money(notice.owed, notice.currency),
  overdue: (notice) => money(notice.overdue, notice.currency),
  // Read under the notice's unit's rule already: the bills are the same unit's.
  bills: async (notice, _, context) =>
    (await context.loaders.billById.loadMany(notice.billIds)).filter(
      (bill): bill is BillRecord => bill !== null && !(bill instanceof Error),
    ),
  sentAt: (notice) => notice.createdAt,
};
