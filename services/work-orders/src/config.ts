import { z } from 'zod';
import { loadConfig } from '@courtyard/kernel';

/** Work-orders settings beyond the kernel's (which every subgraph reads). */
const workOrdersEnv = z.object({
  /** How long after resolution a resident's silence may be recorded as non-response (rule 7). */
  CONFIRMATION_WAIT_HOURS: z.coerce.number().min(0).max(720).default(48),
  /**
   * The call-back number on a repair opened from a facility fault whose reporter left none: the
   * management office's 24-hour service line (spec §2, 24小时服务电话).
   */
  FACILITY_FAULT_CALLBACK_PHONE: z
    .string()
    .regex(/^\+?[0-9]{5,15}$/)
    .default('4008123123'),
  /** How often the SLA scheduler scans for due clocks (ms); 0 turns it off (tests drive `tick`). */
  SLA_SCAN_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  /** At most this many due requests per scan (the rest wait for the next one). */
  SLA_SCAN_BATCH: z.coerce.number().int().min(1).max(100_000).default(2_000),
  /** How often the register job runs (ms; 0 off, tests drive `run(now)`): seed 002's yearly archive and anonymisation. */
  REGISTER_JOB_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(3_600_000),
  /** Requests per register batch (one announcement and one bulk write each). */
  REGISTER_BATCH: z.coerce.number().int().min(1).max(1_000).default(200),
  /** How often the service looks for periodic SLA reports that fell due (ms; 0 off, tests drive `tick(now)`). */
  SLA_REPORT_DUE_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(300_000),
  /**
   * The four levels of the escalation chain in this company's words, front desk first
   * (spec §2; seed 002 names the same roles two ways), comma-separated.
   */
  ESCALATION_CHAIN_TITLES: z
    .string()
    .default(
      '总服务台 Front desk,服务处主管 Service supervisor,管理处主任 Management-office director,总经理 General manager',
    )
    .transform((value) => value.split(',').map((title) => title.trim()))
    .refine((titles) => titles.length === 4 && titles.every(Boolean), 'must name 4 levels, comma-separated'),
});

export type WorkOrdersConfig = z.infer<typeof workOrdersEnv>;
export const loadWorkOrdersConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(workOrdersEnv, env);
