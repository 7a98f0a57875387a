import type { HelpRequestState } from './transitions.js';

/** The front-desk board as a read returns it; its queue of submissions waiting for an owner is resolved on demand. */
export interface FrontDeskBoardView {
  propertyId: string;
  counts: Array<{ state: HelpRequestState; count: number }>;
  overdue: number;
}
