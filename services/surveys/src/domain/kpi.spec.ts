import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import siftModule from 'sift';
import {
  EMPTY_TALLY,
  inKpiScope,
  kpiView,
  tallyOf,
  kpiFilter,
  MINIMUM_SAMPLE,
  satisfactionKpi,
  type KpiSample,
  type KpiScope,
} from './kpi.js';

const matches = (filter: object, doc: object): boolean => siftModule.default(filter)(doc);

/** A small deterministic generator (mulberry32), so the data set is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROPERTIES = ['p1', 'p2', 'p3'];
const CATEGORIES = ['WATER_LEAK', 'ELECTRICAL', 'DOOR_LOCK', null];
const TECHNICIANS = ['t1', 't2', 't3', 't4'];
const TEAMS = ['ENGINEERING', 'ENVIRONMENT', 'CUSTOMER_SERVICE', null] as const;
const START = Date.parse('2026-01-01T00:00:00Z');
const YEAR_MS = 365 * 24 * 3600 * 1000;

function generate(n: number, seed = 7): KpiSample[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: n }, () => {
    const answered = next() < 0.7;
    const technicians = TECHNICIANS.filter(() => next() < 0.35);
    return {
      // Some December needs surveys among them, scored too: no figure may count them.
      measures: next() < 0.15 ? 'NEEDS' : 'SATISFACTION',
      propertyId: pick(PROPERTIES),
      category: pick(CATEGORIES),
      team: pick(TEAMS),
      technicianIds: technicians,
      openedAt: new Date(START + Math.floor(next() * YEAR_MS)),
      response: answered
        ? {
            channel: 'RESIDENT',
            answers: [],
            score: 1 + Math.floor(next() * 5),
            recordedById: null,
            note: null,
            at: new Date(START),
          }
        : null,
    } satisfies KpiSample;
  });
}

/** The figures computed another way: by grouping the scores, not by one running tally. */
function independently(samples: KpiSample[], scope: KpiScope) {
  const counted = samples.filter(
    (s) =>
      s.measures !== 'NEEDS' &&
      s.openedAt >= scope.from &&
      s.openedAt < scope.to &&
      (!scope.propertyId || s.propertyId === scope.propertyId) &&
      (!scope.category || s.category === scope.category) &&
      (!scope.team || s.team === scope.team) &&
      (!scope.technicianId || s.technicianIds.some((t) => t === scope.technicianId)),
  );
  const histogram = [0, 0, 0, 0, 0, 0];
  for (const s of counted) if (s.response?.score) histogram[s.response.score]! += 1;
  const responses = histogram.reduce((a, b) => a + b, 0);
  const satisfied = histogram[4]! + histogram[5]!;
  const weighted = histogram.reduce((sum, count, score) => sum + count * score, 0);
  return {
    surveys: counted.length,
    responses,
    satisfied,
    satisfactionRate: responses ? satisfied / responses : null,
    averageScore: responses ? weighted / responses : null,
    responseRate: counted.length ? responses / counted.length : null,
    significant: responses >= MINIMUM_SAMPLE,
  };
}

const quarter = (q: number) => ({
  from: new Date(Date.UTC(2026, 3 * q, 1)),
  to: new Date(Date.UTC(2026, 3 * q + 3, 1)),
});

