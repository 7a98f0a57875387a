// The launcher's indexes change how many documents a query reads, never its answer: every query shape
// the subgraphs issue is run on a collection with the services' index declarations and on a twin
// without indexes (the library's collection scan), and the answers must be equal — after inserts,
// after updates and deletes that move documents between index keys, and after a restart and a kill -9
// (the index is stored with the documents). Also: a count and a $match-first aggregation over a
// collection far larger than the server's heap answer instead of running it out of memory.
// Uses its own H2-backed launcher (the shared test server runs the memory backend).
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

interface Ticket {
  _id: string;
  version: number;
  propertyId: string;
  number: string;
  state: string;
  createdAt: Date;
  dueAt?: Date | null;
  assigneeIds: string[];
  contact: { phone: string };
  members?: Array<{ residentId: string }>;
  outbox: Array<{ id: string }>;
  priority?: number;
  confidential: boolean;
}

type Filter = mongoose.mongo.Filter<Ticket>;
type Sort = Record<string, 1 | -1>;
interface Shape {
  name: string;
  filter: Filter;
  sort?: Sort;
  limit?: number;
  skip?: number;
}

const STATES = ['RECEIVED', 'ASSIGNED', 'IN_PROGRESS', 'ON_HOLD', 'RESOLVED'];
const base = Date.UTC(2026, 0, 1);
const minutes = (n: number) => new Date(base + n * 60_000);

function ticket(i: number): Ticket {
  const doc: Ticket = {
    _id: `t${String(i).padStart(4, '0')}`,
    version: 1,
    propertyId: `p${i % 4}`,
    number: `N-${i}`,
    state: STATES[(i * 7) % STATES.length]!,
    // Ties on createdAt, so the _id tie-break of the list indexes matters.
    createdAt: minutes(Math.floor(i / 3)),
    assigneeIds: i % 5 === 0 ? [] : [`tech-${i % 7}`, ...(i % 3 === 0 ? [`tech-${(i + 1) % 7}`] : [])],
    contact: { phone: `+44 20 7946 ${String(1000 + (i % 900)).padStart(4, '0')}` },
    outbox: i % 11 === 0 ? [{ id: `e${i}` }] : [],
    confidential: i % 10 === 3,
  };
  // Due times: mostly dates, some null, some absent (closed clocks), and a few numbers (type bracketing).
  if (i % 13 === 0) doc.dueAt = null;
  else if (i % 17 !== 0) doc.dueAt = minutes(600 - (i % 250));
  if (i % 19 === 0) doc.members = [{ residentId: `r${i % 5}` }, { residentId: `r${(i + 2) % 5}` }];
  if (i % 2 === 0) doc.priority = i % 9;
  return doc;
}

/** What the subgraphs' models declare (work-orders, residents, the kernel's outbox sweep). */
const INDEXES: mongoose.mongo.IndexDescription[] = [
  { key: { propertyId: 1, number: 1 }, unique: true },
  { key: { propertyId: 1, createdAt: -1, _id: -1 } },
  { key: { propertyId: 1, state: 1, createdAt: -1, _id: -1 } },
  { key: { propertyId: 1, state: 1, dueAt: 1 } },
  { key: { propertyId: 1, confidential: 1, state: 1, dueAt: 1 } },
  { key: { state: 1, dueAt: 1 } },
  { key: { assigneeIds: 1, state: 1, dueAt: 1 } },
  { key: { propertyId: 1, 'contact.phone': 1 } },
  { key: { 'members.residentId': 1 } },
  { key: { priority: -1 } },
  { key: { 'outbox.0': 1 }, sparse: true, name: 'outbox_pending' },
];

