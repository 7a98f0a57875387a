import { handlerOf, type EventHandler } from '@courtyard/kernel';
import { scheduleOf } from '../../domain/call-backs.js';
import type { CallBackStore } from '../../repository/call-backs.repository.js';

/**
 * A property was created in the residents subgraph: its call-back schedule, handed over (until
 * staff say otherwise) when it was created; the scheduler is asked to look at once.
 */
export const onPropertyCreated = (
  store: Pick<CallBackStore, 'recordSchedule'>,
  nudge: () => void = () => undefined,
): EventHandler =>
  handlerOf('property.created.v1', async (event, command) => {
    await store.recordSchedule(scheduleOf(event.data, command), command.causationId);
    nudge();
  });
