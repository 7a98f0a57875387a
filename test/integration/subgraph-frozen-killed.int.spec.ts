import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NodeService } from '../../scripts/lib/processes.js';
import { startExtraGateway, startExtraSubgraph } from '../support/extra-service.js';
import { tokenFor, type GraphQLResponse } from '../support/graphql.js';
import { createProperty, registerResident } from '../support/residents.js';
import { eventually } from '../support/subgraph.js';
import { testPort } from '../support/test-env.js';

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
type Answer = GraphQLResponse<{
  resident: { name: string; helpRequests: { totalCount: number } | null } | null;
}>;

const WORK_ORDERS_PORT = testPort(60);
// Same database and consumer group as the suite's work-orders; a killed member leaves the group
// after the broker's minimum session, not the default 30 s, so the suite's consumers go on.
const WORK_ORDERS_ENV = { CONSUMER_SESSION_TIMEOUT_MS: '6000' };

/**
 * A real work-orders process frozen (SIGSTOP) and killed (SIGKILL) behind a real gateway: the
 * client keeps the residents half with an error at the missing field's path, never a 5xx, and
 * gets whole answers again once the process runs again.
 */
describe('fault injection: a subgraph frozen, then killed, then back', () => {
  let workOrders: NodeService;
  let gateway: NodeService;
  let residentId: string;
  const statuses: number[] = [];

  const ask = async (): Promise<{ status: number; body: Answer }> => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await tokenFor('GENERAL_MANAGER')}`,
      },
      body: JSON.stringify({ query: RESIDENT_WITH_REQUESTS, variables: { residentId } }),
    });
    statuses.push(response.status);
    return { status: response.status, body: (await response.json()) as Answer };
  };
  const whole = {
    status: 200,
    body: { data: { resident: { name: 'Frozen Resident', helpRequests: { totalCount: 0 } } } },
  };
  const partial = (reason: string) => ({
    status: 200,
    body: {
      data: { resident: { name: 'Frozen Resident', helpRequests: null } },
      errors: [
        expect.objectContaining({
          path: ['resident', 'helpRequests'],
          extensions: expect.objectContaining({
            code: 'SUBGRAPH_UNAVAILABLE',
            reason,
            subgraph: 'work-orders',
          }),
        }),
      ],
    },
  });

  beforeAll(async () => {
    const propertyId = (await createProperty()).id;
    residentId = (await registerResident(propertyId, 'Frozen Resident', '13800000018')).id;
    workOrders = await startExtraSubgraph('work-orders', 'frozen', WORK_ORDERS_PORT, WORK_ORDERS_ENV);
    gateway = await startExtraGateway('frozen', testPort(61), {
      SUBGRAPH_URL_WORK_ORDERS: workOrders.url,
      SUBGRAPH_TIMEOUT_MS: '1000',
    });
  });
  afterAll(async () => {
    if (workOrders?.child.signalCode === null) workOrders.child.kill('SIGCONT');
    await gateway?.stop();
    await workOrders?.stop();
  });

  it('frozen: partial data with the path and TIMEOUT; thawed: whole again', async () => {
    expect(await ask()).toEqual(whole);
    workOrders.child.kill('SIGSTOP');
    try {
      expect(await ask()).toEqual(partial('TIMEOUT'));
      expect(await ask()).toEqual(partial('TIMEOUT'));
    } finally {
      workOrders.child.kill('SIGCONT');
    }
    await eventually(async () => JSON.stringify(await ask()) === JSON.stringify(whole), 30_000);
  });

  it('killed: partial data with the path and UNREACHABLE; started again: whole again', async () => {
    await workOrders.stop('SIGKILL');
    expect(await ask()).toEqual(partial('UNREACHABLE'));
    expect((await fetch(`${gateway.baseUrl}/healthz`)).status).toBe(200);
    workOrders = await startExtraSubgraph('work-orders', 'frozen', WORK_ORDERS_PORT, WORK_ORDERS_ENV);
    await eventually(async () => JSON.stringify(await ask()) === JSON.stringify(whole), 30_000);
    // Through the freeze, the kill and the restart, no answer was a 5xx.
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
  });
});
