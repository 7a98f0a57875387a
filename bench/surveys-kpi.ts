// `npm run bench:surveys` (issue 22): the latency of the satisfaction KPI queries through the
// gateway for one property with BENCH_SURVEYS_RESPONSES (100,000) responses. Starts its own
// infrastructure (COURTYARD_TEST_SLOT-aware ports and directory; the H2 launcher, which counts in
// the surveys' `{ measures, …scope, response.score, openedAt }` indexes like MongoDB does),
// every subgraph and the gateway, seeds the surveys straight through the surveys repository's
// model (the documents `openSatisfactionSurvey` decides, answered as `answerSurvey` records, and
// BENCH_SURVEYS_RESPONSES / 20 answered December needs surveys that no figure may count),
// checks each query's answer against the pure reference (`satisfactionKpi` over the same
// documents), then times BENCH_RUNS (50) sequential calls of each after a warm-up: p50 and p99.
// Target: p50 <= 200 ms. Writes bench/results/surveys-kpi-<time>.json and .md.
//
//   COURTYARD_TEST_SLOT=4 npm run bench:surveys
//   BENCH_SURVEYS_RESPONSES=10000 BENCH_RUNS=20 npm run bench:surveys
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import mongoose from 'mongoose';
import { sequentialIds, systemActor } from '@courtyard/kernel';
import { infraDown, infraUp, loadInfraOptions } from '@courtyard/infra';
import { issueAccessToken } from '../gateway/src/token.js';
import { startPlatform } from '../scripts/lib/platform.js';
import { ROOT } from '../scripts/lib/subgraphs.js';
import { openSatisfactionSurvey } from '../services/surveys/src/domain/after-service.js';
import { inKpiScope, satisfactionKpi, type KpiSample } from '../services/surveys/src/domain/kpi.js';
import { namedPeriod, previousPeriod } from '../services/surveys/src/domain/kpi-periods.js';
import type { SurveyRecord } from '../services/surveys/src/domain/records.js';
import { DEFAULT_POST_SERVICE_TEMPLATE } from '../services/surveys/src/domain/templates.js';
import { createModels } from '../services/surveys/src/repository/models.js';

