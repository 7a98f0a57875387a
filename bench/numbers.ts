// `npm run bench:numbers`: what the gap-free help-request register costs against the plain counter
// it replaced. One property's counter, 1, 10 and 50 intakes at once (each on its own connection, as
// replicas would, and all on one client, as one replica serving them all would), BENCH_ROUNDS (20) rounds each: the old `$inc` (`nextSequence`), and the new
// reserve + release (`reserveNumber` with the register's `isHeld` lookup on the unique number
// index, then `releaseNumber`). Reports numbers per second and the slowest intake's wait. Starts
// its own H2-backed launcher (slot-aware directory, a free port) unless MONGO_URL points at a
// server you run. Writes bench/results/numbers-<timestamp>.json and .md.
//
//   COURTYARD_TEST_SLOT=2 npm run bench:numbers
//   MONGO_URL=mongodb://127.0.0.1:27017 npm run bench:numbers
import { mkdirSync, writeFileSync } from 'node:fs';
import { nextSequence, releaseNumber, reserveNumber } from '@courtyard/kernel';
import mongoose from 'mongoose';
import { ROOT } from '../scripts/lib/subgraphs.js';
import { benchMongo } from './local-mongo.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 20);
const concurrencies = (process.env.BENCH_CONCURRENCY ?? '1,10,50').split(',').map(Number);

const { url, server } = await benchMongo('numbers');

const dbName = `bench_numbers_${Date.now()}`;
const maxConcurrency = Math.max(...concurrencies);
const clients = await Promise.all(
  Array.from({ length: maxConcurrency }, () => mongoose.mongo.MongoClient.connect(url, { maxPoolSize: 2 })),
);
const dbs = clients.map((client) => client.db(dbName));
// One replica serving every intake: one client (the driver's default pool), so the in-process
// per-counter queue of the reserved counter applies.
const sharedClient = await mongoose.mongo.MongoClient.connect(url);
const shared = sharedClient.db(dbName);
const replicas = (process.env.BENCH_REPLICAS ?? 'one,each').split(',');
const requests = dbs[0]!.collection<{ propertyId: string; number: number }>('help_requests');
await requests.createIndex({ propertyId: 1, number: 1 }, { unique: true });

type Strategy = (db: mongoose.mongo.Db, counter: string) => Promise<number>;
const strategies: Record<string, Strategy> = {
  '$inc (before)': (db, counter) => nextSequence(db, counter),
  'reserve + release': async (db, counter) => {
    const reservation = await reserveNumber(db, counter, {
      now: new Date(),
      leaseMs: 60_000,
      isHeld: async (number) =>
        (await db
          .collection('help_requests')
          .findOne({ propertyId: counter, number }, { projection: { _id: 1 } })) !== null,
    });
    await releaseNumber(db, reservation);
    return reservation.number;
  },
};

interface Row {
  strategy: string;
  replicas: string;
  concurrency: number;
  numbersPerSecond: number;
  slowestMs: number;
  unique: boolean;
}
const rows: Row[] = [];
for (const [strategy, take] of Object.entries(strategies)) {
  for (const replica of replicas)
    for (const concurrency of concurrencies) {
      let taken = 0;
      let slowest = 0;
      let unique = true;
      const started = performance.now();
      for (let round = 0; round < rounds; round += 1) {
        const counter = `bench:${strategy}:${replica}:${concurrency}:${round}`;
        const intakes =
          replica === 'one' ? Array.from({ length: concurrency }, () => shared) : dbs.slice(0, concurrency);
        const numbers = await Promise.all(
          intakes.map(async (db) => {
            const at = performance.now();
            const number = await take(db, counter);
            slowest = Math.max(slowest, performance.now() - at);
            return number;
          }),
        );
        taken += numbers.length;
        unique &&= new Set(numbers).size === numbers.length && Math.max(...numbers) === numbers.length;
      }
      const seconds = (performance.now() - started) / 1000;
      rows.push({
        strategy,
        replicas: replica === 'one' ? 'one for all' : 'one per intake',
        concurrency,
        numbersPerSecond: Math.round(taken / seconds),
        slowestMs: Math.round(slowest),
        unique,
      });
      console.log(JSON.stringify(rows.at(-1)));
    }
}

await dbs[0]!.dropDatabase();
await Promise.all([...clients, sharedClient].map((client) => client.close()));
await server?.stop();

const at = new Date().toISOString();
const table = [
  '| strategy | replicas | intakes at once | numbers/s | slowest intake (ms) | unique, no gap |',
  '|---|---|---:|---:|---:|---|',
  ...rows.map(
    (r) =>
      `| ${r.strategy} | ${r.replicas} | ${r.concurrency} | ${r.numbersPerSecond} | ${r.slowestMs} | ${r.unique ? 'yes' : 'NO'} |`,
  ),
].join('\n');
console.log(`\n${table}\n`);
mkdirSync(`${ROOT}bench/results`, { recursive: true });
const stem = `${ROOT}bench/results/numbers-${at.replace(/[:.]/g, '-')}`;
writeFileSync(
  `${stem}.json`,
  `${JSON.stringify({ at, target: server ? 'local h2' : url, rounds, rows }, null, 2)}\n`,
);
writeFileSync(`${stem}.md`, `${table}\n`);
console.log(`wrote ${stem}.json and .md`);
if (rows.some((r) => !r.unique)) process.exitCode = 1;
