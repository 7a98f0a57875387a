// `npm run bench:billing`: issue one quarter's bills for 10,000 units through billing's own
// read API, domain and repository (the path `generateBills` takes), then run the same period
// again. Target (issue 21): ≤ 60 s for the first run, ≤ 10 s for the second, which creates
// nothing. Uses MONGO_URL when given, otherwise its own local servers on separate ports.
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { AggregateWriter, systemActor, type CommandContext } from '@courtyard/kernel';
import { infraDown, infraUp, loadInfraOptions } from '@courtyard/infra';
import { generateBills, planGeneration } from '../services/billing/src/domain/bills.js';
import type { FeeScheduleRecord, UnitRecord } from '../services/billing/src/domain/records.js';
import { BillingReads } from '../services/billing/src/repository/billing.reads.js';
import { BillingRepository } from '../services/billing/src/repository/billing.repository.js';
import { createLoaders } from '../services/billing/src/repository/loaders.js';
import { createModels } from '../services/billing/src/repository/models.js';
import { ROOT } from '../scripts/lib/subgraphs.js';

const UNITS = Number(process.env.BENCH_UNITS ?? 10_000);
const options = loadInfraOptions({
  ...process.env,
  COURTYARD_INFRA_DIR: `${ROOT}.infra/bench-billing`,
  KAFKA_PORT: '29192',
  KAFKA_CONTROLLER_PORT: '29193',
  MONGO_PORT: '28117',
});
const endpoints = await infraUp(options, (line) => process.stderr.write(`[infra] ${line}\n`));
const connection = await mongoose
  .createConnection(endpoints.mongoUrl, { dbName: `bench_billing_${randomUUID().slice(0, 8)}` })
  .asPromise();
try {
  const models = await createModels(connection);
  const propertyId = randomUUID();
  const now = new Date('2026-12-01T00:00:00Z');
  const units: UnitRecord[] = Array.from({ length: UNITS }, (_, n) => ({
    _id: `unit-${String(n).padStart(6, '0')}`,
    version: 1,
    createdAt: now,
    propertyId,
    buildingId: `b${n % 20}`,
    number: `${n % 20}-${n}`,
    areaHundredths: 6000 + ((n * 37) % 9000),
    unitType: 'RESIDENTIAL',
  }));
  await models.Unit.collection.insertMany(units as never[]);
  const schedule: FeeScheduleRecord = {
    _id: randomUUID(),
    version: 2,
    createdAt: now,
    propertyId,
    number: 1,
    effectiveFrom: '2027-01-01',
    billingCycle: 'QUARTERLY',
    currency: 'CNY',
    items: [
      {
        code: 'PROPERTY_FEE',
        kind: 'PROPERTY_FEE',
        name: 'Property service fee',
        pricing: 'PER_SQUARE_METER_MONTH',
        price: 255,
        unitType: 'RESIDENTIAL',
        priceSource: null,
        workOrderCategories: [],
        materialsAtCost: false,
      },
    ],
    status: 'PUBLISHED',
    createdBy: 'bench',
    publishedAt: now,
    publishedBy: 'bench',
  };
  await models.FeeSchedule.collection.insertOne(schedule as never);

  const writer = new AggregateWriter(() => undefined);
  let n = 0;
  const command: CommandContext = {
    actor: systemActor('bench'),
    now,
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  };
  const run = async () => {
    const started = performance.now();
    const loaders = createLoaders(models);
    const reads = new BillingReads(models, loaders);
    const repository = new BillingRepository(models, writer, loaders);
    const plan = planGeneration({ propertyId, period: '2027-Q1' }, command);
    const [inForce, all, issued] = await Promise.all([
      reads.feeScheduleInForce(propertyId, plan.period.start),
      reads.unitsOf(propertyId),
      reads.issuedBillIds(propertyId, plan.period.period),
    ]);
    const generation = generateBills(plan, inForce, all, issued, command);
    const written = await repository.insertBills(generation.bills);
    return {
      seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
      issued: written.issued,
      alreadyIssued: generation.alreadyIssued + written.alreadyIssued,
    };
  };
  const first = await run();
  const second = await run();
  const bills = await models.Bill.countDocuments({ propertyId });
  console.log(JSON.stringify({ units: UNITS, first, second, billsStored: bills }, null, 2));
} finally {
  await connection.dropDatabase();
  await connection.close();
  if (!endpoints.external) await infraDown(options);
}
