import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { systemActor, AggregateWriter, TOPICS } from '@courtyard/kernel';
import { planBatch, registerYearOf, startOfYearIn } from '../../services/work-orders/src/domain/register.js';
import { RegisterStore } from '../../services/work-orders/src/repository/register.repository.js';
import { EventTap, type TappedEvent } from '../support/events.js';
import { gql, gqlOk } from '../support/graphql.js';
import { createProperty } from '../support/residents.js';
import { startTestRegisterJob } from '../support/sla-scheduler.js';
import { act, recordHelpRequest, registerStaff, repairInput } from '../support/work-orders.js';

const ZONE = 'Asia/Shanghai'; // the zone createProperty gives a property
const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);
const YEAR = registerYearOf(new Date(), ZONE);
/** Ten past midnight on New Year's Day after this year, and the same two years later. */
const NEW_YEAR = minutes(startOfYearIn(YEAR + 1, ZONE), 10);
const RETENTION_OVER = minutes(startOfYearIn(YEAR + 3, ZONE), 10);

const REGISTER = /* GraphQL */ `
  query ($p: ID!, $y: Int!, $after: String) {
    helpRequestRegister(propertyId: $p, year: $y) {
      year
      archivedCount
      anonymisedCount
      retainedUntil
      requests(first: 2, after: $after) {
        edges {
          node {
            id
            number
            contactName
            contactPhone
            description
            register {
              year
              archivedAt
              anonymisedAt
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
      statistics {
        requests
        clocks {
          kind
          met
          breached
          open
        }
        firstReply {
          count
          medianSeconds
        }
        resolution {
          count
        }
      }
      csv {
        fileName
        contentType
        rows
        content
      }
    }
  }
`;
interface RegisterView {
  helpRequestRegister: {
    year: number;
    archivedCount: number;
    anonymisedCount: number;
    retainedUntil: string;
    requests: {
      edges: Array<{
        node: {
          id: string;
          number: string;
          contactName: string;
          contactPhone: string;
          description: string;
          register: { year: number; archivedAt: string; anonymisedAt: string | null };
        };
      }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    statistics: unknown;
    csv: { fileName: string; contentType: string; rows: number; content: string };
  } | null;
}

/** A property whose work-orders knows it, its desk and director, and `n` requests referred elsewhere (finished). */
async function propertyWithFinishedRequests(n: number) {
  const propertyId = (await createProperty()).id;
  const desk = await registerStaff(propertyId, 'FRONT_DESK');
  const director = await registerStaff(propertyId, 'OFFICE_DIRECTOR');
  const finished: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const id = await recordHelpRequest(
      repairInput(propertyId, { contactName: `Li Wei ${i}`, contactPhone: `1381234000${i}` }),
      desk.token,
    );
    await act(
      'referHelpRequest',
      { id, department: 'Water company', residentToldAt: new Date().toISOString() },
      desk.token,
    );
    finished.push(id);
  }
  const open = await recordHelpRequest(repairInput(propertyId, { category: 'ELECTRICAL' }), desk.token);
  return { propertyId, desk, director, finished, open };
}

async function registerOf(propertyId: string, token: string) {
  const first = await gqlOk<RegisterView>(REGISTER, { p: propertyId, y: YEAR }, { token });
  const register = first.helpRequestRegister!;
  const nodes = register.requests.edges.map((e) => e.node);
  let page = register.requests.pageInfo;
  while (page.hasNextPage) {
    const next = await gqlOk<RegisterView>(
      REGISTER,
      { p: propertyId, y: YEAR, after: page.endCursor },
      { token },
    );
    nodes.push(...next.helpRequestRegister!.requests.edges.map((e) => e.node));
    page = next.helpRequestRegister!.requests.pageInfo;
  }
  return { register, nodes };
}

const ofRegister = (propertyId: string, type: string) => (e: TappedEvent) =>
  e.type === type && e.propertyid === propertyId;
const idsIn = (events: TappedEvent[]) =>
  events.flatMap((e) => (e.data as { helpRequestIds: string[] }).helpRequestIds).sort();

