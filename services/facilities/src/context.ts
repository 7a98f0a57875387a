import {
  commandContextOf,
  type AggregateWriter,
  type CommandContext,
  type RequestContext,
} from '@courtyard/kernel';
import type { FacilitiesConfig } from './config.js';
import { createLoaders, type FacilitiesLoaders } from './repository/loaders.js';
import type { FacilitiesModels } from './repository/models.js';
import { FacilitiesReads } from './repository/facilities.reads.js';
import { FacilitiesRepository } from './repository/facilities.repository.js';
import { MaintenanceReads } from './repository/maintenance.reads.js';
import { MaintenanceRepository } from './repository/maintenance.repository.js';

/** What the service builds once at start-up. */
export interface FacilitiesDeps {
  models: FacilitiesModels;
  writer: AggregateWriter;
  config: FacilitiesConfig;
}

/** What every resolver gets, per request: fresh loaders, the read API, the repository, the command context. */
export interface FacilitiesContext extends RequestContext {
  loaders: FacilitiesLoaders;
  reads: FacilitiesReads;
  repository: FacilitiesRepository;
  maintenanceReads: MaintenanceReads;
  maintenance: MaintenanceRepository;
  command: CommandContext;
  config: FacilitiesConfig;
}

export function createContext(base: RequestContext, deps: FacilitiesDeps): FacilitiesContext {
  const loaders = createLoaders(deps.models);
  return {
    ...base,
    loaders,
    reads: new FacilitiesReads(deps.models, loaders),
    repository: new FacilitiesRepository(deps.models, deps.writer, loaders),
    maintenanceReads: new MaintenanceReads(deps.models, loaders),
    maintenance: new MaintenanceRepository(deps.models, deps.writer, loaders),
    command: commandContextOf(base),
    config: deps.config,
  };
}
