import { handlerOf, type EventHandler } from '@courtyard/kernel';
import { projectResident } from '../../domain/residents.js';
import type { ResidentProjection } from '../../repository/resident-projection.repository.js';

/** A resident was registered: remember whether they are a VIP (seed 001-G's thresholds). */
export const onResidentRegistered = (residents: Pick<ResidentProjection, 'apply'>): EventHandler =>
  handlerOf('resident.registered.v1', async (event, command) => {
    const resident = projectResident(event.data, command);
    await residents.apply(
      resident,
      () => ({ vip: resident.vip, propertyId: resident.propertyId }),
      command.causationId,
    );
  });
