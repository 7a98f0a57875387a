import { gql, gqlOk, tokenFor, type GraphQLResponse } from './graphql.js';
import { CREATE_UNIT } from './residents.js';
import { eventually } from './subgraph.js';

/** Operations the billing tests (and the demo seed) use. */
export const CREATE_FEE_SCHEDULE = /* GraphQL */ `
  mutation CreateFeeSchedule($input: CreateFeeScheduleInput!) {
    createFeeSchedule(input: $input) {
      feeSchedule {
        id
        number
        status
      }
    }
  }
`;
export const PUBLISH_FEE_SCHEDULE = /* GraphQL */ `
  mutation PublishFeeSchedule($input: PublishFeeScheduleInput!) {
    publishFeeSchedule(input: $input) {
      feeSchedule {
        id
        status
        publishedAt
      }
    }
  }
`;
export const GENERATE_BILLS = /* GraphQL */ `
  mutation GenerateBills($input: GenerateBillsInput!) {
    generateBills(input: $input) {
      period
      issued
      alreadyIssued
    }
  }
`;
export const RECORD_PAYMENT = /* GraphQL */ `
  mutation RecordPayment($input: RecordPaymentInput!) {
    recordPayment(input: $input) {
      payment {
        id
        amount {
          amount
          currency
        }
        receivedAt
      }
    }
  }
`;
export const BILL_FIELDS = `id period periodStart periodEnd dueOn
  total { amount currency formatted } paid { amount } balance { amount formatted }
  lines { kind code description amount { amount formatted } }
  allocations { amount { amount } payment { id } }`;

export const feeAdministrator = (propertyId: string) =>
  tokenFor('FEE_ADMINISTRATOR', { properties: [propertyId], sub: `fee-admin-${propertyId.slice(0, 6)}` });

export const propertyFee = (pricePerSquareMeterMonth: number) => ({
  code: 'PROPERTY_FEE_RESIDENTIAL',
  kind: 'PROPERTY_FEE',
  name: 'Property service fee',
  pricing: 'PER_SQUARE_METER_MONTH',
  price: pricePerSquareMeterMonth,
  unitType: 'RESIDENTIAL',
});

/** A draft version as the property's fee administrator; its id. */
export async function draftFeeSchedule(
  propertyId: string,
  items: Array<Record<string, unknown>>,
  { effectiveFrom = '2027-01-01', billingCycle = 'QUARTERLY' } = {},
): Promise<string> {
  const data = await gqlOk<{ createFeeSchedule: { feeSchedule: { id: string } } }>(
    CREATE_FEE_SCHEDULE,
    { input: { propertyId, effectiveFrom, billingCycle, items } },
    { token: await feeAdministrator(propertyId) },
  );
  return data.createFeeSchedule.feeSchedule.id;
}

export async function publishFeeSchedule(propertyId: string, id: string): Promise<void> {
  await gqlOk(PUBLISH_FEE_SCHEDULE, { input: { id } }, { token: await feeAdministrator(propertyId) });
}

export async function generateBills(propertyId: string, period: string) {
  return gql<{ generateBills: { issued: number; alreadyIssued: number } }>(
    GENERATE_BILLS,
    { input: { propertyId, period } },
    { token: await feeAdministrator(propertyId) },
  );
}

export async function recordPayment(
  propertyId: string,
  input: Record<string, unknown>,
): Promise<GraphQLResponse<{ recordPayment: { payment: { id: string; amount: { amount: number } } } }>> {
  return gql(
    RECORD_PAYMENT,
    { input: { method: 'WECHAT_PAY', ...input } },
    { token: await feeAdministrator(propertyId) },
  );
}

/** A unit with the given area, created in the residents subgraph; its id. */
export async function createUnitWithArea(
  buildingId: string,
  number: string,
  areaSquareMeters: number,
): Promise<string> {
  const data = await gqlOk<{ createUnit: { unit: { id: string } } }>(CREATE_UNIT, {
    input: { buildingId, number, floor: 12, areaSquareMeters },
  });
  return data.createUnit.unit.id;
}

export interface UnitAccountView {
  unit: {
    balance: { owed: { amount: number }; credit: { amount: number; formatted: string } } | null;
    bills: { totalCount: number; edges: Array<{ node: BillView }> } | null;
  };
}
export interface BillView {
  id: string;
  period: string;
  total: { amount: number; formatted: string };
  paid: { amount: number };
  balance: { amount: number; formatted: string };
  lines: Array<{ kind: string; code: string; description: string; amount: { amount: number } }>;
  allocations: Array<{ amount: { amount: number }; payment: { id: string } | null }>;
}

/** The unit's account as the property's fee administrator sees it through the gateway. */
export async function unitAccount(propertyId: string, unitId: string): Promise<UnitAccountView['unit']> {
  const data = await gqlOk<UnitAccountView>(
    `query ($id: ID!) { unit(id: $id) {
      balance { owed { amount } credit { amount formatted } }
      bills { totalCount edges { node { ${BILL_FIELDS} } } } } }`,
    { id: unitId },
    { token: await feeAdministrator(propertyId) },
  );
  return data.unit;
}

/**
 * Waits (bounded) until billing has heard of the unit from residents.events: its balance, null
 * while billing does not know the unit, becomes a figure.
 */
export async function untilBillingKnows(propertyId: string, unitId: string): Promise<void> {
  await eventually(async () => (await unitAccount(propertyId, unitId)).balance !== null, 30_000);
}

export const REVERSE_PAYMENT = /* GraphQL */ `
  mutation ReversePayment($input: ReversePaymentInput!) {
    reversePayment(input: $input) {
      reversal {
        id
        amount {
          amount
        }
        reason
        idempotencyKey
        payment {
          id
          reversal {
            id
          }
        }
      }
    }
  }
`;

export async function reversePayment(
  propertyId: string,
  input: Record<string, unknown>,
): Promise<GraphQLResponse<{ reversePayment: { reversal: { id: string; amount: { amount: number } } } }>> {
  return gql(REVERSE_PAYMENT, { input }, { token: await feeAdministrator(propertyId) });
}
