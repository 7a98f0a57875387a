import { scalarResolvers } from '@courtyard/kernel';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { DueSlaReport } from './DueSlaReport.js';
import { HelpRequest } from './HelpRequest.js';
import { helpRequestResidentApp } from './HelpRequest.resident-app.js';
import { Incident } from './Incident.js';
import { HelpRequestRegister, RegisterJobRun } from './HelpRequestRegister.js';
import { Mutation } from './Mutation.js';
import { residentAppMutations } from './Mutation.resident-app.js';
import { Query } from './Query.js';
import { Resident } from './Resident.js';
import { Staff } from './Staff.js';
import { Unit } from './Unit.js';
import { FrontDeskBoard } from './ownership.fields.js';

export const resolvers: Resolvers = {
  DateTime: scalarResolvers.DateTime,
  Query,
  Mutation: { ...Mutation, ...residentAppMutations },
  HelpRequest: { ...HelpRequest, ...helpRequestResidentApp },
  FrontDeskBoard,
  Incident,
  HelpRequestRegister,
  RegisterJobRun,
  DueSlaReport,
  Staff,
  Resident,
  Unit,
};
