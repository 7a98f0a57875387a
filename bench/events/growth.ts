import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { untilPropertyKnown } from '../../scripts/lib/until-property-known.js';
import {
  newStaffedProperty,
  RECORD,
  recordedId,
  recordInput,
  type Call,
  type CallerClaims,
} from './platform.js';
import { latencyHistogram } from './stats.js';

const NEWEST_50 = `query ($p: ID!) { helpRequests(filter: { propertyId: $p }, first: 50) {
  totalCount edges { node { id number state } } } }`;
const ACKNOWLEDGE = `mutation ($i: TransitionInput!) { acknowledgeHelpRequest(input: $i) { helpRequest { state } } }`;
const BOARD = `query ($p: ID!) { frontDeskBoard(propertyId: $p) {
  counts { state count } overdue awaitingOwner(first: 20) { id } } }`;

/**
 * Growth with data: one property's store grown to each size in turn, then, through the gateway,
 * the front desk's first page (the 50 newest with their total), its board (counts by state,
 * overdue, awaiting an owner), acknowledging a received request and recording a new one. The
 * store is filled with copies of one request recorded through the API (new id, number, time and
 * caller's phone each), written straight to work-orders' collection: the API would take hours.
 * The page and the board are read twice: as a general manager of every property, whose reads
 * are one filter on the property, and as the property's front-desk clerk, whose reads add the
 * requests they own or are assigned (the `$or` of the read rule) to the property's open ones.
 */
export async function benchGrowth(options: {
  call: Call;
  callAs: (claims: CallerClaims) => Promise<Call>;
  mongoUrl: string;
  sizes: number[];
  runs: number;
}) {
  const { call } = options;
  const { propertyId, deskId } = await newStaffedProperty(call, 'GROWTH');
  const asDesk = await options.callAs({ sub: deskId, role: 'FRONT_DESK', properties: [propertyId] });
  const templateId = recordedId(await untilPropertyKnown(() => call(RECORD, recordInput(propertyId, 0))));
  const client = await mongoose.mongo.MongoClient.connect(options.mongoUrl);
  const requests = client.db(process.env.WORK_ORDERS_DATABASE ?? 'work_orders').collection('help_requests');
  const template = await requests.findOne({ _id: templateId as never });
  if (!template) throw new Error('the recorded request is not in work_orders.help_requests');
  const base = Date.now() - 365 * 24 * 3600 * 1000;
  let stored = 1;
  const results = [];
  for (const size of [...options.sizes].sort((a, b) => a - b)) {
    const loadStarted = performance.now();
    const received: string[] = [];
    while (stored < size) {
      const chunk = Array.from({ length: Math.min(1000, size - stored) }, (_, k) => {
        const n = stored + k;
        const at = new Date(base + n * 1000);
        const { _id, ...rest } = template;
        void _id;
        return {
          ...rest,
          _id: randomUUID() as never,
          number: `WO-BENCH-${String(n).padStart(7, '0')}`,
          createdAt: at,
          receivedAt: at,
          updatedAt: at,
          // Callers differ, as at a real front desk: one phone with 100,000 open requests would make
          // every repeat-call lookup for it read them all.
          contact: { ...template.contact, phone: `139${String(n).padStart(8, '0')}` },
          // The template's wake-up time would bring every copy due in the same minute of the run,
          // and the SLA scan escalating 100,000 requests would be what the figures measured.
          slaWakeAt: null,
          version: 1,
          outbox: [],
        };
      });
      await requests.insertMany(chunk, { ordered: false });
      received.push(...chunk.slice(-options.runs).map((doc) => String(doc._id)));
      stored += chunk.length;
    }
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    progress(`${size} requests stored (${loadSeconds.toFixed(1)} s to load)`);
    let total = 0;
    const newest50WithTotalMs = await timed(options.runs, 3, async () => {
      const data = (await call(NEWEST_50, { p: propertyId })) as { helpRequests: { totalCount: number } };
      total = data.helpRequests.totalCount;
    });
    const frontDeskBoardMs = await timed(options.runs, 3, () => call(BOARD, { p: propertyId }));
    let deskTotal = 0;
    const deskNewest50WithTotalMs = await timed(options.runs, 3, async () => {
      const data = (await asDesk(NEWEST_50, { p: propertyId })) as { helpRequests: { totalCount: number } };
      deskTotal = data.helpRequests.totalCount;
    });
    const deskBoardMs = await timed(options.runs, 3, () => asDesk(BOARD, { p: propertyId }));
    const toAcknowledge = received.slice(-options.runs);
    const acknowledgeMs = await timed(toAcknowledge.length, 0, (run) =>
      call(ACKNOWLEDGE, { i: { id: toAcknowledge[run]! } }),
    );
    // A caller not seen before (numbers past the seeded ones): a first call, not a repeat.
    const intakeMs = await timed(options.runs, 0, async (run) => {
      await call(RECORD, recordInput(propertyId, 50_000_000 + size + run));
      stored += 1;
    });
    const result = {
      requests: size,
      totalCountSeen: total,
      deskTotalCountSeen: deskTotal,
      loadSeconds: Number(loadSeconds.toFixed(1)),
      newest50WithTotalMs,
      frontDeskBoardMs,
      deskNewest50WithTotalMs,
      deskBoardMs,
      acknowledgeMs,
      intakeMs,
    };
    progress(JSON.stringify(result));
    results.push(result);
  }
  await client.close();
  return results;
}

const progress = (line: string) => process.stderr.write(`[bench:events] (d) ${line}\n`);

/**
 * `runs` timed calls after `warmup` untimed ones. A call that fails (the gateway's budget ran out
 * on a loaded machine) is counted with the first error and the run goes on: one slow size must not
 * lose the others' figures.
 */
async function timed(runs: number, warmup: number, call: (run: number) => Promise<unknown>) {
  const histogram = latencyHistogram();
  let failures = 0;
  let firstFailure: string | undefined;
  for (let run = -warmup; run < runs; run += 1) {
    const begin = performance.now();
    try {
      await call(Math.max(0, run));
      if (run >= 0) histogram.record(performance.now() - begin);
    } catch (error) {
      failures += 1;
      firstFailure ??= String(error).slice(0, 200);
    }
  }
  return { ...histogram.summary(), ...(failures > 0 ? { failures, firstFailure } : {}) };
}
