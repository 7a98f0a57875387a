import {
  commandContextOf,
  type AggregateWriter,
  type CommandContext,
  type RequestContext,
} from '@courtyard/kernel';
import { createLoaders, type BillingLoaders } from './repository/loaders.js';
import type { BillingModels } from './repository/models.js';
import { BillingReads } from './repository/billing.reads.js';
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
  repository: BillingRepository;
  command: CommandContext;
}

export function createContext(base: RequestContext, deps: BillingDeps): BillingContext {
  const loaders = createLoaders(deps.models);
  return {
    ...base,
    loaders,
    reads: new BillingReads(deps.models, loaders),
    repository: new BillingRepository(deps.models, deps.writer, loaders),
    command: commandContextOf(base),
  };
}
