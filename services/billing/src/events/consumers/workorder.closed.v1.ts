import { handlerOf, type EventHandler } from '@courtyard/kernel';
import { dayOf } from '../../domain/periods.js';
import { chargePaidService } from '../../domain/service-charges.js';
import type { Projections } from '../../repository/projections.repository.js';

/**
 * A help request was closed in work-orders. A paid one is charged at the published price in
 * force on the day it was received (or put on the review list); a free one is no concern of billing.
 */
export const onWorkOrderClosed = (
  projections: Pick<Projections, 'scheduleInForce' | 'recordServiceCharge'>,
): EventHandler =>
  handlerOf('workorder.closed.v1', async (event, command) => {
    if (!event.data.paid) return;
    const schedule = await projections.scheduleInForce(
      event.data.propertyId,
      dayOf(new Date(event.data.receivedAt)),
    );
    await projections.recordServiceCharge(
      chargePaidService(event.data, schedule, command),
      command.causationId,
    );
  });
