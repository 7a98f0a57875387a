import {
  commandContextOf,
  type AggregateWriter,
  type CommandContext,
  type RequestContext,
} from '@courtyard/kernel';
import { createLoaders, type ResidentsLoaders } from './repository/loaders.js';
import type { ResidentsModels } from './repository/models.js';
import { ResidentsReads } from './repository/residents.reads.js';
import { ResidentsRepository } from './repository/residents.repository.js';

export interface ResidentsDeps {
  models: ResidentsModels;
  writer: AggregateWriter;
}

export interface ResidentsContext extends RequestContext {
  models: ResidentsModels;
  loaders: ResidentsLoaders;
  reads: ResidentsReads;
  repository: ResidentsRepository;
  command: CommandContext;
}

export function createContext(base: RequestContext, deps: ResidentsDeps): ResidentsContext {
  const loaders = createLoaders(deps.models);
  return {
    ...base,
    models: deps.models,
    loaders,
    reads: new ResidentsReads(deps.models, loaders),
    repository: new ResidentsRepository(deps.models, deps.writer, loaders),
    command: commandContextOf(base),
  };
}
