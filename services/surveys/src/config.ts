import { z } from 'zod';
import { loadConfig } from '@courtyard/kernel';
import { MINIMUM_SAMPLE } from './domain/kpi.js';

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** Surveys settings beyond the kernel's (which every subgraph reads). */
const surveysEnv = z.object({
  /** How long a resident may answer an after-service survey before it expires. */
  SURVEY_EXPIRY_DAYS: z.coerce.number().min(1).max(365).default(14),
  /** How often the call-back scheduler looks for due call-backs (it also runs when a handover date is set). */
  /** How often the expiry scheduler marks open surveys past their expiry EXPIRED (survey.expired.v1). */
  SURVEY_EXPIRY_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  CALLBACK_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  /** How often the campaign scheduler starts, reminds and closes campaigns that are due. */
  CAMPAIGN_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  /** Responses below which a satisfaction figure is marked not significant (why 30: `domain/kpi.ts`). */
  KPI_MINIMUM_SAMPLE: z.coerce.number().int().min(1).max(10_000).default(MINIMUM_SAMPLE),
  /** The zone whose calendar months, quarters, half-years and years the figures are reported in. */
  KPI_TIME_ZONE: z
    .string()
    .refine((zone) => isTimeZone(zone), 'must be an IANA time zone such as Asia/Shanghai')
    .default('Asia/Shanghai'),
});

export type SurveysConfig = z.infer<typeof surveysEnv>;
export const loadSurveysConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(surveysEnv, env);
