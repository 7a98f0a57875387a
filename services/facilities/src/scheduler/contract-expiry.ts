import { randomUUID } from 'node:crypto';
import { systemActor } from '@courtyard/kernel';
import { dayIn, warnExpiringContracts } from '../domain/partner.js';
import type { ContractExpiryStore } from '../repository/contract-expiry.repository.js';

/** Partners read per batch; a tick reads batches until none is due. */
const BATCH = 200;

export interface ContractExpiryTick {
  /** Expiry warnings published (one per contract and lead). */
  warnings: number;
  /** Partners changed by another instance between the read and the write. */
  already: number;
}

export interface ContractExpiry {
  /** Sends every expiry warning due at `now`; what it did (the tests call it with their clock). */
  tick(now: Date): Promise<ContractExpiryTick>;
}

export interface ContractExpirySettings {
  /** Days before a contract's last day to warn, e.g. [30, 7]: one warning per contract and lead. */
  leads: readonly number[];
  /** The time zone contract days are counted in. */
  timeZone: string;
}

/**
 * The expiry warnings of service contracts. Its state is in the partners (each contract's sent
 * warnings, the partner's `nextWarningOn`), and each partner's warnings are one version-checked
 * update carrying their events, so a tick run twice, on two instances at once, or after a restart
 * publishes each `service_partner.contract_expiring.v1` once.
 */
export function contractExpiry(
  store: Pick<ContractExpiryStore, 'due' | 'warn'>,
  { leads, timeZone }: ContractExpirySettings,
  batch = BATCH,
): ContractExpiry {
  return {
    async tick(now) {
      const done: ContractExpiryTick = { warnings: 0, already: 0 };
      const context = { actor: systemActor('facilities'), now, newId: randomUUID };
      const today = dayIn(now, timeZone);
      const seen = new Set<string>();
      for (;;) {
        const due = (await store.due(today, batch)).filter((partner) => !seen.has(partner._id));
        for (const partner of due) {
          seen.add(partner._id);
          const decision = warnExpiringContracts(partner, leads, today, context);
          const outcome = await store.warn(partner, decision);
          if (outcome === 'already') done.already += 1;
          else done.warnings += decision.events.length;
        }
        // Each partner read leaves the due set (its next day moves past today) or was changed
        // by someone else; `seen` ends the loop either way.
        if (due.length === 0) return done;
      }
    },
  };
}
