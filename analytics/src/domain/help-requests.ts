import type { CloudEvent } from '@courtyard/kernel';
import { recordSatisfaction } from './figures.js';
import type { KpiFold } from './kpi-fold.js';

/**
 * The part of every work-order event these figures read. The cast below is safe because an
 * event reaches a fold only after its published JSON Schema accepted it.
 */
interface HelpRequestFacts {
  propertyId: string;
  occurredAt: string;
  /** The due time in force when the event happened (assignment may set it earlier than the SLA). */
  dueAt: string;
}

interface FollowUpFacts extends HelpRequestFacts {
  result: 'SATISFIED' | 'UNSATISFIED';
}

const facts = <T extends HelpRequestFacts = HelpRequestFacts>(event: CloudEvent) => event.data as T;

/** Help requests opened, resolved (on time or late), followed up and closed (spec §2). */
export const helpRequestFolds: Readonly<Record<string, KpiFold>> = {
  'workorder.received.v1': (event) => ({
    propertyId: facts(event).propertyId,
    change: (figures) => ({ ...figures, opened: figures.opened + 1 }),
  }),
  'workorder.resolved.v1': (event) => {
    const { propertyId, occurredAt, dueAt } = facts(event);
    const withinSla = Date.parse(occurredAt) <= Date.parse(dueAt);
    return {
      propertyId,
      change: (figures) => ({
        ...figures,
        resolved: figures.resolved + 1,
        resolvedWithinSla: figures.resolvedWithinSla + (withinSla ? 1 : 0),
      }),
    };
  },
  'workorder.followed_up.v1': (event) => {
    const { propertyId, result } = facts<FollowUpFacts>(event);
    return { propertyId, change: recordSatisfaction(result === 'SATISFIED') };
  },
  'workorder.closed.v1': (event) => ({
    propertyId: facts(event).propertyId,
    change: (figures) => ({ ...figures, closed: figures.closed + 1 }),
  }),
};