const NEWEST: Sort = { createdAt: -1, _id: -1 };
const at = minutes(480);
const SHAPES: Shape[] = [
  { name: 'by _id and version', filter: { _id: 't0042', version: 1 } },
  { name: 'by _id $in', filter: { _id: { $in: ['t0001', 't0100', 'nope'] } } },
  { name: 'matches nothing ($in: [])', filter: { _id: { $in: [] } } },
  { name: 'by unique number and property', filter: { propertyId: 'p1', number: 'N-5' } },
  { name: 'list by property, newest first', filter: { propertyId: 'p2' }, sort: NEWEST, limit: 21 },
  {
    name: 'list by property scope ($and of $in and equality) and states',
    filter: {
      $and: [
        { propertyId: { $in: ['p1', 'p2'] } },
        { propertyId: 'p1' },
        { state: { $in: ['RECEIVED', 'ASSIGNED'] } },
      ],
    },
    sort: NEWEST,
    limit: 21,
  },
  {
    name: 'list by several properties, newest first (merge of ranges)',
    filter: { propertyId: { $in: ['p0', 'p3'] } },
    sort: NEWEST,
    limit: 15,
    skip: 4,
  },
  {
    name: 'next page by keyset',
    filter: {
      $and: [
        { propertyId: 'p3' },
        { $or: [{ createdAt: { $lt: minutes(40) } }, { createdAt: minutes(40), _id: { $lt: 't0121' } }] },
      ],
    },
    sort: NEWEST,
    limit: 21,
  },
  {
    name: 'oldest first (backward index scan)',
    filter: { propertyId: 'p1' },
    sort: { createdAt: 1, _id: 1 },
    limit: 10,
  },
  {
    name: 'created window',
    filter: { propertyId: 'p0', createdAt: { $gte: minutes(20), $lt: minutes(90) } },
    sort: NEWEST,
  },
  { name: 'due clocks', filter: { dueAt: { $lte: at } }, sort: { dueAt: 1, _id: 1 }, limit: 100 },
  {
    name: 'overdue in a property (state $in, dueAt range)',
    filter: { propertyId: 'p2', state: { $in: ['RECEIVED', 'ASSIGNED', 'IN_PROGRESS'] }, dueAt: { $lt: at } },
    sort: { dueAt: 1, _id: 1 },
  },
  // The front desk's counts (the read rule in parts, work-orders' `readableWithin`).
  { name: "a property's non-confidential requests", filter: { propertyId: 'p3', confidential: false } },
  {
    name: "a property's non-confidential requests in one state",
    filter: { $and: [{ confidential: false }, { propertyId: 'p1' }, { state: 'ASSIGNED' }] },
  },
  {
    name: "a property's confidential requests one is involved in (an $or left to the matcher)",
    filter: {
      $and: [
        { confidential: true, $or: [{ assigneeIds: 'tech-3' }, { assigneeIds: 'tech-1' }] },
        { propertyId: 'p1' },
      ],
    },
  },
  {
    name: 'non-confidential overdue in a property',
    filter: {
      propertyId: 'p2',
      confidential: false,
      state: { $in: ['RECEIVED', 'ASSIGNED', 'IN_PROGRESS'] },
      dueAt: { $lt: at },
    },
  },
  { name: 'due in one state', filter: { state: 'ASSIGNED', dueAt: { $gt: minutes(400), $lte: at } } },
  {
    name: 'technician queue (multikey)',
    filter: { assigneeIds: 'tech-3', state: { $in: ['ASSIGNED', 'IN_PROGRESS', 'ON_HOLD'] } },
    sort: { dueAt: 1, _id: 1 },
    limit: 200,
  },
  { name: 'no assignee (empty array)', filter: { assigneeIds: { $size: 0 } } },
  {
    name: 'phone suffix in a property',
    filter: { propertyId: 'p1', 'contact.phone': { $regex: '1[0-9]7$' } },
  },
  {
    // Several indexes bound two keys; the planner counts their ranges and takes the phone's, not the
    // one whose order is the sort (which would read the whole property to find one caller's).
    name: 'repeat call by phone (open states, oldest first, limit 1)',
    filter: {
      propertyId: 'p1',
      state: { $in: ['RECEIVED', 'ASSIGNED', 'IN_PROGRESS'] },
      'contact.phone': { $in: ['+44 20 7946 1005', '+44 20 7946 1009', 'nope'] },
      repeatOfId: null,
    },
    sort: { createdAt: 1 },
    limit: 1,
  },
  {
    name: 'repeat call by phone, none open (limit 1)',
    filter: { propertyId: 'p1', state: 'CLOSED', 'contact.phone': '+44 20 7946 1005' },
    sort: { createdAt: 1 },
    limit: 1,
  },
  { name: 'residents by member (multikey path into an array)', filter: { 'members.residentId': 'r2' } },
  { name: 'outbox sweep', filter: { 'outbox.0': { $exists: true } } },
  { name: 'null due time (null or absent)', filter: { state: 'RESOLVED', dueAt: null } },
  {
    name: 'numeric range, descending key',
    filter: { priority: { $gte: 3, $lt: 7 } },
    sort: { priority: -1, _id: 1 },
  },
  { name: 'sort only, under a limit', filter: {}, sort: { priority: -1, _id: 1 }, limit: 5 },
  { name: 'unindexed field', filter: { number: 'N-77' } },
];