describe('satisfaction KPIs', () => {
  const data = generate(5000);
  const scopes: Array<[string, KpiScope]> = [
    ['the whole year', { from: new Date(START), to: new Date(START + YEAR_MS) }],
    ...[0, 1, 2, 3].flatMap((q) =>
      PROPERTIES.map((p): [string, KpiScope] => [`${p}, Q${q + 1}`, { propertyId: p, ...quarter(q) }]),
    ),
    ...CATEGORIES.filter((c): c is string => c !== null).map((c): [string, KpiScope] => [
      `${c} at p1, Q2`,
      { propertyId: 'p1', category: c, ...quarter(1) },
    ]),
    ...(['ENGINEERING', 'ENVIRONMENT', 'CUSTOMER_SERVICE'] as const).map((team): [string, KpiScope] => [
      `team ${team} at p2, H1`,
      { propertyId: 'p2', team, from: quarter(0).from, to: quarter(1).to },
    ]),
    ...TECHNICIANS.map((t): [string, KpiScope] => [
      `technician ${t}, Q3`,
      { technicianId: t, ...quarter(2) },
    ]),
    [
      'technician t2 at p3 in one week',
      {
        technicianId: 't2',
        propertyId: 'p3',
        from: new Date('2026-05-04T00:00:00Z'),
        to: new Date('2026-05-11T00:00:00Z'),
      },
    ],
  ];

  it.each(scopes)(
    '%s: the arithmetic on a generated data set matches an independent computation',
    (_, scope) => {
      const figures = satisfactionKpi(
        data.filter((s) => inKpiScope(s, scope)),
        scope,
      );
      const expected = independently(data, scope);
      expect(figures).toMatchObject({
        surveys: expected.surveys,
        responses: expected.responses,
        satisfied: expected.satisfied,
        significant: expected.significant,
        target: 0.9,
        minimumSample: MINIMUM_SAMPLE,
      });
      for (const key of ['satisfactionRate', 'averageScore', 'responseRate'] as const) {
        if (expected[key] === null) expect(figures[key]).toBeNull();
        else expect(figures[key]).toBeCloseTo(expected[key], 12);
      }
      expect(figures.meetsTarget).toBe(
        expected.satisfactionRate === null ? null : expected.satisfactionRate >= 0.9,
      );
    },
  );

  it.each(scopes)('%s: the MongoDB filter counts exactly the surveys the predicate does', (_, scope) => {
    const filter = kpiFilter(scope);
    expect(data.some((sample) => inKpiScope(sample, scope))).toBe(true);
    // The data set has needs surveys inside the scope's other keys, and none of them is counted.
    const needs = data.filter((sample) => sample.measures === 'NEEDS');
    expect(needs.some((sample) => inKpiScope({ ...sample, measures: 'SATISFACTION' }, scope))).toBe(true);
    expect(needs.some((sample) => inKpiScope(sample, scope) || matches(filter, sample))).toBe(false);
    for (const sample of data.slice(0, 1500)) expect(matches(filter, sample)).toBe(inKpiScope(sample, scope));
  });

  it('marks figures below the minimum sample as not significant, and has no rate without responses', () => {
    const period = quarter(0);
    const response = (score: number) => ({
      response: {
        channel: 'RESIDENT' as const,
        answers: [],
        score,
        recordedById: null,
        note: null,
        at: period.from,
      },
    });
    expect(satisfactionKpi([], period)).toMatchObject({
      surveys: 0,
      responses: 0,
      satisfactionRate: null,
      averageScore: null,
      responseRate: null,
      meetsTarget: null,
      significant: false,
    });
    const few = [response(5), response(4), response(3), { response: null }];
    expect(satisfactionKpi(few, period)).toMatchObject({
      surveys: 4,
      responses: 3,
      satisfied: 2,
      averageScore: 4,
      responseRate: 0.75,
      meetsTarget: false,
      significant: false,
    });
    const enough = Array.from({ length: MINIMUM_SAMPLE }, (_, i) => response(i < 27 ? 5 : 1));
    expect(satisfactionKpi(enough, period)).toMatchObject({
      satisfactionRate: 0.9,
      meetsTarget: true,
      significant: true,
    });
  });
});

