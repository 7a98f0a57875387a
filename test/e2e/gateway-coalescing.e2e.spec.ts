import { beforeAll, describe, expect, it } from '@jest/globals';
import { errorCodes, gql, tokenFor } from '../support/graphql.js';
import { createProperty } from '../support/residents.js';
import { RECORD, recordHelpRequest, repairInput } from '../support/work-orders.js';

/** How many operations whose name starts with `prefix` the work-orders subgraph has served. */
async function servedByWorkOrders(prefix: string): Promise<number> {
  const text = await (await fetch(`${process.env.TEST_SUBGRAPH_WORK_ORDERS!}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('courtyard_graphql_operation_seconds_count{'))
    .filter((line) => line.includes(`operation="${prefix}`))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

const BOARD = `query GatewayCoalescedBoard($p: ID!) { frontDeskBoard(propertyId: $p) { counts { state count } } }`;
const together = 20;

describe('gateway: identical in-flight queries of one caller are fetched once, never across callers or for mutations', () => {
  let propertyId: string;
  beforeAll(async () => {
    propertyId = (await createProperty()).id;
    await recordHelpRequest(repairInput(propertyId));
  });

  it('answers every request, each caller by its own rights, with fewer subgraph fetches than requests', async () => {
    const manager = await tokenFor('GENERAL_MANAGER', { properties: [propertyId] });
    const stranger = await tokenFor('GENERAL_MANAGER', { properties: ['some-other-property'] });
    const before = await servedByWorkOrders('GatewayCoalescedBoard__');
    const [ours, theirs] = await Promise.all([
      Promise.all(Array.from({ length: together }, () => gql(BOARD, { p: propertyId }, { token: manager }))),
      Promise.all(Array.from({ length: together }, () => gql(BOARD, { p: propertyId }, { token: stranger }))),
    ]);
    for (const answer of ours) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toMatchObject({
        frontDeskBoard: { counts: expect.arrayContaining([expect.anything()]) },
      });
    }
    // Sent at the same moment as the manager's: a shared answer would have leaked the board.
    for (const answer of theirs) {
      expect(answer.data?.frontDeskBoard ?? null).toBeNull();
      expect(errorCodes(answer)).toContain('FORBIDDEN');
    }
    const fetched = (await servedByWorkOrders('GatewayCoalescedBoard__')) - before;
    expect(fetched).toBeGreaterThanOrEqual(2);
    expect(fetched).toBeLessThan(2 * together);
  });

  it('runs every one of identical concurrent mutations', async () => {
    const desk = await tokenFor('GENERAL_MANAGER', { properties: [propertyId] });
    const input = repairInput(propertyId, { description: 'Identical, sent five times at once' });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => gql(RECORD, { input }, { token: desk })),
    );
    const ids = answers.map(
      (answer) =>
        (answer.data as { recordHelpRequest: { helpRequest: { id: string } } }).recordHelpRequest.helpRequest
          .id,
    );
    expect(new Set(ids).size).toBe(5);
  });
});
