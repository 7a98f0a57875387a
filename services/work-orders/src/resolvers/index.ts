import { scalarResolvers } from '@courtyard/kernel';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { DueSlaReport } from './DueSlaReport.js';
import { HelpRequest } from './HelpRequest.js';
import { helpRequestResidentApp } from './HelpRequest.resident-app.js';
import { Incident } from './Incident.js';
import { HelpRequestRegister, RegisterJobRun } from './HelpRequestRegister.js';
import { Mutation } from './Mutation.js';
import { residentAppMutations } from './Mutation.resident-app.js';
import { FieldWorkMutations } from './Mutation.field-work.js';
import { StaffMutations } from './Mutation.staff-records.js';
import { todaysWork } from './Query.todaysWork.js';
import { HelpRequestFieldWork } from './HelpRequest.fieldWork.js';
import { StaffRecords } from './Staff.records.js';
import { Query } from './Query.js';
import { Resident } from './Resident.js';
import { Staff } from './Staff.js';
import { Unit } from './Unit.js';
import { FrontDeskBoard } from './ownership.fields.js';

export const resolvers: Resolvers = {
  DateTime: scalarResolvers.DateTime,
  Query: { ...Query, todaysWork },
  Mutation: { ...Mutation, ...residentAppMutations, ...StaffMutations, ...FieldWorkMutations },
  HelpRequest: { ...HelpRequest, ...helpRequestResidentApp, ...HelpRequestFieldWork },
  FrontDeskBoard,
  Incident,
  HelpRequestRegister,
  RegisterJobRun,
  DueSlaReport,
  Staff: { ...Staff, ...StaffRecords },
  Resident,
  Unit,
};
