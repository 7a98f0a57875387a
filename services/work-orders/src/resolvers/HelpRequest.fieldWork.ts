import type { HelpRequestResolvers } from '../__generated__/resolvers-types.js';
import { fieldWorkOf } from '../domain/field-work.js';

/** Issue 19: the technician's record of the visit (empty on requests stored before it). */
export const HelpRequestFieldWork: Pick<HelpRequestResolvers, 'fieldWork'> = {
  fieldWork: (request) => fieldWorkOf(request),
};
