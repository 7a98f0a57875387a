import {
  commandContextOf,
  type AggregateWriter,
  type CommandContext,
  type RequestContext,
} from '@courtyard/kernel';
import { createLoaders, type BillingLoaders } from './repository/loaders.js';
import type { BillingModels } from './repository/models.js';
import { BillingReads } from './repository/billing.reads.js';
import { LedgerReads } from './repository/ledger.reads.js';
import { BillingRepository } from './repository/billing.repository.js';

/** What the service builds once at start-up. */
export interface BillingDeps {
  models: BillingModels;
  writer: AggregateWriter;
}

/** What every resolver gets, per request: fresh loaders, the read API, the repository, the command context. */
export interface BillingContext extends RequestContext {
  loaders: BillingLoaders;
  reads: BillingReads;
  ledger: LedgerReads;
  repository: BillingRepository;
  command: CommandContext;
}

export function createContext(base: RequestContext, deps: BillingDeps): BillingContext {
  const loaders = createLoaders(deps.models);
  const reads = new BillingReads(deps.models, loaders);
  return {
    ...base,
    loaders,
    reads,
    ledger: new LedgerReads(deps.models, reads),
    repository: new BillingRepository(deps.models, deps.writer, loaders),
    command: commandContextOf(base),
  };
}