describe('work-orders: the help-request register (seed 002) and the SLA reports that fall due (injected clock, real servers)', () => {
  let tap: EventTap;
  let job: Awaited<ReturnType<typeof startTestRegisterJob>>;
  beforeAll(async () => {
    tap = await EventTap.start(TOPICS.workOrders);
    job = await startTestRegisterJob(2);
  });
  afterAll(async () => {
    await job.close();
    await tap.stop();
  });

  let estate: Awaited<ReturnType<typeof propertyWithFinishedRequests>>;
  let statisticsBefore: unknown;

  it('at New Year the finished requests of the year go into its register once; a second run does nothing more', async () => {
    estate = await propertyWithFinishedRequests(3);
    const { propertyId, director, finished, open } = estate;

    const lastEvening = await job.run(minutes(startOfYearIn(YEAR + 1, ZONE), -60), [propertyId]);
    expect(lastEvening.archived).toBe(0);
    const first = await job.run(NEW_YEAR, [propertyId]);
    expect(first).toMatchObject({
      archived: 3,
      registers: [{ propertyId, year: YEAR, archived: 3, anonymised: 0 }],
    });
    const again = await job.run(minutes(NEW_YEAR, 60), [propertyId]);
    expect(again).toMatchObject({ archived: 0, anonymised: 0, resumedBatches: 0 });

    // Batches of two: two announcements, each request in exactly one.
    const archived = await tap.waitFor(ofRegister(propertyId, 'register.archived.v1'), 2);
    expect(idsIn(archived)).toEqual([...finished].sort());
    expect(archived.map((e) => e.subject)).toEqual([`${propertyId}:${YEAR}`, `${propertyId}:${YEAR}`]);

    const { register, nodes } = await registerOf(propertyId, director.token);
    expect(register).toMatchObject({ year: YEAR, archivedCount: 3, anonymisedCount: 0 });
    expect(nodes.map((n) => n.id).sort()).toEqual([...finished].sort());
    expect(nodes.every((n) => n.register.year === YEAR && n.register.anonymisedAt === null)).toBe(true);
    statisticsBefore = register.statistics;

    // The request still open at New Year stays out, and stays workable.
    const { helpRequest } = await gqlOk<{ helpRequest: { register: unknown } }>(
      `query ($id: ID!) { helpRequest(id: $id) { register { year } } }`,
      { id: open },
      { token: director.token },
    );
    expect(helpRequest.register).toBeNull();

    // The run is on record.
    const { registerJobRuns } = await gqlOk<{
      registerJobRuns: Array<{ id: string; status: string; archived: number; registers: unknown[] }>;
    }>(
      `query { registerJobRuns(first: 100) { id status archived registers { propertyId year archived } } }`,
      {},
      {
        token: director.token,
      },
    );
    expect(registerJobRuns.find((run) => run.id === first._id)).toMatchObject({
      status: 'COMPLETED',
      archived: 3,
      registers: [{ propertyId, year: YEAR, archived: 3 }],
    });
  });

  it('an archived request is read-only: any command is refused with HELP_REQUEST_ARCHIVED', async () => {
    const { desk, finished } = estate;
    const refused = await gql(
      `mutation ($input: EscalateHelpRequestInput!) { escalateHelpRequest(input: $input) { helpRequest { id } } }`,
      { input: { id: finished[0], reason: 'still not fixed' } },
      { token: desk.token },
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'HELP_REQUEST_ARCHIVED',
    });
  });

  it('exports the register as CSV, for office staff only', async () => {
    const { propertyId, director, finished } = estate;
    const { register } = await registerOf(propertyId, director.token);
    expect(register.csv).toMatchObject({ contentType: 'text/csv; charset=utf-8', rows: 3 });
    expect(register.csv.fileName).toMatch(new RegExp(`^register-.+-${YEAR}\\.csv$`));
    const lines = register.csv.content
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(
      /^number,receivedAt,type,category,channel,urgent,state,contactName,contactPhone,/,
    );
    expect(lines).toHaveLength(4);
    const { nodes } = await registerOf(propertyId, director.token);
    for (const node of nodes) {
      expect(
        lines.some((line) => line.startsWith(`${node.number},`) && line.includes(node.contactPhone)),
      ).toBe(true);
    }
    expect(nodes.map((n) => n.id).sort()).toEqual([...finished].sort());

    const tech = await registerStaff(propertyId, 'TECHNICIAN');
    const refused = await gql(
      `query ($p: ID!, $y: Int!) { helpRequestRegister(propertyId: $p, year: $y) { csv { rows } } }`,
      { p: propertyId, y: YEAR },
      { token: tech.token },
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('two years on the personal data goes, once, and the statistics still match', async () => {
    const { propertyId, director, finished } = estate;
    const early = await job.run(minutes(RETENTION_OVER, -20), [propertyId]);
    expect(early.anonymised).toBe(0);
    const run = await job.run(RETENTION_OVER, [propertyId]);
    expect(run).toMatchObject({ anonymised: 3, archived: 0 });
    expect(await job.run(minutes(RETENTION_OVER, 60), [propertyId])).toMatchObject({
      anonymised: 0,
      archived: 0,
    });

    const anonymised = await tap.waitFor(ofRegister(propertyId, 'register.anonymised.v1'), 2);
    expect(idsIn(anonymised)).toEqual([...finished].sort());
    // Same key as the archive announcements, so every one of those published is in by now: still two.
    expect(tap.matching(ofRegister(propertyId, 'register.archived.v1'))).toHaveLength(2);

    const { register, nodes } = await registerOf(propertyId, director.token);
    expect(register).toMatchObject({ archivedCount: 3, anonymisedCount: 3 });
    expect(register.statistics).toEqual(statisticsBefore);
    for (const node of nodes) {
      expect(node).toMatchObject({
        contactName: '[anonymised]',
        contactPhone: '',
        description: '[anonymised]',
      });
      expect(node.register.anonymisedAt).not.toBeNull();
    }
    expect(register.csv.rows).toBe(3);
    expect(register.csv.content).not.toMatch(/Li Wei|1381234000/);
  });

  it('a run that stopped half-way is finished by the next, without announcing or archiving anything twice', async () => {
    const { propertyId, director, finished } = await propertyWithFinishedRequests(3);
    // What a crashed run leaves: a batch announced on the register, applied to one request of two.
    const store = new RegisterStore(job.models, new AggregateWriter(() => undefined));
    const context = { actor: systemActor('work-orders'), now: NEW_YEAR, newId: randomUUID };
    const register = await store.register(propertyId, YEAR, ZONE, NEW_YEAR);
    const candidates = await store.toArchive(propertyId, startOfYearIn(YEAR + 1, ZONE), 2);
    const planned = await store.plan(
      register,
      planBatch(
        register,
        'ARCHIVE',
        candidates.map((c) => c._id),
        'crashed-run',
        context,
      ),
    );
    await store.apply(planned, { ...planned.pending!, helpRequestIds: [candidates[0]!._id] });

    const resumed = await job.run(minutes(NEW_YEAR, 5), [propertyId]);
    expect(resumed).toMatchObject({ archived: 3, resumedBatches: 1 });
    expect(await job.run(minutes(NEW_YEAR, 6), [propertyId])).toMatchObject({
      archived: 0,
      resumedBatches: 0,
    });
    const archived = await tap.waitFor(ofRegister(propertyId, 'register.archived.v1'), 2);
    expect(idsIn(archived)).toEqual([...finished].sort());
    const { register: after } = await registerOf(propertyId, director.token);
    expect(after.archivedCount).toBe(3);
  });

  it('announces each SLA report once when it falls due, across a restart and two replicas; the query says the same', async () => {
    const propertyId = (await createProperty()).id;
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    await recordHelpRequest(repairInput(propertyId), desk.token);
    // 10:00 on the 11th of January after this year: December's and the fourth quarter's reports are
    // due (the 10th, or the next working day), and the weekly ones of the last Fridays.
    const january = minutes(startOfYearIn(YEAR + 1, ZONE), (10 * 24 + 10) * 60);
    const before = await job.dues(january, [propertyId]);
    expect(before.announced).toBeGreaterThan(1);
    await job.close(); // a restart
    job = await startTestRegisterJob(2);
    expect(await job.dues(january, [propertyId])).toEqual({ announced: 0 });
    expect(await job.dues(minutes(january, 60), [propertyId])).toEqual({ announced: 0 });
    // A week later two replicas look at once: the one new weekly report is announced once.
    const other = await startTestRegisterJob(2);
    const weekLater = minutes(january, 7 * 24 * 60);
    const both = await Promise.all([job.dues(weekLater, [propertyId]), other.dues(weekLater, [propertyId])]);
    await other.close();
    expect(both[0].announced + both[1].announced).toBeGreaterThanOrEqual(1);
    const total = before.announced + both[0].announced + both[1].announced;

    const events = await tap.waitFor(
      (e) => e.type === 'sla_report.due.v1' && e.propertyid === propertyId,
      total,
    );
    const ids = events.map((e) => (e.data as { reportId: string }).reportId);
    expect(new Set(ids).size).toBe(ids.length);
    const stored = await job.models.SlaReportDue.find({ propertyId }).lean();
    expect(stored.map((d) => String(d._id)).sort()).toEqual([...ids].sort());
    expect(stored).toHaveLength(total);

    const monthly = events.find((e) => (e.data as { kind: string }).kind === 'MONTHLY')!.data as {
      dueAt: string;
      periodStart: string;
      dueOn: string;
      requests: number;
    };
    expect(monthly.requests).toBe(1);
    const { slaReportsDue } = await gqlOk<{
      slaReportsDue: Array<{
        kind: string;
        periodStart: string;
        dueOn: string;
        report: { requests: number };
      }>;
    }>(
      `query ($p: ID!, $from: DateTime!, $to: DateTime!) {
        slaReportsDue(propertyId: $p, from: $from, to: $to) { kind periodStart dueOn report { requests } }
      }`,
      {
        p: propertyId,
        from: monthly.dueAt,
        to: new Date(new Date(monthly.dueAt).getTime() + 1).toISOString(),
      },
      { token: desk.token },
    );
    expect(slaReportsDue).toContainEqual({
      kind: 'MONTHLY',
      periodStart: monthly.periodStart,
      dueOn: monthly.dueOn,
      report: { requests: 1 },
    });
  });
});
