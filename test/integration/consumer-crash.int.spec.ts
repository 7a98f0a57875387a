import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type mongoose from 'mongoose';
import type { NodeService } from '../../scripts/lib/processes.js';
import { ROOT } from '../../scripts/lib/subgraphs.js';
import { startExtraSubgraph } from '../support/extra-service.js';
import { gqlOk } from '../support/graphql.js';
import { readCounter } from '../support/metrics.js';
import { withDatabase } from '../support/mongo.js';
import { CREATE_PROPERTY, uniqueCode } from '../support/residents.js';
import { callSubgraph, eventually } from '../support/subgraph.js';
import { TEST_LOG_DIR, testPort } from '../support/test-env.js';
import { RECORD, repairInput } from '../support/work-orders.js';

interface ProjectedProperty {
  _id: string;
  version: number;
  timeZone: string;
  causedBy: string[];
}

// A work-orders of its own: its own database, and so its own consumer group that starts at offset zero.
const run = randomUUID().slice(0, 8);
const database = `work_orders_reactions_${run}`;
const group = `reactions-${run}.properties`;
const port = testPort(30);
const env: NodeJS.ProcessEnv = {
  MONGO_DATABASE: database,
  CONSUMER_GROUP_PREFIX: `reactions-${run}`,
  // The killed member never leaves the group: the restarted one takes over after this long.
  CONSUMER_SESSION_TIMEOUT_MS: '6000',
};
const read = <T>(use: (db: mongoose.mongo.Db) => Promise<T>) => withDatabase(database, use);

/** A run expected to kill itself: it may die before it ever answers HTTP, so no readiness wait. */
function runUntilItDies(extra: NodeJS.ProcessEnv): Promise<NodeJS.Signals | null> {
  const log = createWriteStream(`${TEST_LOG_DIR}/work-orders-reactions-crash.log`, { flags: 'a' });
  const child = spawn(process.execPath, ['--import', 'tsx', `${ROOT}services/work-orders/src/index.ts`], {
    env: { ...process.env, PORT: String(port), ...env, ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  return new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
}

describe('reactions: a consumer killed between its effect and its bookkeeping applies the event once', () => {
  let service: NodeService | undefined;
  afterAll(async () => {
    await service?.stop();
  });

  it('catches up on earlier properties, survives a kill after the write, and replays to exactly one effect', async () => {
    // Created before this work-orders ever ran: only a replay from offset zero can tell it the zone.
    const { createProperty } = await gqlOk<{ createProperty: { property: { id: string } } }>(
      CREATE_PROPERTY,
      {
        input: {
          code: uniqueCode('REACT'),
          name: 'Reaction Court',
          address: 'x',
          timeZone: 'Pacific/Kiritimati',
        },
      },
    );
    const propertyId = createProperty.property.id;

    expect(await runUntilItDies({ CONSUMER_FAULT_KILL_AFTER_EFFECT: 'property.created.v1' })).toBe('SIGKILL');
    // The effect is written, the processed mark is not (and the offset was never committed).
    const [killed, ...others] = await read((db) =>
      db.collection<ProjectedProperty>('properties').find().toArray(),
    );
    expect(others).toEqual([]);
    expect(killed!.causedBy).toHaveLength(1);
    const causingEventId = killed!.causedBy[0]!;
    // Only the properties group's marks: this work-orders' other consumers (facility faults, survey
    // follow-ups) replay their topics from offset zero too, and may have marked what they ignored.
    expect(
      await read((db) => db.collection('processed_events').countDocuments({ type: 'property.created.v1' })),
    ).toBe(0);

    service = await startExtraSubgraph('work-orders', 'reactions', port, env);
    const processed = await eventually(() =>
      read((db) =>
        db.collection<{ _id: string }>('processed_events').findOne({ _id: `${group}:${causingEventId}` }),
      ),
    );
    // Recognised as already applied: neither a second effect nor a conflict sent to the dead letters.
    expect(processed).toMatchObject({
      eventId: causingEventId,
      type: 'property.created.v1',
      outcome: 'applied',
    });
    expect(
      await readCounter(service.baseUrl, 'courtyard_events_consumed_total', { group, outcome: 'duplicate' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await read((db) => db.collection<ProjectedProperty>('properties').findOne({ _id: killed!._id })),
    ).toEqual({ ...killed });

    const ours = await eventually(() =>
      read(
        async (db) =>
          (await db.collection<ProjectedProperty>('properties').findOne({ _id: propertyId })) ?? undefined,
      ),
    );
    expect(ours).toMatchObject({ timeZone: 'Pacific/Kiritimati', version: 1 });
    expect(ours.causedBy).toHaveLength(1);
    // What a front desk sees: the request is numbered in the year of the property's own zone.
    const now = new Date();
    const recorded = await callSubgraph<{ recordHelpRequest: { helpRequest: { number: string } } }>(
      service.baseUrl,
      RECORD,
      { input: repairInput(propertyId) },
    );
    const year = new Intl.DateTimeFormat('en', { timeZone: 'Pacific/Kiritimati', year: 'numeric' }).format(
      now,
    );
    expect(recorded.data?.recordHelpRequest.helpRequest.number).toMatch(new RegExp(`^WO-${year}-\\d{6}$`));

    const unknown = await callSubgraph(service.baseUrl, RECORD, { input: repairInput(randomUUID()) });
    expect(unknown.errors?.map((error) => error.extensions)).toEqual([
      expect.objectContaining({ code: 'CONFLICT', reason: 'PROPERTY_NOT_YET_KNOWN' }),
    ]);
  });
});
