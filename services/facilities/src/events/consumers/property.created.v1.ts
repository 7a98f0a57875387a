import { handlerOf, isTimeZone, type EventHandler } from '@courtyard/kernel';
import { defaultPlansFor } from '../../domain/maintenance-plan.js';
import type { MaintenanceRepository } from '../../repository/maintenance.repository.js';

/**
 * A property was created in the residents subgraph: remember its zone and give it the spec's
 * default maintenance plans (per facility type, so they apply to its facilities of that type as
 * they are registered). The plans' ids derive from the event, and those already stored are left
 * as they are; the property's record, stamped with the event, is written last. So a replay
 * creates no second set, and one cut short between the two writes is finished by the replay.
 */
export const onPropertyCreated = (
  maintenance: Pick<MaintenanceRepository, 'insertPlansAbsent' | 'recordProperty'>,
): EventHandler =>
  handlerOf('property.created.v1', async (event, command) => {
    const { propertyId, timeZone, code, name, createdAt } = event.data;
    // A zone the residents subgraph validated; a bad one here is a broken producer, not a user error.
    if (!isTimeZone(timeZone)) throw new Error(`property ${propertyId}: unknown time zone`);
    await maintenance.insertPlansAbsent(
      defaultPlansFor({ propertyId, timeZone }, new Date(createdAt), command),
    );
    await maintenance.recordProperty(
      { _id: propertyId, version: 1, createdAt: command.now, code, name, timeZone },
      command.causationId,
    );
  });
