import { notFound, retryOnStale } from '@courtyard/kernel';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import type { FacilitiesContext } from '../context.js';
import { reportSharedFacilityFault } from '../domain/facility.js';
import {
  faultFromInspection,
  facilitiesToFault,
  planInspection,
  recordedInspection,
  requireFacilitiesOf,
} from '../domain/inspection.js';
import { recordMeterReading, registerMeter, replaceMeter } from '../domain/meter.js';
import { addServiceContract, registerServicePartner } from '../domain/partner.js';
import type { FacilityRecord } from '../domain/records.js';

type EstateMutations = Pick<
  MutationResolvers,
  | 'registerServicePartner'
  | 'addServiceContract'
  | 'registerMeter'
  | 'recordMeterReading'
  | 'replaceMeter'
  | 'recordFacilityInspection'
  | 'reportSharedFacilityFault'
>;

/** A fresh read of the facility on each attempt: a stale retry must see the winner's write. */
const freshFacility = (context: FacilitiesContext, id: string) => {
  context.loaders.facilityById.clear(id);
  return context.loaders.facilityById.load(id);
};

/** Service partners, meters, inspections and residents' reports: load (NOT_FOUND first), decide, save. */
export const EstateMutation: EstateMutations = {
  registerServicePartner: async (_, { input }, context) => ({
    partner: await context.estate.insertPartner(registerServicePartner(input, context.command)),
  }),
  addServiceContract: async (_, { input: { partnerId, ...input } }, context) => {
    const before = await context.estateReads.partner(context.caller, partnerId);
    const decision = addServiceContract(
      before,
      input,
      context.config.CONTRACT_EXPIRY_LEAD_DAYS,
      context.today,
      context.command,
    );
    return { partner: await context.estate.savePartner(before, decision) };
  },
  registerMeter: async (_, { input }, context) => ({
    meter: await context.estate.insertMeter(registerMeter(input, context.command)),
  }),
  recordMeterReading: async (_, { input: { meterId, ...input } }, context) => {
    const before = await context.estateReads.meter(context.caller, meterId);
    return {
      meter: await context.estate.saveMeter(before, recordMeterReading(before, input, context.command)),
    };
  },
  replaceMeter: async (_, { input: { meterId, ...input } }, context) => {
    const before = await context.estateReads.meter(context.caller, meterId);
    return { meter: await context.estate.saveMeter(before, replaceMeter(before, input, context.command)) };
  },

  /**
   * The round is validated and every facility it names checked first; then each facility with a
   * failed item gets its fault (one write per facility, retried on a concurrent change so a
   * report that raced it is linked), and the round is recorded with the faults raised. Without
   * transactions a crash between those writes leaves the faults without their round: a retry of
   * the round links to them, so no repair is requested twice.
   */
  recordFacilityInspection: async (_, { input }, context) => {
    const plan = planInspection(input, context.command);
    const ids = [...new Set(plan.items.flatMap((item) => (item.facilityId ? [item.facilityId] : [])))];
    const found = await context.loaders.facilityById.loadMany(ids);
    const facilities = new Map<string, FacilityRecord>();
    for (const facility of found)
      if (facility && !(facility instanceof Error)) facilities.set(facility._id, facility);
    requireFacilitiesOf(plan, facilities);
    const faults = new Map<string, { faultId: string; linked: boolean }>();
    for (const id of facilitiesToFault(plan)) {
      const raised = await retryOnStale(async () => {
        const before = (await freshFacility(context, id))!;
        const decision = faultFromInspection(plan, before, context.command);
        await context.repository.saveFacility(before, decision);
        return { faultId: decision.fault._id, linked: decision.linked };
      });
      faults.set(id, raised);
    }
    return {
      inspection: await context.estate.insertInspection(recordedInspection(plan, faults, context.command)),
    };
  },

  /** Two residents reporting one lamp at once: the second write finds the first's fault and is linked. */
  reportSharedFacilityFault: async (_, { input: { facilityId, ...input } }, context) => {
    const residentId = context.caller.residentId;
    return retryOnStale(async () => {
      const before = await freshFacility(context, facilityId);
      if (!before) return notFoundFacility(facilityId);
      const livesThere = residentId
        ? await context.residencies.livesAt(residentId, before.propertyId)
        : false;
      const decision = reportSharedFacilityFault(before, input, livesThere, context.command);
      const saved = await context.repository.saveFacility(before, decision);
      return {
        faultId: decision.fault._id,
        linked: decision.linked,
        facilityName: saved.name,
        facilityStatus: saved.status,
      };
    });
  },
};

const notFoundFacility = (id: string): never => notFound('Facility', id);
