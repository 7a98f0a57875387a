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
});

export type WorkOrdersConfig = z.infer<typeof workOrdersEnv>;
export const loadWorkOrdersConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(workOrdersEnv, env);
