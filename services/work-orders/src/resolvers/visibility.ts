import { ALL_PROPERTIES, notFound, type Caller } from '@courtyard/kernel';
import type { FilterQuery } from 'mongoose';
import { canRead } from '../domain/access.js';
import type { HelpRequestRecord } from '../domain/records.js';
import type { WorkOrdersContext } from '../context.js';

/**
 * The database-side form of `canRead`: a list never returns what its caller may not see.
 * Residents see their own requests; staff their properties; confidential ones only the
 * involved, supervisors and above, and inspectors.
 */
export function visibleTo(caller: Caller): FilterQuery<HelpRequestRecord> {
  if (caller.role === 'SYSTEM' || caller.role === 'QUALITY_INSPECTOR') return {};
  if (caller.role === 'RESIDENT') return { requesterId: caller.residentId ?? '—', confidential: false };
  const scope = caller.propertyIds.includes(ALL_PROPERTIES)
    ? {}
    : { propertyId: { $in: [...caller.propertyIds] } };
  const seesConfidential = ['SERVICE_SUPERVISOR', 'OFFICE_DIRECTOR', 'GENERAL_MANAGER'].includes(caller.role);
  if (seesConfidential) return scope;
  return {
    ...scope,
    $or: [{ confidential: false }, { ownerId: caller.subject }, { assigneeIds: caller.subject }],
  };
}

/** Loads a request the caller may see; one they may not see is reported as not found. */
export async function loadReadable(context: WorkOrdersContext, id: string): Promise<HelpRequestRecord> {
  const request = await context.loaders.helpRequestById.load(id);
  if (!request || !canRead(context.caller, request)) return notFound('HelpRequest', id);
  return request;
}
