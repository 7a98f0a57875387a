import type {
  FacilityResolvers,
  FacilityInspectionItemResolvers,
  FacilityInspectionResolvers,
  MeterReadingResolvers,
  MeterResolvers,
  ServiceContractResolvers,
  ServicePartnerResolvers,
} from '../__generated__/resolvers-types.js';
import { complianceWarnings, contractsCovering, daysBetween, inForce } from '../domain/partner.js';
import { lastReadingOf } from '../domain/meter.js';

/** Facility fields read from its property's service partners (once per request and property). */
export const FacilityCompliance: Pick<FacilityResolvers, 'serviceContracts' | 'complianceWarnings'> = {
  serviceContracts: async (facility, _, context) =>
    contractsCovering(
      await context.estateReads.allPartnersOf(facility.propertyId),
      facility.type,
      context.today,
    ),
  complianceWarnings: async (facility, _, context) =>
    facility.status === 'RETIRED'
      ? []
      : complianceWarnings(
          facility.type,
          contractsCovering(
            await context.estateReads.allPartnersOf(facility.propertyId),
            facility.type,
            context.today,
          ),
        ),
};

export const ServicePartner: ServicePartnerResolvers = {
  id: (partner) => partner._id,
};

export const ServiceContract: ServiceContractResolvers = {
  id: (contract) => contract._id,
  inForce: (contract, _, context) => inForce(contract, context.today),
  daysLeft: (contract, _, context) => daysBetween(context.today, contract.endsOn),
};

export const Meter: MeterResolvers = {
  id: (meter) => meter._id,
  lastReading: (meter) => lastReadingOf(meter),
};

export const MeterReading: MeterReadingResolvers = {
  id: (reading) => reading._id,
};

export const FacilityInspection: FacilityInspectionResolvers = {
  id: (inspection) => inspection._id,
};

export const FacilityInspectionItem: FacilityInspectionItemResolvers = {
  // The fault as it is now on its facility (open or closed); null if the caller may not read it.
  fault: async (item, _, context) => {
    if (!item.facilityId || !item.faultId) return null;
    const facility = await context.reads.facilityOrNull(context.caller, item.facilityId);
    if (!facility) return null;
    if (facility.openFault?._id === item.faultId) return facility.openFault;
    return facility.closedFaults.find((fault) => fault._id === item.faultId) ?? null;
  },
};