describe('satisfaction KPIs, property-based', () => {
  const sampleArb = fc.record({
    score: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  });
  const options = fc.record({
    minimumSample: fc.integer({ min: 1, max: 60 }),
    target: fc.double({ min: 0.5, max: 1, noNaN: true }),
  });
  const period = quarter(2);

  it('for any set of answers, the figures equal a count written out here, and the trend their difference', () => {
    fc.assert(
      fc.property(
        fc.array(sampleArb, { maxLength: 200 }),
        fc.array(sampleArb, { maxLength: 200 }),
        options,
        (now, before, opts) => {
          const asSamples = (list: Array<{ score: number | null }>) =>
            list.map(({ score }) => ({
              response:
                score === null
                  ? null
                  : {
                      channel: 'PHONE' as const,
                      answers: [],
                      score,
                      recordedById: 'd',
                      note: null,
                      at: period.from,
                    },
            }));
          const view = kpiView(
            { kind: 'QUARTER', label: '2026-Q3', ...period },
            tallyOf(asSamples(now)),
            { kind: 'QUARTER', label: '2026-Q2', ...quarter(1) },
            tallyOf(asSamples(before)),
            opts,
          );
          const expected = (list: Array<{ score: number | null }>) => {
            const scores = list.flatMap(({ score }) => (score === null ? [] : [score]));
            const happy = scores.filter((score) => score === 4 || score === 5).length;
            const rate = scores.length ? happy / scores.length : null;
            return {
              surveys: list.length,
              responses: scores.length,
              satisfied: happy,
              rate,
              average: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
              responseRate: list.length ? scores.length / list.length : null,
              significant: scores.length >= opts.minimumSample,
            };
          };
          const current = expected(now);
          const previous = expected(before);
          expect(view).toMatchObject({
            surveys: current.surveys,
            responses: current.responses,
            satisfied: current.satisfied,
            significant: current.significant,
            minimumSample: opts.minimumSample,
            meetsTarget: current.rate === null ? null : current.rate >= opts.target,
          });
          expect(view.satisfactionRate).toBe(current.rate);
          expect(view.responseRate).toBe(current.responseRate);
          if (current.average === null) expect(view.averageScore).toBeNull();
          else expect(view.averageScore).toBeCloseTo(current.average, 10);
          expect(view.gapToTarget).toBe(current.rate === null ? null : current.rate - opts.target);
          expect(view.trend?.previous).toMatchObject({
            responses: previous.responses,
            satisfactionRate: previous.rate,
            trend: null,
          });
          const change =
            current.rate === null || previous.rate === null ? null : current.rate - previous.rate;
          expect(view.trend?.satisfactionRateChange).toBe(change);
          expect(view.trend?.direction).toBe(
            change === null ? 'UNKNOWN' : change > 0 ? 'UP' : change < 0 ? 'DOWN' : 'FLAT',
          );
          expect(view.trend?.significant).toBe(current.significant && previous.significant);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('tallies add up: the tally of two sets is the sum of their tallies (what counters per bucket rely on)', () => {
    fc.assert(
      fc.property(fc.array(sampleArb), fc.array(sampleArb), (a, b) => {
        const samples = (list: Array<{ score: number | null }>) =>
          list.map(({ score }) => ({
            response:
              score === null
                ? null
                : {
                    channel: 'RESIDENT' as const,
                    answers: [],
                    score,
                    recordedById: null,
                    note: null,
                    at: period.from,
                  },
          }));
        const whole = tallyOf([...samples(a), ...samples(b)]);
        const [x, y] = [tallyOf(samples(a)), tallyOf(samples(b))];
        expect(whole).toEqual({
          surveys: x.surveys + y.surveys,
          scores: x.scores.map((n, i) => n + y.scores[i]!),
        });
      }),
    );
  });

  it('reads the figures of an empty period as no rate, unknown trend, not significant', () => {
    const view = kpiView(
      { kind: 'MONTH', label: '2026-11', ...period },
      EMPTY_TALLY,
      { kind: 'MONTH', label: '2026-10', ...period },
      EMPTY_TALLY,
    );
    expect(view).toMatchObject({
      surveys: 0,
      satisfactionRate: null,
      gapToTarget: null,
      significant: false,
      trend: {
        direction: 'UNKNOWN',
        satisfactionRateChange: null,
        responseRateChange: null,
        significant: false,
      },
    });
  });
});
