import { describe, expect, it } from '@jest/globals';
import { exampleEvent, feed } from '../../../../../test/support/handler-harness.js';
import type { ResidencyRecord } from '../../domain/records.js';
import { onResidentMovedIn } from './resident.moved_in.v1.js';
import { onResidentMovedOut } from './resident.moved_out.v1.js';

function fakeResidencies() {
  const recorded: Array<{ residency: ResidencyRecord; causationId: string }> = [];
  return {
    recorded,
    record: async (residency: ResidencyRecord, causationId: string) =>
      void recorded.push({ residency, causationId }),
  };
}

describe('resident.moved_in.v1 / moved_out.v1 → where residents live', () => {
  it('records the home as current on a move-in and not on a move-out, each caused by its event', async () => {
    const residencies = fakeResidencies();
    const movedIn = exampleEvent('resident.moved_in.v1');
    const movedOut = exampleEvent('resident.moved_out.v1');
    await feed(onResidentMovedIn(residencies), movedIn);
    await feed(onResidentMovedOut(residencies), movedOut);
    expect(residencies.recorded).toEqual([
      {
        causationId: movedIn.id,
        residency: expect.objectContaining({
          _id: `${movedIn.data.unitId}:${movedIn.data.residentId}`,
          propertyId: movedIn.data.propertyId,
          current: true,
        }),
      },
      {
        causationId: movedOut.id,
        residency: expect.objectContaining({ residentId: movedOut.data.residentId, current: false }),
      },
    ]);
  });
});
