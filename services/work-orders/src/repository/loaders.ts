import DataLoader from 'dataloader';
import { loaderById, WITHOUT_OUTBOX } from '@courtyard/kernel';
import type { HelpRequestRecord, StaffRecord } from '../domain/records.js';
import type { WorkOrdersModels } from './models.js';

/** Per request; values in key order (DataLoader's contract). */
export function createLoaders(models: WorkOrdersModels) {
  return {
    helpRequestById: loaderById<HelpRequestRecord>(models.HelpRequest),
    staffById: loaderById<StaffRecord>(models.Staff),
    repeatCallsOf: new DataLoader<string, HelpRequestRecord[]>(async (ids) => {
      const docs = (await models.HelpRequest.find({ repeatOfId: { $in: [...ids] } }, WITHOUT_OUTBOX)
        .sort({ createdAt: 1 })
        .lean()) as HelpRequestRecord[];
      return ids.map((id) => docs.filter((doc) => doc.repeatOfId === id));
    }),
    repeatCallsAgainst: new DataLoader<string, number>(async (staffIds) => {
      const rows = (await models.HelpRequest.aggregate([
        { $match: { repeatOfOwnerId: { $in: [...staffIds] } } },
        { $group: { _id: '$repeatOfOwnerId', count: { $sum: 1 } } },
      ])) as Array<{ _id: string; count: number }>;
      const counts = new Map(rows.map((row) => [row._id, row.count]));
      return staffIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}

export type WorkOrdersLoaders = ReturnType<typeof createLoaders>;
