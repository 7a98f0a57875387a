import type { EventDataByType } from '@courtyard/kernel/domain';

/** Shared builders for the surveys domain's unit tests. */

/** A repair resolved an hour after it was received, as `workorder.resolved.v1` carries it. */
export const RESOLVED_REPAIR = {
  helpRequestId: 'h1',
  number: 'WO-2026-000001',
  propertyId: 'p1',
  type: 'REPAIR',
  category: 'WATER_LEAK',
  channel: 'PHONE',
  urgent: false,
  paid: false,
  repeatCall: false,
  ownerId: 'desk-1',
  actorId: 'tech-1',
  state: 'RESOLVED',
  previousState: 'IN_PROGRESS',
  receivedAt: '2026-11-24T08:00:00.000Z',
  occurredAt: '2026-11-24T09:00:00.000Z',
  secondsSinceReceived: 3600,
  dueAt: '2026-11-24T12:00:00.000Z',
} satisfies EventDataByType['workorder.resolved.v1'];
