import { scalarResolvers } from '@courtyard/kernel';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { DueSlaReport } from './DueSlaReport.js';
import { HelpRequest } from './HelpRequest.js';
import { Incident } from './Incident.js';
import { HelpRequestRegister, RegisterJobRun } from './HelpRequestRegister.js';
import { Mutation } from './Mutation.js';
import { FieldWorkMutations } from './Mutation.field-work.js';
import { StaffMutations } from './Mutation.staff-records.js';
import { todaysWork } from './Query.todaysWork.js';
import { HelpRequestFieldWork } from './HelpRequest.fieldWork.js';
import { StaffRecords } from './Staff.records.js';
import { Query } from './Query.js';
import { Resident } from './Resident.js';
import { Staff } from './Staff.js';
import { Unit } from './Unit.js';

export const resolvers: Resolvers = {
  DateTime: scalarResolvers.DateTime,
  // Issue 19 (everyday technicians) adds its fields from its own files.
  Query: { ...Query, todaysWork },
  Mutation: { ...Mutation, ...StaffMutations, ...FieldWorkMutations },
  HelpRequest: { ...HelpRequest, ...HelpRequestFieldWork },
  Incident,
  HelpRequestRegister,
  RegisterJobRun,
  DueSlaReport,
  Staff: { ...Staff, ...StaffRecords },
  Resident,
  Unit,
};
