import { z } from 'zod';
import { isTimeZone, loadConfig } from '@courtyard/kernel';
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

/** Lead days before a contract's last day, comma-separated: `30` or `30,7`. */
const leads = z
  .string()
  .transform((text) => text.split(',').map((part) => Number(part.trim())))
  .pipe(z.array(z.number().int().min(0).max(365)).min(1).max(5));

/** Facilities settings beyond the kernel's (which every subgraph reads). */
const facilitiesEnv = z.object({
  AVAILABILITY_TARGETS: targets.default(DEFAULT_AVAILABILITY_TARGETS),
  /** How many days ahead a service contract's expiry is warned (`service_partner.contract_expiring.v1`). */
  CONTRACT_EXPIRY_LEAD_DAYS: leads.default([30]),
  /** How often the contract-expiry scheduler looks for warnings due. */
  CONTRACT_EXPIRY_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).default(3_600_000),
  /** The time zone contract days (startsOn, endsOn) are counted in. */
  FACILITIES_TIME_ZONE: z.string().refine(isTimeZone, 'must be an IANA time zone').default('Asia/Shanghai'),
  /** How often the maintenance scheduler scans (ms); 0 turns it off (tests drive `tick`). */
  MAINTENANCE_SCAN_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
  /** Tasks are generated for periods starting within this many days ahead. */
  MAINTENANCE_HORIZON_DAYS: z.coerce.number().min(0).max(400).default(14),
  /** Periods that ended up to this many days ago are still generated after an outage (then overdue). */
  MAINTENANCE_CATCH_UP_DAYS: z.coerce.number().min(0).max(400).default(7),
  /** Plans read per page, and tasks marked overdue per scan (the rest wait for the next). */
  MAINTENANCE_SCAN_BATCH: z.coerce.number().int().min(1).max(100_000).default(1_000),
});

export interface FacilitiesConfig {
  AVAILABILITY_TARGETS: AvailabilityTargets;
  CONTRACT_EXPIRY_LEAD_DAYS: number[];
  CONTRACT_EXPIRY_SWEEP_INTERVAL_MS: number;
  FACILITIES_TIME_ZONE: string;
  MAINTENANCE_SCAN_INTERVAL_MS: number;
  MAINTENANCE_HORIZON_DAYS: number;
  MAINTENANCE_CATCH_UP_DAYS: number;
  MAINTENANCE_SCAN_BATCH: number;
}
export const loadFacilitiesConfig = (env: NodeJS.ProcessEnv = process.env): FacilitiesConfig =>
  loadConfig(facilitiesEnv, env);
