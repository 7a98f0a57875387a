import type { HelpRequestResolvers } from '../__generated__/resolvers-types.js';
import { progressOf } from '../domain/progress.js';

/** The fields a resident's own request adds (issue 19); absent on requests stored before: empty or null. */
export const helpRequestResidentApp: Pick<
  HelpRequestResolvers,
  'preferredVisitAt' | 'comments' | 'withdrawal' | 'progress' | 'awaitingOwner'
> = {
  preferredVisitAt: (request) => request.preferredVisitAt ?? null,
  comments: (request) => request.comments ?? [],
  withdrawal: (request) => request.withdrawal ?? null,
  progress: (request) => progressOf(request),
  awaitingOwner: (request) => request.ownerId === null,
};
