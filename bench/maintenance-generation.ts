// `npm run bench:maintenance`: one maintenance scan (MaintenanceScheduler.tick) generating a
// year of preventive-maintenance tasks for BENCH_MAINTENANCE_FACILITIES facilities (default
// 1,000: 10 properties of 100, spread over the five types the default plans cover), then the
// same scan again (which must generate nothing). Target (issue 20): <= 10 s for 1,000
// facilities over one year. Facilities and the default plans are seeded straight through the
// collections, like bench/sla-scan.ts; its own local servers on separate ports, on the npm-start
// default backend (the H2 launcher). Writes bench/results/maintenance-<timestamp>.json and .md.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import mongoose from 'mongoose';
import { AggregateWriter, sequentialIds, systemActor } from '@courtyard/kernel';
import { infraDown, infraUp, loadInfraOptions } from '@courtyard/infra';
import type { FacilityType } from '../services/facilities/src/domain/catalogue.js';
import { registerFacility } from '../services/facilities/src/domain/facility.js';
import { defaultPlansFor } from '../services/facilities/src/domain/maintenance-plan.js';
import { createModels } from '../services/facilities/src/repository/models.js';
import { MaintenanceScheduler } from '../services/facilities/src/scheduler/maintenance-scheduler.js';
import { ROOT } from '../scripts/lib/subgraphs.js';

const FACILITIES = Number(process.env.BENCH_MAINTENANCE_FACILITIES ?? 1_000);
const PER_PROPERTY = 100;
const TYPES: FacilityType[] = [
  'ELEVATOR',
  'SECONDARY_WATER_TANK',
  'DRAINAGE_SEWAGE',
  'SEPTIC_TANK',
  'FIRE_PROTECTION',
];
const TARGET_SECONDS = 10;
const YEAR_MS = 365 * 86_400_000;
const ZONE = 'Asia/Shanghai';
// Midnight on 1 January in Shanghai: the year ahead is 12 months, 2 halves, 1 year per plan.
const now = new Date('2026-12-31T16:00:00Z');
const seededAt = new Date(now.getTime() - 86_400_000);

const options = loadInfraOptions({
  ...process.env,
  COURTYARD_INFRA_DIR: `${ROOT}.infra/bench-maintenance`,
  KAFKA_PORT: '29392',
  KAFKA_CONTROLLER_PORT: '29393',
  MONGO_PORT: '28317',
});
const endpoints = await infraUp(options, (line) => process.stderr.write(`[infra] ${line}\n`));
const connection = await mongoose
  .createConnection(endpoints.mongoUrl, { dbName: `bench_maintenance_${randomUUID().slice(0, 8)}` })
  .asPromise();
try {
  const models = await createModels(connection);
  const office = (propertyId: string) => ({
    actor: { subject: 'bench', role: 'FRONT_DESK' as const, propertyIds: [propertyId] },
    now: seededAt,
    newId: sequentialIds(),
  });
  const properties = Math.ceil(FACILITIES / PER_PROPERTY);
  const loadStarted = performance.now();
  for (let p = 0; p < properties; p += 1) {
    const propertyId = `bench-property-${p}`;
    const system = { actor: systemActor('bench'), now: seededAt, newId: () => randomUUID() };
    const plans = defaultPlansFor({ propertyId, timeZone: ZONE }, seededAt, system);
    await models.MaintenancePlan.collection.insertMany(
      plans.map((plan) => ({ ...plan, outbox: [] })) as never[],
    );
    const count = Math.min(PER_PROPERTY, FACILITIES - p * PER_PROPERTY);
    const facilities = Array.from({ length: count }, (_, i) => {
      const { record } = registerFacility(
        {
          propertyId,
          area: 'Estate',
          name: `Facility ${i}`,
          type: TYPES[i % TYPES.length],
          assetTag: `BENCH-${i}`,
          criticality: 'NORMAL',
        },
        { ...office(propertyId), newId: () => randomUUID() },
      );
      return { ...record, outbox: [] };
    });
    await models.Facility.collection.insertMany(facilities as never[]);
  }
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const scheduler = new MaintenanceScheduler({
    models,
    writer: new AggregateWriter(() => undefined),
    horizonMs: YEAR_MS,
    catchUpMs: 0,
    batchSize: 1_000,
  });
  const started = performance.now();
  const first = await scheduler.tick(now);
  const firstMs = performance.now() - started;
  const againStarted = performance.now();
  const again = await scheduler.tick(now);
  const againMs = performance.now() - againStarted;
  const stored = await models.MaintenanceTask.countDocuments({});
  const at = new Date().toISOString();
  const row = {
    facilities: FACILITIES,
    plans: first.plans,
    tasksGenerated: first.generated,
    tasksStored: stored,
    generateMs: Math.round(firstMs),
    regenerated: again.generated,
    regenerateMs: Math.round(againMs),
    targetSeconds: TARGET_SECONDS,
    meetsTarget: firstMs / 1000 <= TARGET_SECONDS,
    loadSeconds: Math.round(loadSeconds * 10) / 10,
    backend: process.env.MONGO_BACKEND ?? 'h2 (npm start default)',
  };
  console.log(JSON.stringify(row));
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  const stem = `${ROOT}bench/results/maintenance-${at.replace(/[:.]/g, '-')}`;
  writeFileSync(`${stem}.json`, `${JSON.stringify({ at, row }, null, 2)}\n`);
  writeFileSync(
    `${stem}.md`,
    [
      `Maintenance task generation, ${at} (${row.backend})`,
      '',
      '| facilities | plans | tasks generated | scan (ms) | scan again (ms) | generated again | target |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      `| ${row.facilities} | ${row.plans} | ${row.tasksGenerated} | ${row.generateMs} | ${row.regenerateMs} | ${row.regenerated} | <= ${TARGET_SECONDS} s: ${row.meetsTarget ? 'met' : 'missed'} |`,
      '',
    ].join('\n'),
  );
  console.log(`wrote ${stem}.json and .md`);
} finally {
  await connection.dropDatabase();
  await connection.close();
}
if (!endpoints.external) await infraDown(options);
process.exit(0);
