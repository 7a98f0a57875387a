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
import { EstateReads } from './repository/estate.reads.js';
import { EstateRepository } from './repository/estate.repository.js';
import type { Residencies } from './repository/residencies.repository.js';
import { dayIn } from './domain/partner.js';
import { MaintenanceReads } from './repository/maintenance.reads.js';
import { MaintenanceRepository } from './repository/maintenance.repository.js';

/** What the service builds once at start-up. */
export interface FacilitiesDeps {
  models: FacilitiesModels;
  writer: AggregateWriter;
  config: FacilitiesConfig;
  residencies: Residencies;
}

/** What every resolver gets, per request: fresh loaders, the read API, the repository, the command context. */
export interface FacilitiesContext extends RequestContext {
  loaders: FacilitiesLoaders;
  reads: FacilitiesReads;
  repository: FacilitiesRepository;
  estateReads: EstateReads;
  estate: EstateRepository;
  residencies: Residencies;
  maintenanceReads: MaintenanceReads;
  maintenance: MaintenanceRepository;
  command: CommandContext;
  config: FacilitiesConfig;
  /** Today in the service's time zone (contract days are counted in it). */
  today: string;
}

export function createContext(base: RequestContext, deps: FacilitiesDeps): FacilitiesContext {
  const loaders = createLoaders(deps.models);
  return {
    ...base,
    loaders,
    reads: new FacilitiesReads(deps.models, loaders),
    repository: new FacilitiesRepository(deps.models, deps.writer, loaders),
    estateReads: new EstateReads(deps.models, loaders),
    estate: new EstateRepository(deps.models, deps.writer, loaders),
    residencies: deps.residencies,
    maintenanceReads: new MaintenanceReads(deps.models, loaders),
    maintenance: new MaintenanceRepository(deps.models, deps.writer, loaders),
    command: commandContextOf(base),
    config: deps.config,
    today: dayIn(base.now, deps.config.FACILITIES_TIME_ZONE),
  };
}
