import { z } from 'zod';

/** Input limits, checked before anything is read or written (every problem reported at once). */
const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const createFacilityInput = z.object({
  propertyId: z.string().min(1),
  name: text(200),
});
