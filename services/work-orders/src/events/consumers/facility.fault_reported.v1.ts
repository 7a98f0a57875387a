import { handlerOf, type EventHandler } from '@courtyard/kernel';
import { numberingYear } from '../../domain/intake.js';
import { repairFromFault } from '../../domain/repairs.js';
import type { PropertyProjection } from '../../repository/property-projection.repository.js';
import type { WorkOrdersRepository } from '../../repository/work-orders.repository.js';

/**
 * A fault was reported on a shared facility: open its repair request, exactly once. The request's
 * id derives from the event, so the insert of a replay hits the unique `_id` and carries the
 * event as its cause; a replay is recognised before a number is allocated, so it burns none.
 */
export const onFaultReported = (
  /** A repository per event: its loaders live as long as one reaction, like a request's. */
  repositoryFor: () => Pick<WorkOrdersRepository, 'assertNotCreatedBy' | 'insertNumbered'>,
  properties: Pick<PropertyProjection, 'termsOf'>,
  callbackPhone: string,
): EventHandler =>
  handlerOf('facility.fault_reported.v1', async (event, command) => {
    const requests = repositoryFor();
    const requestId = command.newId();
    await requests.assertNotCreatedBy(requestId, command.causationId);
    const { timeZone, terms } = await properties.termsOf(event.data.propertyId, command.now);
    await requests.insertNumbered(
      event.data.propertyId,
      numberingYear(command.now, timeZone),
      command.now,
      (number) => repairFromFault(event.data, number, { timeZone, terms }, callbackPhone, requestId, command),
      command.causationId,
    );
  });
