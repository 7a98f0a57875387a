import { gqlOk } from './graphql.js';

/** Operations the frontend teams use on facilities, shared by the tests and the demo seed. */
export const FACILITY_FIELDS = `id name type status criticality assetTag
  statusHistory { at status previousStatus reason faultId }
  openFault { id reportedAt status reports { source reportedBy } }
  closedFaults { id closedAt closedByHelpRequestId }`;

export const REGISTER_FACILITY = /* GraphQL */ `
  mutation RegisterFacility($input: RegisterFacilityInput!) {
    registerFacility(input: $input) { facility { ${FACILITY_FIELDS} } }
  }
`;
export const REPORT_FAULT = /* GraphQL */ `
  mutation ReportFault($input: ReportFacilityFaultInput!) {
    reportFacilityFault(input: $input) {
      linked
      fault { id reportedAt status }
      facility { ${FACILITY_FIELDS} }
    }
  }
`;

export interface FacilityView {
  id: string;
  status: string;
  statusHistory: Array<{
    at: string;
    status: string;
    previousStatus: string | null;
    reason: string;
    faultId: string | null;
  }>;
  openFault: { id: string; reportedAt: string; status: string; reports: Array<{ source: string }> } | null;
  closedFaults: Array<{ id: string; closedAt: string; closedByHelpRequestId: string }>;
}

export async function registerFacility(
  propertyId: string,
  extra: Record<string, unknown> = {},
  token?: string,
): Promise<FacilityView> {
  const data = await gqlOk<{ registerFacility: { facility: FacilityView } }>(
    REGISTER_FACILITY,
    {
      input: {
        propertyId,
        area: 'Building 1 lobby',
        name: 'Elevator A',
        type: 'ELEVATOR',
        assetTag: `EL-${Math.random().toString(36).slice(2, 8)}`,
        criticality: 'HIGH',
        ...extra,
      },
    },
    token ? { token } : {},
  );
  return data.registerFacility.facility;
}

export async function facility(id: string, token?: string): Promise<FacilityView> {
  const data = await gqlOk<{ facility: FacilityView }>(
    `query ($id: ID!) { facility(id: $id) { ${FACILITY_FIELDS} } }`,
    { id },
    token ? { token } : {},
  );
  return data.facility;
}
