import type { CloudEvent } from '@courtyard/kernel';
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

const facts = (event: CloudEvent) => event.data as HelpRequestFacts;

/**
 * Help requests opened, resolved (on time or late) and closed (spec §2). A follow-up visit
 * (`workorder.followed_up.v1`) is not counted as satisfaction here: satisfaction comes from
 * surveys (surveys.ts), where a phone follow-up is a survey response, so one visit counts once.
 */
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
  'workorder.closed.v1': (event) => ({
    propertyId: facts(event).propertyId,
    change: (figures) => ({ ...figures, closed: figures.closed + 1 }),
  }),
};