describe('secondary indexes on the H2-backed MongoDB-wire server', () => {
  let dir: string;
  let options: InfraOptions;
  let server: ManagedServer | undefined;
  let client: mongoose.mongo.MongoClient;
  const db = () => client.db('indexes');
  const indexed = () => db().collection<Ticket>('indexed');
  const plain = () => db().collection<Ticket>('plain');

  async function connect(): Promise<void> {
    client = await mongoose.mongo.MongoClient.connect(`mongodb://127.0.0.1:${options.mongoPort}`);
  }

  async function restart(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
    await client.close(true);
    await server!.stop(signal);
    server = await startMongo(options);
    await connect();
  }

  async function run(docs: mongoose.mongo.Collection<Ticket>, shape: Shape) {
    let cursor = docs.find(shape.filter);
    if (shape.sort) cursor = cursor.sort(shape.sort);
    if (shape.skip) cursor = cursor.skip(shape.skip);
    if (shape.limit) cursor = cursor.limit(shape.limit);
    const found = (await cursor.toArray()).map((d) => d._id);
    // Unsorted answers come in whatever order the plan reads; compare them as sets.
    return shape.sort ? found : found.sort();
  }

  /** A sorted page as an aggregation (a page, then what it joins): $match, $sort, $limit, $project. */
  async function aggregatePage(docs: mongoose.mongo.Collection<Ticket>, shape: Shape) {
    const rows = await docs
      .aggregate<{ _id: string; state: string }>([
        { $match: shape.filter },
        { $sort: shape.sort! },
        { $limit: shape.limit! },
        { $project: { state: 1 } },
      ])
      .toArray();
    return rows.map((row) => `${row._id}:${row.state}`);
  }

  async function expectSameAnswers(): Promise<void> {
    for (const shape of SHAPES) {
      const expected = await run(plain(), shape);
      expect({ shape: shape.name, ids: await run(indexed(), shape) }).toEqual({
        shape: shape.name,
        ids: expected,
      });
      if (shape.sort && shape.limit && !shape.skip) {
        const page = await aggregatePage(plain(), shape);
        expect({ shape: shape.name, page: await aggregatePage(indexed(), shape) }).toEqual({
          shape: shape.name,
          page,
        });
        // The same documents, in the same order, as the find of the page.
        expect(page.map((row) => row.split(':')[0])).toEqual(expected);
      }
      const count = await plain().countDocuments(shape.filter);
      expect({ shape: shape.name, count: await indexed().countDocuments(shape.filter) }).toEqual({
        shape: shape.name,
        count,
      });
    }
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'courtyard-indexes-'));
    options = { ...loadInfraOptions(), dir, mongoPort: await findFreePort(), mongoBackend: 'h2' };
    server = await startMongo(options);
    await connect();
    await indexed().createIndexes(INDEXES);
    // A second declaration is a no-op, as at every service start.
    await indexed().createIndexes(INDEXES);
    const tickets = Array.from({ length: 400 }, (_, i) => ticket(i));
    await indexed().insertMany(tickets);
    await plain().insertMany(tickets);
  });

  afterAll(async () => {
    await client?.close(true);
    await server?.stop('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('answers every shape the subgraphs issue exactly as a collection scan does', async () => {
    await expectSameAnswers();
    // The shapes are not vacuous: each list shape finds something.
    const listed = await run(
      indexed(),
      SHAPES.find((s) => s.name === 'technician queue (multikey)')!,
    );
    expect(listed.length).toBeGreaterThan(5);
  });

  it('keeps answering the same after updates and deletes move documents between keys', async () => {
    for (const docs of [indexed(), plain()]) {
      await docs.updateMany(
        { propertyId: 'p1', state: 'RECEIVED' },
        { $set: { state: 'ASSIGNED' }, $inc: { version: 1 } },
      );
      await docs.updateOne(
        { _id: 't0042', version: 1 },
        { $set: { dueAt: minutes(1) }, $inc: { version: 1 } },
      );
      await docs.updateMany({ assigneeIds: 'tech-3' }, { $pull: { assigneeIds: 'tech-3' } });
      await docs.updateMany({ 'outbox.0': { $exists: true }, propertyId: 'p0' }, { $set: { outbox: [] } });
      await docs.updateMany({ priority: 4 }, { $unset: { priority: '' } });
      await docs.deleteMany({ propertyId: 'p3', createdAt: { $lt: minutes(30) } });
      await docs.findOneAndUpdate({ _id: 't0007' }, { $set: { propertyId: 'p2', number: 'N-7b' } });
    }
    await expectSameAnswers();
    expect(await indexed().countDocuments({ assigneeIds: 'tech-3' })).toBe(0);
  });

  it('keeps the indexes with the documents across a restart and a kill -9', async () => {
    await restart('SIGTERM');
    await expectSameAnswers();
    await indexed().updateOne({ _id: 't0010' }, { $set: { state: 'ON_HOLD', dueAt: minutes(2) } });
    await plain().updateOne({ _id: 't0010' }, { $set: { state: 'ON_HOLD', dueAt: minutes(2) } });
    await restart('SIGKILL');
    await expectSameAnswers();
  });

  it('still enforces the unique index next to the secondary ones', async () => {
    let code: unknown;
    try {
      await indexed().insertOne({ ...ticket(1), _id: 'dup' });
    } catch (error) {
      code = error instanceof mongoose.mongo.MongoServerError ? error.code : error;
    }
    expect(code).toBe(11000);
  });
});

