import { handlerOf, type EventHandler } from '@courtyard/kernel';
import { closeFaultOnRepair } from '../../domain/facility.js';
import type { FacilitiesRepository } from '../../repository/facilities.repository.js';

/**
 * A repair was resolved in work-orders. If it was opened from a fault here (`facilityId` and
 * `faultId` on the event), the fault closes and the facility is OPERATING again from the time it
 * was resolved: one write carrying the event as its cause, so a replay closes no second downtime.
 */
export const onRepairResolved = (
  facilities: Pick<FacilitiesRepository, 'facilityForReaction' | 'saveFacility'>,
): EventHandler =>
  handlerOf('workorder.resolved.v1', async (event, command) => {
    const { facilityId, faultId } = event.data;
    if (!facilityId || !faultId) return;
    const facility = await facilities.facilityForReaction(facilityId);
    if (!facility) return;
    const decision = closeFaultOnRepair(
      facility,
      {
        faultId,
        helpRequestId: event.data.helpRequestId,
        number: event.data.number,
        resolvedAt: new Date(event.data.occurredAt),
      },
      command,
    );
    if (decision) await facilities.saveFacility(facility, decision, command.causationId);
  });
