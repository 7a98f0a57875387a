// An acknowledged write must survive the server being killed (kill -9) right after the ack.
// Stock mongo-java-server on H2 commits about once a second in the background and lost 264 and 981
// of 2,000 acknowledged inserts this way; our launcher commits after every write command.
// This uses its own H2-backed server (the shared test server runs the memory backend).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import {
  findFreePort,
  loadInfraOptions,
  startMongo,
  type InfraOptions,
  type ManagedServer,
} from '../src/index.js';

interface Doc {
  _id: string;
  n: number;
  touched?: boolean;
}

const TOTAL = 2_000;
const SEQUENTIAL = 1_000;
const CONCURRENCY = 50;

describe('H2-backed MongoDB-wire server durability', () => {
  let dir: string;
  let options: InfraOptions;
  let server: ManagedServer | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'courtyard-durability-'));
    options = {
      ...loadInfraOptions(),
      dir,
      mongoPort: await findFreePort(),
      mongoBackend: 'h2',
    };
  });

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  async function withClient<T>(use: (docs: mongoose.mongo.Collection<Doc>) => Promise<T>): Promise<T> {
    const client = await mongoose.mongo.MongoClient.connect(`mongodb://127.0.0.1:${options.mongoPort}`);
    try {
      return await use(client.db('durability').collection<Doc>('docs'));
    } finally {
      await client.close(true);
    }
  }

  it('keeps every acknowledged insert and update after kill -9', async () => {
    server = await startMongo(options);

    await withClient(async (docs) => {
      for (let i = 0; i < SEQUENTIAL; i++) {
        const result = await docs.insertOne({ _id: `seq-${i}`, n: i });
        expect(result.acknowledged).toBe(true);
      }
      for (let start = SEQUENTIAL; start < TOTAL; start += CONCURRENCY) {
        const batch = Array.from({ length: CONCURRENCY }, (_, k) => start + k);
        const results = await Promise.all(batch.map((i) => docs.insertOne({ _id: `par-${i}`, n: i })));
        expect(results.every((r) => r.acknowledged)).toBe(true);
      }
      const update = await docs.updateOne({ _id: 'seq-0' }, { $set: { touched: true } });
      expect(update.modifiedCount).toBe(1);
    });
    // Immediately: nothing gets a chance to flush in the background.
    await server.stop('SIGKILL');
    server = undefined;

    server = await startMongo(options);
    await withClient(async (docs) => {
      expect(await docs.countDocuments()).toBe(TOTAL);
      const ids = new Set((await docs.find({}, { projection: { _id: 1 } }).toArray()).map((d) => d._id));
      const missing = [
        ...Array.from({ length: SEQUENTIAL }, (_, i) => `seq-${i}`),
        ...Array.from({ length: TOTAL - SEQUENTIAL }, (_, k) => `par-${SEQUENTIAL + k}`),
      ].filter((id) => !ids.has(id));
      expect(missing).toEqual([]);
      expect(await docs.findOne({ _id: 'seq-0' })).toEqual({ _id: 'seq-0', n: 0, touched: true });
    });
    await server.stop();
    server = undefined;
  });
});
