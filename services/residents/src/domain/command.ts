import type { Caller } from '@courtyard/kernel';

/** Who asks, and when: every rule takes these as arguments (no clock inside the domain). */
export interface CommandContext {
  actor: Caller;
  now: Date;
  requestId?: string;
  traceparent?: string;
}
