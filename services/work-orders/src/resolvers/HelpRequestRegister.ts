import { requireStaffOf } from '@courtyard/kernel';
import type {
  HelpRequestRegisterResolvers,
  RegisterJobRunResolvers,
} from '../__generated__/resolvers-types.js';
import { DISPATCH_ROLES } from '../domain/access.js';
import { registerCsv } from './register-csv.js';
import { slaReportView } from './sla-report-view.js';

export const HelpRequestRegister: HelpRequestRegisterResolvers = {
  requests: (register, page, context) =>
    context.reads.registerRequests(context.caller, register.propertyId, register.year, page),
  statistics: async (register, _, context) =>
    slaReportView(
      context,
      await context.reads.registerAll(context.caller, register.propertyId, register.year),
    ),
  // Personal data leaves the system in this file: office staff of the property only.
  csv: async (register, _, context) => {
    requireStaffOf(context.caller, register.propertyId, DISPATCH_ROLES, 'export the help-request register');
    const [property, requests] = await Promise.all([
      context.properties.property(register.propertyId),
      context.reads.registerAll(context.caller, register.propertyId, register.year),
    ]);
    return registerCsv(register, property.code, requests, context.now);
  },
};

export const RegisterJobRun: RegisterJobRunResolvers = {
  id: (run) => run._id,
  registers: (run, _, context) =>
    run.registers.filter(
      (row) =>
        context.caller.propertyIds.includes('*') || context.caller.propertyIds.includes(row.propertyId),
    ),
};
