import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NodeService } from '../../scripts/lib/processes.js';
import { startExtraGateway, startExtraSubgraph } from '../support/extra-service.js';
import { FaultProxy } from '../support/fault-proxy.js';
import { gql } from '../support/graphql.js';
import { createProperty, registerResident } from '../support/residents.js';
import { testPort } from '../support/test-env.js';
import { recordHelpRequest, repairInput } from '../support/work-orders.js';

const BOTH = /* GraphQL */ `
  query PropertyAndRequest($propertyId: ID!, $helpRequestId: ID!) {
    property(id: $propertyId) {
      name
    }
    helpRequest(id: $helpRequestId) {
      number
      state
    }
  }
`;

// A resident and the field work-orders contributes to it (nullable, so its failure stays local).
const RESIDENT_WITH_REQUESTS = /* GraphQL */ `
  query ResidentWithRequests($residentId: ID!) {
    resident(id: $residentId) {
      name
      helpRequests {
        totalCount
      }
    }
  }
`;

interface ResidentWithRequests {
  resident: { name: string; helpRequests: { totalCount: number } | null } | null;
}

interface Both {
  property: { name: string } | null;
  helpRequest: { number: string; state: string } | null;
}

describe('gateway: one subgraph down or slow gives partial data with an error, and the gateway stays up', () => {
  let workOrders: NodeService | undefined;
  let gateway: NodeService | undefined;
  let proxy: FaultProxy | undefined;
  let variables: { propertyId: string; helpRequestId: string };
  let residentId: string;
  let gatewayUrl: string;

  beforeAll(async () => {
    const propertyId = (await createProperty()).id;
    variables = { propertyId, helpRequestId: await recordHelpRequest(repairInput(propertyId)) };
    residentId = (await registerResident(propertyId, 'Partial Resident', '13800000017')).id;
    // A work-orders instance of our own (same database), reached through a hop we can fault.
    workOrders = await startExtraSubgraph('work-orders', 'partial', testPort(20), {});
    proxy = new FaultProxy(new URL(workOrders.url));
    const proxied = await proxy.start(testPort(21));
    gateway = await startExtraGateway('partial', testPort(22), {
      SUBGRAPH_URL_WORK_ORDERS: proxied,
      SUBGRAPH_TIMEOUT_MS: '1000',
    });
    gatewayUrl = gateway.url;
  });
  afterAll(async () => {
    await gateway?.stop();
    await proxy?.stop();
    await workOrders?.stop();
  });

  it('answers both subgraphs when both are up', async () => {
    const result = await gql<Both>(BOTH, variables, { url: gatewayUrl });
    expect(result.errors).toBeUndefined();
    const resident = await gql<ResidentWithRequests>(
      RESIDENT_WITH_REQUESTS,
      { residentId },
      { url: gatewayUrl },
    );
    expect(resident).toEqual({
      data: { resident: { name: 'Partial Resident', helpRequests: { totalCount: 0 } } },
    });
    expect(result.data).toEqual({
      property: { name: 'Test Court' },
      helpRequest: { number: expect.stringMatching(/^WO-/), state: 'RECEIVED' },
    });
  });

  it('gives the residents half and a TIMEOUT error when work-orders is slower than its budget', async () => {
    proxy!.mode = 'hang';
    const result = await gql<Both>(BOTH, variables, { url: gatewayUrl });
    proxy!.mode = 'pass';
    expect(result.data).toEqual({ property: { name: 'Test Court' }, helpRequest: null });
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: ['helpRequest'],
        extensions: expect.objectContaining({
          code: 'SUBGRAPH_UNAVAILABLE',
          reason: 'TIMEOUT',
          subgraph: 'work-orders',
        }),
      }),
    ]);
  });

  it('gives the residents half and an UNREACHABLE error once work-orders is stopped, and keeps serving', async () => {
    await workOrders!.stop();
    const result = await gql<Both>(BOTH, variables, { url: gatewayUrl });
    expect(result.data).toEqual({ property: { name: 'Test Court' }, helpRequest: null });
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: ['helpRequest'],
        extensions: expect.objectContaining({
          code: 'SUBGRAPH_UNAVAILABLE',
          reason: 'UNREACHABLE',
          subgraph: 'work-orders',
        }),
      }),
    ]);
    expect((await fetch(`${gateway!.baseUrl}/healthz`)).status).toBe(200);
    const residentsOnly = await gql<{ property: { name: string } }>(
      `query ($id: ID!) { property(id: $id) { name } }`,
      { id: variables.propertyId },
      { url: gatewayUrl },
    );
    expect(residentsOnly).toEqual({ data: { property: { name: 'Test Court' } } });
  });

  it("keeps the resident when the field work-orders contributes to it fails, and names that field's path", async () => {
    // work-orders is stopped (previous test); the resident is the residents subgraph's to answer.
    const result = await gql<ResidentWithRequests>(
      RESIDENT_WITH_REQUESTS,
      { residentId },
      { url: gatewayUrl },
    );
    expect(result.data).toEqual({ resident: { name: 'Partial Resident', helpRequests: null } });
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: ['resident', 'helpRequests'],
        extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'work-orders' }),
      }),
    ]);
  });
});