const slot = Number(process.env.COURTYARD_TEST_SLOT ?? '0');
if (!Number.isInteger(slot) || slot < 0 || slot > 9) throw new Error('COURTYARD_TEST_SLOT must be 0 to 9');
const shift = slot * 200;
const DIR = `${ROOT}.infra/bench-surveys${slot === 0 ? '' : `-${slot}`}`;
const RESPONSES = Number(process.env.BENCH_SURVEYS_RESPONSES ?? 100_000);
/** December needs surveys beside them, all answered with a score: no figure may count them. */
const NEEDS = Math.round(RESPONSES / 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const WARM_UP = 3;
const TIME_ZONE = 'Asia/Shanghai';
const CATEGORIES = [
  'WATER_LEAK',
  'DRAINAGE',
  'ELECTRICAL',
  'ELEVATOR',
  'DOOR_LOCK',
  'CLEANING',
  'NOISE',
  'FEES',
];
const TECHNICIANS = Array.from({ length: 20 }, (_, i) => `bench-tech-${i}`);
const log = (line: string) => process.stderr.write(`[bench:surveys] ${line}\n`);

/** A small deterministic generator (mulberry32): two runs seed the same estate. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `RESPONSES` answered surveys (and a quarter as many unanswered, so the response rate is 80 %)
 * over 2026 for one property, as the after-service reaction opens them and a resident answers;
 * then `NEEDS` answered needs-survey ones (`measures: NEEDS`), which the figures leave out.
 */
function surveysOf(PROPERTY: string): SurveyRecord[] {
  const satisfaction = satisfactionSurveysOf(PROPERTY);
  const december = namedPeriod('2026-12', TIME_ZONE).from;
  const needs = Array.from({ length: NEEDS }, (_, i): SurveyRecord => {
    const { _id, ...like } = satisfaction[i]!;
    return {
      ...like,
      _id: `campaign-bench-needs-${i}`,
      measures: 'NEEDS',
      helpRequestId: null,
      category: null,
      team: null,
      technicianIds: [],
      openedAt: december,
      campaignId: 'bench-needs',
      campaignKind: 'NEEDS',
      householdId: `bench-household-${i}`,
      state: 'COMPLETED',
      // Answered (the first NEEDS of them are), and unhappy: were they counted, every rate would drop.
      response: like.response && { ...like.response, score: 1 },
    };
  });
  return [...satisfaction, ...needs];
}

function satisfactionSurveysOf(PROPERTY: string): SurveyRecord[] {
  const next = random(22);
  const year = namedPeriod('2026', TIME_ZONE);
  const span = year.to.getTime() - year.from.getTime();
  const total = Math.round(RESPONSES * 1.25);
  return Array.from({ length: total }, (_, i) => {
    const openedAt = new Date(year.from.getTime() + Math.floor(next() * span));
    const category = CATEGORIES[Math.floor(next() * CATEGORIES.length)]!;
    const technician = TECHNICIANS[Math.floor(next() * TECHNICIANS.length)]!;
    const context = { actor: systemActor('bench'), now: openedAt, newId: sequentialIds() };
    const { record } = openSatisfactionSurvey(
      {
        helpRequestId: `bench-hr-${i}`,
        number: `WO-2026-${String(i).padStart(6, '0')}`,
        propertyId: PROPERTY,
        type: 'REPAIR',
        category,
        channel: 'PHONE',
        urgent: false,
        paid: false,
        repeatCall: false,
        ownerId: 'bench-desk',
        actorId: technician,
        state: 'RESOLVED',
        previousState: 'IN_PROGRESS',
        receivedAt: openedAt.toISOString(),
        occurredAt: openedAt.toISOString(),
        secondsSinceReceived: 0,
        dueAt: openedAt.toISOString(),
      },
      { requesterId: `bench-resident-${i % 5000}`, assigneeIds: [technician] },
      DEFAULT_POST_SERVICE_TEMPLATE,
      14,
      context,
    );
    if (i >= RESPONSES) return record;
    // Mostly 4s and 5s, as a company near its 90 % target sees.
    const roll = next();
    const score = roll < 0.03 ? 1 : roll < 0.06 ? 2 : roll < 0.12 ? 3 : roll < 0.4 ? 4 : 5;
    return {
      ...record,
      state: 'COMPLETED',
      response: {
        channel: 'RESIDENT',
        answers: [
          { questionId: 'overall', kind: 'SCORE', score },
          { questionId: 'comment', kind: 'TEXT', text: 'Came on time and left the place tidy.' },
        ],
        score,
        recordedById: null,
        note: null,
        at: new Date(openedAt.getTime() + 3_600_000),
      },
    };
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** The gateway's answer differs from the reference computed over the same surveys. */
class ReferenceMismatch extends Error {}

interface Row {
  error?: string;
  query: string;
  runs: number;
  counted: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

rmSync(DIR, { recursive: true, force: true });
mkdirSync(`${DIR}/logs`, { recursive: true });
const infraOptions = loadInfraOptions({
  ...process.env,
  COURTYARD_INFRA_DIR: DIR,
  KAFKA_PORT: String(19162 + shift),
  KAFKA_CONTROLLER_PORT: String(19163 + shift),
  MONGO_PORT: String(27177 + shift),
  MONGO_BACKEND: process.env.MONGO_BACKEND ?? 'h2',
});
const endpoints = await infraUp(infraOptions, (line) => log(`[infra] ${line}`));
const cleanups: Array<() => Promise<void>> = [async () => void (await infraDown(infraOptions))];
let exitCode = 0;
try {
  const secrets = {
    INTERNAL_AUTH_SECRET: randomBytes(32).toString('hex'),
    JWT_SECRET: randomBytes(32).toString('hex'),
  };
  const start = () =>
    startPlatform({
      mongoUrl: endpoints.mongoUrl,
      kafkaBrokers: endpoints.kafkaBrokers,
      gatewayPort: 14080 + shift,
      portOffset: 10070 + shift,
      logDir: `${DIR}/logs`,
      env: { NODE_ENV: 'test', ...secrets },
    });
  // A broker just formatted may not yet host the topics a subgraph asks for: one more try.
  const platform = await start().catch((error: unknown) => {
    log(`platform start failed once (${String(error).slice(0, 200)}); trying again`);
    return start();
  });
  cleanups.push(() => platform.stop());

  const token = await issueAccessToken(
    { sub: 'bench-gm', role: 'GENERAL_MANAGER', properties: ['*'] },
    { secret: secrets.JWT_SECRET },
  );
  const call = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (body.errors?.length || !body.data) throw new Error(`query failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  // The property exists in residents (Property.satisfaction is resolved on its entity).
  const created = await call(
    `mutation ($input: CreatePropertyInput!) { createProperty(input: $input) { property { id } } }`,
    {
      input: {
        code: `BENCH-${Date.now()}`,
        name: 'Bench Court',
        address: '1 Bench Road',
        timeZone: TIME_ZONE,
      },
    },
  );
  const PROPERTY = (created.createProperty as { property: { id: string } }).property.id;

  // Seed straight through the surveys repository's model, into the database the subgraph reads.
  const connection = await mongoose.createConnection(endpoints.mongoUrl, { dbName: 'surveys' }).asPromise();
  cleanups.push(async () => {
    await connection.close();
  });
  const models = await createModels(connection);
  await models.Survey.deleteMany({ propertyId: PROPERTY });
  const surveys = surveysOf(PROPERTY);
  const seeding = performance.now();
  for (let at = 0; at < surveys.length; at += 1_000) {
    await models.Survey.collection.insertMany(
      surveys.slice(at, at + 1_000).map((survey) => ({ ...survey, outbox: [] })) as never[],
    );
  }
  log(
    `seeded ${surveys.length} surveys (${RESPONSES} answered, and ${NEEDS} needs surveys) in ${((performance.now() - seeding) / 1000).toFixed(0)} s`,
  );

  const samples: KpiSample[] = surveys;
  const queries = [
    {
      name: 'satisfactionKpi(period: "2026-H2") with its trend against 2026-H1',
      query: `query ($p: ID!) { satisfactionKpi(propertyId: $p, period: "2026-H2") {
        surveys responses satisfied satisfactionRate averageScore responseRate significant
        trend { direction satisfactionRateChange previous { responses } } } }`,
      pick: (data: Record<string, unknown>) => data.satisfactionKpi as Record<string, unknown>,
      period: namedPeriod('2026-H2', TIME_ZONE),
      scope: {},
      runs: RUNS,
    },
    {
      name: 'Property.satisfaction(period: "2026"): every response of the year',
      query: `query ($p: ID!) { property(id: $p) { satisfaction(period: "2026") {
        surveys responses satisfied satisfactionRate averageScore responseRate significant
        trend { direction previous { responses } } } } }`,
      pick: (data: Record<string, unknown>) =>
        (data.property as { satisfaction: Record<string, unknown> }).satisfaction,
      period: namedPeriod('2026', TIME_ZONE),
      scope: {},
      runs: RUNS,
    },
    {
      name: 'satisfactionKpi(period: "2026-11", technicianId): one technician\'s month',
      query: `query ($p: ID!) { satisfactionKpi(propertyId: $p, period: "2026-11", technicianId: "${TECHNICIANS[3]}") {
        surveys responses satisfied satisfactionRate averageScore responseRate significant
        trend { direction previous { responses } } } }`,
      pick: (data: Record<string, unknown>) => data.satisfactionKpi as Record<string, unknown>,
      period: namedPeriod('2026-11', TIME_ZONE),
      scope: { technicianId: TECHNICIANS[3]! },
      runs: RUNS,
    },
    {
      name: 'satisfactionKpi(period: "2026-11", team, technicianId): one technician within a team',
      query: `query ($p: ID!) { satisfactionKpi(propertyId: $p, period: "2026-11", team: ENGINEERING, technicianId: "${TECHNICIANS[3]}") {
        surveys responses satisfied satisfactionRate averageScore responseRate significant
        trend { direction previous { responses } } } }`,
      pick: (data: Record<string, unknown>) => data.satisfactionKpi as Record<string, unknown>,
      period: namedPeriod('2026-11', TIME_ZONE),
      scope: { team: 'ENGINEERING' as const, technicianId: TECHNICIANS[3]! },
      runs: RUNS,
    },
  ];
  const rows: Row[] = [];
  for (const { name, query, pick, period, scope, runs } of queries) {
    // The answer must be the reference's before its speed means anything.
    const expected = satisfactionKpi(
      samples.filter((s) => inKpiScope(s, { propertyId: PROPERTY, ...scope, ...period })),
      period,
    );
    const before = previousPeriod(period, TIME_ZONE);
    const expectedPrevious = samples.filter((s) =>
      inKpiScope(s, { propertyId: PROPERTY, ...scope, from: before.from, to: before.to }),
    ).length;
    let row: Row;
    try {
      const got = pick(await call(query, { p: PROPERTY }));
      const trend = got.trend as { previous: { responses: number } };
      if (
        got.surveys !== expected.surveys ||
        got.responses !== expected.responses ||
        got.satisfied !== expected.satisfied ||
        Math.abs((got.averageScore as number) - (expected.averageScore ?? 0)) > 1e-9 ||
        (expectedPrevious === 0 && trend.previous.responses !== 0)
      )
        throw new ReferenceMismatch(
          `${name}: got ${JSON.stringify(got)}, the reference says ${JSON.stringify(expected)}`,
        );
      for (let i = 0; i < WARM_UP; i++) await call(query, { p: PROPERTY });
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const began = performance.now();
        await call(query, { p: PROPERTY });
        times.push(performance.now() - began);
      }
      const sorted = [...times].sort((a, b) => a - b);
      row = {
        query: name,
        runs,
        counted: expected.surveys,
        p50Ms: Number(percentile(sorted, 50).toFixed(1)),
        p99Ms: Number(percentile(sorted, 99).toFixed(1)),
        meanMs: Number((times.reduce((a, b) => a + b, 0) / times.length).toFixed(1)),
      };
    } catch (error) {
      // A scope no index counts may outlast the gateway's subgraph timeout: say so and go on
      // (a wrong answer is no timing at all: it stops the bench).
      if (error instanceof ReferenceMismatch) throw error;
      row = { query: name, runs: 0, counted: expected.surveys, p50Ms: NaN, p99Ms: NaN, meanMs: NaN };
      row.error = String(error).slice(0, 300);
    }
    rows.push(row);
    log(JSON.stringify(row));
  }

  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const backend = infraOptions.mongoBackend;
  const table = [
    `Satisfaction KPI through the gateway: one property, ${RESPONSES.toLocaleString('en-US')} responses ` +
      `(${surveys.length.toLocaleString('en-US')} surveys), Mongo launcher ${backend}, sequential calls ` +
      `after ${WARM_UP} warm-up; target p50 <= 200 ms; load average at the end ${load}`,
    '',
    '| query | surveys counted | calls | p50 ms | p99 ms | mean ms |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) =>
      r.error
        ? `| ${r.query} | ${r.counted.toLocaleString('en-US')} | failed | ${r.error.replace(/\|/g, '/')} | | |`
        : `| ${r.query} | ${r.counted.toLocaleString('en-US')} | ${r.runs} | ${r.p50Ms} | ${r.p99Ms} | ${r.meanMs} |`,
    ),
  ].join('\n');
  console.log(`\n${table}\n`);
  const at = new Date().toISOString();
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  const stem = `${ROOT}bench/results/surveys-kpi-${at.replace(/[:.]/g, '-')}`;
  writeFileSync(
    `${stem}.json`,
    `${JSON.stringify({ at, responses: RESPONSES, surveys: surveys.length, backend, runs: RUNS, load, rows }, null, 2)}\n`,
  );
  writeFileSync(`${stem}.md`, `${table}\n`);
  log(`wrote ${stem}.json and .md`);
} catch (error) {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => log(String(error)));
}
process.exit(exitCode);