describe('counts and $match-first aggregations on a collection larger than the heap', () => {
  let dir: string;
  let server: ManagedServer | undefined;
  let client: mongoose.mongo.MongoClient;
  const TOTAL = 40_000;
  const padding = 'x'.repeat(1_000);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'courtyard-heap-'));
    // 40,000 documents of 1 KB are about 40 MB as BSON and several times that as Java objects: a server
    // that loads the collection for a count cannot hold it in this heap.
    const options: InfraOptions = {
      ...loadInfraOptions(),
      dir,
      mongoPort: await findFreePort(),
      mongoBackend: 'h2',
      mongoMaxHeap: '64m',
    };
    server = await startMongo(options);
    client = await mongoose.mongo.MongoClient.connect(`mongodb://127.0.0.1:${options.mongoPort}`);
    const docs = client.db('heap').collection<{ _id: string; group: number; padding: string }>('docs');
    await docs.createIndex({ group: 1 });
    for (let start = 0; start < TOTAL; start += 1_000) {
      await docs.insertMany(
        Array.from({ length: 1_000 }, (_, k) => ({ _id: `d${start + k}`, group: (start + k) % 4, padding })),
      );
    }
  });

  afterAll(async () => {
    await client?.close(true);
    await server?.stop('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('counts by an indexed field, by an unindexed one and in total', async () => {
    const docs = client.db('heap').collection<{ _id: string; group: number; padding: string }>('docs');
    expect(await docs.countDocuments({ group: 1 })).toBe(TOTAL / 4);
    expect(await docs.countDocuments({ padding, group: { $ne: 1 } })).toBe((TOTAL * 3) / 4);
    expect(await docs.countDocuments({})).toBe(TOTAL);
  });

  it('runs a $match-first aggregation by streaming what the match selects', async () => {
    const docs = client.db('heap').collection<{ _id: string; group: number; padding: string }>('docs');
    const rows = await docs
      .aggregate<{ _id: number; count: number }>([
        { $match: { padding } },
        { $group: { _id: '$group', count: { $sum: 1 } } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(rows).toEqual([0, 1, 2, 3].map((group) => ({ _id: group, count: TOTAL / 4 })));
    // The server is still the one we started (a JVM out of memory exits: -XX:+ExitOnOutOfMemoryError).
    expect(await client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
  });
});
