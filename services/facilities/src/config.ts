import { z } from 'zod';
import { loadConfig } from '@courtyard/kernel';
import {
  DEFAULT_AVAILABILITY_TARGETS,
  FACILITY_TYPES,
  type AvailabilityTargets,
} from './domain/catalogue.js';

/** Availability targets by facility type, 0..1, as JSON: `{"FIRE_PROTECTION":1,"ROAD_LIGHTING":0.99}`. */
const targets = z
  .string()
  .transform((text, ctx): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.partialRecord(z.enum(FACILITY_TYPES), z.number().min(0).max(1)));

/** Facilities settings beyond the kernel's (which every subgraph reads). */
const facilitiesEnv = z.object({
  AVAILABILITY_TARGETS: targets.default(DEFAULT_AVAILABILITY_TARGETS),
});

export interface FacilitiesConfig {
  AVAILABILITY_TARGETS: AvailabilityTargets;
}
export const loadFacilitiesConfig = (env: NodeJS.ProcessEnv = process.env): FacilitiesConfig =>
  loadConfig(facilitiesEnv, env);
