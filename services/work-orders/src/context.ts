import {
  commandContextOf,
  type AggregateWriter,
  type CommandContext,
  type RequestContext,
  type VersionedCache,
} from '@courtyard/kernel';
import type { mongo } from 'mongoose';
import type { WorkOrdersConfig } from './config.js';
import { createLoaders, type WorkOrdersLoaders } from './repository/loaders.js';
import type { WorkOrdersModels } from './repository/models.js';
import type { PropertyRecord } from './domain/records.js';
import { IncidentsReads } from './repository/incidents.reads.js';
import { IncidentsRepository } from './repository/incidents.repository.js';
import { PropertyProjection } from './repository/property-projection.repository.js';
import { ResidentProjection } from './repository/resident-projection.repository.js';
import { UnitProjection } from './repository/unit-projection.repository.js';
import { WorkOrdersReads } from './repository/work-orders.reads.js';
import { WorkOrdersRepository } from './repository/work-orders.repository.js';

export interface WorkOrdersDeps {
  models: WorkOrdersModels;
  db: mongo.Db;
  writer: AggregateWriter;
  config: WorkOrdersConfig;
  /** Properties as last read, shared by every request and reaction of this process. */
  propertyCache: VersionedCache<PropertyRecord>;
}

export interface WorkOrdersContext extends RequestContext {
  models: WorkOrdersModels;
  loaders: WorkOrdersLoaders;
  reads: WorkOrdersReads;
  repository: WorkOrdersRepository;
  properties: PropertyProjection;
  residents: ResidentProjection;
  units: UnitProjection;
  incidents: IncidentsRepository;
  incidentReads: IncidentsReads;
  command: CommandContext;
  config: WorkOrdersConfig;
}

export function createContext(base: RequestContext, deps: WorkOrdersDeps): WorkOrdersContext {
  const loaders = createLoaders(deps.models);
  return {
    ...base,
    models: deps.models,
    loaders,
    reads: new WorkOrdersReads(deps.models, loaders),
    repository: new WorkOrdersRepository(deps.models, deps.db, deps.writer, loaders),
    properties: new PropertyProjection(deps.models, deps.writer, deps.propertyCache),
    residents: new ResidentProjection(deps.models, deps.writer),
    units: new UnitProjection(deps.models, deps.writer),
    incidents: new IncidentsRepository(deps.models, deps.writer),
    incidentReads: new IncidentsReads(deps.models),
    command: commandContextOf(base),
    config: deps.config,
  };
}
