import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NodeService } from '../../scripts/lib/processes.js';
import { startExtraGateway } from '../support/extra-service.js';
import { errorCodes, gql, gqlOk, tokenFor } from '../support/graphql.js';
import { readCounter } from '../support/metrics.js';
import { createProperty } from '../support/residents.js';
import { eventually } from '../support/subgraph.js';
import { testPort } from '../support/test-env.js';
import { RECORD, recordHelpRequest, repairInput } from '../support/work-orders.js';

const BOARD = `query CachedBoard($p: ID!) { frontDeskBoard(propertyId: $p) { counts { state count } overdue } }`;
type Board = { frontDeskBoard: { counts: Array<{ state: string; count: number }>; overdue: number } };
const received = (board: Board) =>
  board.frontDeskBoard.counts.find((c) => c.state === 'RECEIVED')?.count ?? 0;

/** How many fetches of the board the work-orders subgraph has served (the gateway names them `CachedBoard__…`). */
async function boardFetches(): Promise<number> {
  const text = await (await fetch(`${process.env.TEST_SUBGRAPH_WORK_ORDERS!}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('courtyard_graphql_operation_seconds_count{'))
    .filter((line) => line.includes('operation="CachedBoard__'))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}
const lookups = (gateway: NodeService, outcome: string) =>
  readCounter(gateway.baseUrl, 'courtyard_gateway_response_cache_lookups_total', { outcome });
const serving = (gateway: NodeService) =>
  readCounter(gateway.baseUrl, 'courtyard_gateway_response_cache_serving');

describe('gateway response cache: per caller, ended by mutations and by events, serving only while events are heard', () => {
  let cached: NodeService | undefined;
  let deaf: NodeService | undefined;
  let propertyId: string;
  let deskA: string;

  beforeAll(async () => {
    [cached, deaf] = await Promise.all([
      // A maximum age far beyond the test's waits: only a mutation or an event can end an answer.
      startExtraGateway('response-cache', testPort(90), {
        GATEWAY_RESPONSE_CACHE: 'on',
        GATEWAY_RESPONSE_CACHE_MAX_AGE_MS: '600000',
      }),
      // Its broker is a closed port: it never hears an event, so it must never serve from its cache.
      startExtraGateway('response-cache-deaf', testPort(91), {
        GATEWAY_RESPONSE_CACHE: 'on',
        GATEWAY_RESPONSE_CACHE_MAX_AGE_MS: '600000',
        KAFKA_BROKERS: `127.0.0.1:${testPort(92)}`,
      }),
    ]);
    propertyId = (await createProperty()).id;
    await recordHelpRequest(repairInput(propertyId));
    deskA = await tokenFor('FRONT_DESK', { properties: [propertyId] });
    await eventually(async () => (await serving(cached!)) === 1, 60_000);
  });
  afterAll(async () => {
    await Promise.all([cached?.stop(), deaf?.stop()]);
  });

  it('answers a second identical read from the cache: the subgraph is not called again', async () => {
    const url = cached!.url;
    const first = await gqlOk<Board>(BOARD, { p: propertyId }, { url, token: deskA });
    // Bounded retries only because the event of beforeAll's write may still arrive and end the
    // answer just held (as it should); each try is a read that must be a hit without a fetch.
    const second = await eventually(async () => {
      const [fetches, hits] = [await boardFetches(), await lookups(cached!, 'hit')];
      const again = await gqlOk<Board>(BOARD, { p: propertyId }, { url, token: deskA });
      const fromCache = (await lookups(cached!, 'hit')) === hits + 1 && (await boardFetches()) === fetches;
      return fromCache && again;
    }, 30_000);
    expect(second).toEqual(first);
  });

  it('never gives one caller another’s answer: a front desk of property B is refused property A’s board', async () => {
    const url = cached!.url;
    await gqlOk<Board>(BOARD, { p: propertyId }, { url, token: deskA });
    const otherProperty = (await createProperty()).id;
    const deskB = await tokenFor('FRONT_DESK', { properties: [otherProperty] });
    const hits = await lookups(cached!, 'hit');
    const theirs = await gql<Board>(BOARD, { p: propertyId }, { url, token: deskB });
    expect(theirs.data?.frontDeskBoard ?? null).toBeNull();
    expect(errorCodes(theirs)).toContain('FORBIDDEN');
    // Asked twice, the refusal is not held either (only answers without errors are).
    const again = await gql<Board>(BOARD, { p: propertyId }, { url, token: deskB });
    expect(errorCodes(again)).toContain('FORBIDDEN');
    expect(await lookups(cached!, 'hit')).toBe(hits);
  });

  /** The board as it is (the suite's gateway, without a response cache), and the same board held by the cached gateway. */
  const truthAndHeld = async () => {
    const truth = received(await gqlOk<Board>(BOARD, { p: propertyId }, { token: deskA }));
    // Read until held and current (an event of an earlier write may still be on its way).
    await eventually(async () => {
      const hits = await lookups(cached!, 'hit');
      const board = await gqlOk<Board>(BOARD, { p: propertyId }, { url: cached!.url, token: deskA });
      return received(board) === truth && (await lookups(cached!, 'hit')) === hits + 1;
    }, 30_000);
    return truth;
  };

  it('lets a client read its own write at once: a mutation through the gateway ends the answers of its subgraph', async () => {
    const url = cached!.url;
    const before = await truthAndHeld();
    await gqlOk(RECORD, { input: repairInput(propertyId) }, { url, token: deskA });
    const after = await gqlOk<Board>(BOARD, { p: propertyId }, { url, token: deskA });
    expect(received(after)).toBe(before + 1);
  });

  it('shows a write made elsewhere (another gateway) once its event arrives', async () => {
    const url = cached!.url;
    const before = await truthAndHeld();
    const events = () =>
      readCounter(cached!.baseUrl, 'courtyard_gateway_response_cache_invalidations_total', {
        subgraph: 'work-orders',
        cause: 'event',
      });
    const eventsBefore = await events();
    // Through the suite's own gateway: this one sees no mutation, only work-orders' event.
    await recordHelpRequest(repairInput(propertyId));
    await eventually(async () => {
      const board = await gqlOk<Board>(BOARD, { p: propertyId }, { url, token: deskA });
      return received(board) === before + 1;
    }, 30_000);
    expect(await events()).toBeGreaterThan(eventsBefore);
  });

  it('does not serve from the cache while the subgraphs’ events are not heard (fail safe)', async () => {
    const url = deaf!.url;
    expect(await serving(deaf!)).toBe(0);
    const fetches = await boardFetches();
    for (const _ of [1, 2, 3]) await gqlOk<Board>(BOARD, { p: propertyId }, { url, token: deskA });
    expect(await boardFetches()).toBe(fetches + 3);
    expect(await lookups(deaf!, 'hit')).toBe(0);
    expect(await lookups(deaf!, 'not_serving')).toBeGreaterThanOrEqual(3);
  });
});
