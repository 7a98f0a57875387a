import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { IDEMPOTENCY_KEYS_COLLECTION, TOPICS } from '@courtyard/kernel';
import { EventTap } from '../support/events.js';
import { errorCodes, gql, tokenFor, type GraphQLResponse } from '../support/graphql.js';
import { withDatabase } from '../support/mongo.js';
import { CREATE_FEE_SCHEDULE, feeAdministrator, propertyFee } from '../support/billing.js';
import { REGISTER_FACILITY } from '../support/facilities.js';
import {
  createBuilding,
  createProperty,
  createUnit,
  moveIn,
  MOVE_IN,
  REGISTER_RESIDENT,
  registerResident,
} from '../support/residents.js';
import { eventually } from '../support/subgraph.js';
import { RECORD, repairInput, untilWorkOrdersKnows } from '../support/work-orders.js';

const CREATE_TEMPLATE = /* GraphQL */ `
  mutation CreateTemplate($input: CreateSurveyTemplateInput!) {
    createSurveyTemplate(input: $input) {
      surveyTemplate {
        id
        name
        currentVersion
      }
    }
  }
`;

/** With its times: a re-run that answered the plan it decided again would show its own. */
const CREATE_MAINTENANCE_PLAN = /* GraphQL */ `
  mutation CreateMaintenancePlan($input: CreateMaintenancePlanInput!) {
    createMaintenancePlan(input: $input) {
      plan {
        id
        name
        recurrence {
          kind
        }
        createdAt
        updatedAt
      }
    }
  }
`;

const PUBLISH_RESULTS = /* GraphQL */ `
  mutation PublishResults($input: PublishSatisfactionResultsInput!) {
    publishSatisfactionResults(input: $input) {
      results {
        id
        periodKind
        from
        to
        publishedAt
      }
    }
  }
`;

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitHelpRequestInput!) {
    submitHelpRequest(input: $input) {
      helpRequest {
        id
      }
    }
  }
`;
const COMMENT = /* GraphQL */ `
  mutation Comment($input: AddHelpRequestCommentInput!) {
    addHelpRequestComment(input: $input) {
      helpRequest {
        id
        comments {
          text
          attachments
        }
      }
    }
  }
`;
const COMMENTS = /* GraphQL */ `
  query Comments($id: ID!) {
    helpRequest(id: $id) {
      comments {
        text
      }
    }
  }
`;

const newKey = () => `retry-${randomUUID()}`;
const keyed = (key: string, token: string) => ({ token, headers: { 'idempotency-key': key } });
const count = (database: string, collection: string, filter: Record<string, unknown>) =>
  withDatabase(database, (db) => db.collection(collection).countDocuments(filter));

/** The created record's id in a mutation's payload (`{ <mutation>: { <record>: { id } } }`). */
const idOf = (result: GraphQLResponse<Record<string, Record<string, { id: string }>>>): string => {
  const payload = Object.values(result.data ?? {})[0];
  const id = payload && Object.values(payload)[0]?.id;
  if (!id) throw new Error(`no record in ${JSON.stringify(result)}`);
  return id;
};

interface CreateCase {
  name: string;
  query: string;
  input: () => Record<string, unknown>;
  token: () => Promise<string>;
  database: string;
  collection: string;
  /** The event the create publishes (none for a draft fee schedule or a template). */
  event?: { topic: string; type: string };
}

describe('idempotency keys: a create retried with the same Idempotency-Key returns the first result and creates nothing', () => {
  let propertyId: string;
  const taps = new Map<string, EventTap>();

  beforeAll(async () => {
    for (const topic of [TOPICS.residents, TOPICS.workOrders, TOPICS.facilities, TOPICS.surveys]) {
      taps.set(topic, await EventTap.start(topic));
    }
    propertyId = (await createProperty()).id;
    await untilWorkOrdersKnows(propertyId);
    // Its maintenance plans need facilities to know it (its default plans are stored by then).
    await eventually(async () => (await count('facilities', 'properties', { _id: propertyId })) === 1);
  });
  afterAll(async () => {
    await Promise.all([...taps.values()].map((tap) => tap.stop()));
  });

  const gm = () => tokenFor('GENERAL_MANAGER');
  let years = 0;
  let days = 0;
  const cases: CreateCase[] = [
    {
      name: 'residents: registerResident',
      query: REGISTER_RESIDENT,
      input: () => ({
        propertyId,
        name: `Retry ${randomUUID().slice(0, 6)}`,
        kind: 'OWNER',
        phone: '13800001111',
      }),
      token: gm,
      database: 'residents',
      collection: 'residents',
      event: { topic: TOPICS.residents, type: 'resident.registered.v1' },
    },
    {
      name: 'work-orders: recordHelpRequest',
      query: RECORD,
      input: () => repairInput(propertyId, { description: `Leak ${randomUUID()}` }),
      token: gm,
      database: 'work_orders',
      collection: 'help_requests',
      event: { topic: TOPICS.workOrders, type: 'workorder.received.v1' },
    },
    {
      name: 'facilities: registerFacility',
      query: REGISTER_FACILITY,
      input: () => ({
        propertyId,
        area: 'Lobby',
        name: 'Elevator R',
        type: 'ELEVATOR',
        assetTag: `EL-${randomUUID().slice(0, 8)}`,
        criticality: 'HIGH',
      }),
      token: gm,
      database: 'facilities',
      collection: 'facilities',
      event: { topic: TOPICS.facilities, type: 'facility.registered.v1' },
    },
    {
      name: 'billing: createFeeSchedule',
      query: CREATE_FEE_SCHEDULE,
      input: () => ({
        propertyId,
        effectiveFrom: `${2030 + (years += 1)}-01-01`,
        billingCycle: 'QUARTERLY',
        items: [propertyFee(300)],
      }),
      token: () => feeAdministrator(propertyId),
      database: 'billing',
      collection: 'fee_schedules',
    },
    {
      name: 'surveys: createSurveyTemplate',
      query: CREATE_TEMPLATE,
      input: () => ({
        propertyId,
        name: `Retried ${randomUUID().slice(0, 6)}`,
        purpose: 'GENERAL',
        questions: [{ id: 'overall', kind: 'SCORE', text: 'How was it?' }],
      }),
      token: gm,
      database: 'surveys',
      collection: 'survey_templates',
    },
    {
      name: 'facilities: createMaintenancePlan',
      query: CREATE_MAINTENANCE_PLAN,
      input: () => ({
        propertyId,
        facilityType: 'ELEVATOR',
        name: `Rope inspection ${randomUUID().slice(0, 6)}`,
        recurrence: 'MONTHLY',
      }),
      token: gm,
      database: 'facilities',
      collection: 'maintenance_plans',
    },
    {
      name: 'surveys: publishSatisfactionResults',
      query: PUBLISH_RESULTS,
      // One past day per publication: its id derives from the property and the period.
      input: () => {
        const from = new Date(Date.UTC(2025, 0, 1) + (days += 1) * 86_400_000);
        return {
          propertyId,
          from: from.toISOString(),
          to: new Date(from.getTime() + 86_400_000).toISOString(),
        };
      },
      token: gm,
      database: 'surveys',
      collection: 'satisfaction_results',
      event: { topic: TOPICS.surveys, type: 'satisfaction_results.published.v1' },
    },
  ];

  it.each(cases)('$name: the retry answers the first result; one document, one event', async (create) => {
    const token = await create.token();
    const key = newKey();
    const variables = { input: create.input() };
    const existing = await count(create.database, create.collection, { propertyId });
    const first = await gql(create.query, variables, keyed(key, token));
    expect(first.errors).toBeUndefined();
    const id = idOf(first as never);

    const retry = await gql(create.query, variables, keyed(key, token));
    expect(retry).toEqual(first);
    expect(await count(create.database, create.collection, { _id: id })).toBe(1);
    expect(await count(create.database, create.collection, { propertyId })).toBe(existing + 1);

    // The same key with another request is refused, and writes nothing.
    const before = await count(create.database, create.collection, { propertyId });
    const other = await gql(create.query, { input: create.input() }, keyed(key, token));
    expect(errorCodes(other)).toEqual(['CONFLICT']);
    expect(other.errors?.[0]?.extensions).toMatchObject({ reason: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await count(create.database, create.collection, { propertyId })).toBe(before);

    if (create.event) {
      // A later create without a key is the marker: once its event is read, a second event of
      // the retried record would have been read before it.
      const tap = taps.get(create.event.topic)!;
      const marker = idOf((await gql(create.query, { input: create.input() }, { token })) as never);
      await tap.waitFor((event) => event.subject === marker && event.type === create.event!.type);
      expect(
        tap.events.filter((event) => event.subject === id && event.type === create.event!.type),
      ).toHaveLength(1);
    }
  });

  it('keys are per caller: the same key from another caller is its own request', async () => {
    const key = newKey();
    const input = () => ({
      propertyId,
      name: `Caller ${randomUUID().slice(0, 6)}`,
      kind: 'TENANT',
      phone: '13800002222',
    });
    const one = await gql(REGISTER_RESIDENT, { input: input() }, keyed(key, await gm()));
    const two = await gql(REGISTER_RESIDENT, { input: input() }, keyed(key, await gm()));
    expect(one.errors).toBeUndefined();
    expect(two.errors).toBeUndefined();
    expect(idOf(one as never)).not.toEqual(idOf(two as never));
  });

  it('concurrent twins under one key create one record and both get it', async () => {
    const token = await gm();
    const key = newKey();
    const variables = {
      input: { propertyId, name: `Twin ${randomUUID().slice(0, 6)}`, kind: 'OWNER', phone: '13800003333' },
    };
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => gql(REGISTER_RESIDENT, variables, keyed(key, token))),
    );
    const created = answers.filter((answer) => !answer.errors);
    // A twin still running after the wait is told to retry, never given a second record.
    for (const answer of answers.filter((a) => a.errors)) {
      expect(answer.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'IDEMPOTENCY_KEY_IN_PROGRESS',
      });
    }
    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created.map((answer) => idOf(answer as never))).size).toBe(1);
    expect(await count('residents', 'residents', { propertyId, name: variables.input.name })).toBe(1);
  });

  it('a malformed key is refused before anything runs', async () => {
    const name = `Bad key ${randomUUID().slice(0, 6)}`;
    const result = await gql(
      REGISTER_RESIDENT,
      { input: { propertyId, name, kind: 'OWNER', phone: '13800004444' } },
      keyed('short', await gm()),
    );
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions).toMatchObject({ reason: 'IDEMPOTENCY_KEY_INVALID' });
    expect(await count('residents', 'residents', { propertyId, name })).toBe(0);
  });

  it('a failed attempt records nothing: the retry with the key runs again', async () => {
    const token = await gm();
    const key = newKey();
    const bad = await gql(
      REGISTER_RESIDENT,
      { input: { propertyId, name: 'x'.repeat(101), kind: 'OWNER', phone: '13800005555' } },
      keyed(key, token),
    );
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    const fixed = await gql(
      REGISTER_RESIDENT,
      {
        input: { propertyId, name: `Fixed ${randomUUID().slice(0, 6)}`, kind: 'OWNER', phone: '13800005555' },
      },
      keyed(key, token),
    );
    expect(fixed.errors).toBeUndefined();
  });

  /**
   * As if the subgraph died after its write and before recording the answer under the key: the
   * key is still pending and its attempt's lease is over (what a retry finds after the lease).
   */
  const crashBeforeComplete = (database: string, key: string) =>
    withDatabase(database, (db) =>
      db
        .collection<{ key: string }>(IDEMPOTENCY_KEYS_COLLECTION)
        .updateOne(
          { key },
          { $set: { state: 'pending', leaseUntil: new Date(0) }, $unset: { response: '' } },
        ),
    ).then((result) => expect(result.matchedCount).toBe(1));

  it.each(cases)(
    '$name: a retry after a crash between the write and recording the answer gets the first answer, and creates and publishes nothing',
    async (create) => {
      const token = await create.token();
      const key = newKey();
      const variables = { input: create.input() };
      const first = await gql(create.query, variables, keyed(key, token));
      expect(first.errors).toBeUndefined();
      const id = idOf(first as never);
      const before = await count(create.database, create.collection, { propertyId });

      await crashBeforeComplete(create.database, key);
      // It runs again with the same key-derived ids, meets the first record on its `_id`, and
      // answers with it: the same record, id, number and all.
      const retry = await gql(create.query, variables, keyed(key, token));
      expect(retry).toEqual(first);
      expect(await count(create.database, create.collection, { _id: id })).toBe(1);
      expect(await count(create.database, create.collection, { propertyId })).toBe(before);
      // That answer is now recorded: a third try is a plain replay.
      expect(await gql(create.query, variables, keyed(key, token))).toEqual(first);

      const marker = idOf((await gql(create.query, { input: create.input() }, { token })) as never);
      if (create.name.startsWith('work-orders')) {
        // The re-run took no number of the register: the next request has the next number.
        const numberOf = (result: GraphQLResponse<unknown>) =>
          Number(JSON.stringify(result.data).match(/WO-\d{4}-(\d{6})/)![1]);
        const next = await withDatabase(create.database, (db) =>
          db.collection<{ _id: string; number: string }>(create.collection).findOne({ _id: marker }),
        );
        expect(Number(next!.number.split('-')[2])).toBe(numberOf(first) + 1);
      }
      if (create.event) {
        const tap = taps.get(create.event.topic)!;
        await tap.waitFor((event) => event.subject === marker && event.type === create.event!.type);
        expect(
          tap.events.filter((event) => event.subject === id && event.type === create.event!.type),
        ).toHaveLength(1);
      }
    },
  );
  it('residents: a first moveIn retried after a crash between the write and recording the answer gets the first household; one household, one event', async () => {
    const token = await gm();
    const buildingId = (await createBuilding(propertyId, 'Retry court')).id;
    const unitId = (await createUnit(buildingId, `R-${randomUUID().slice(0, 6)}`)).id;
    const markerUnit = (await createUnit(buildingId, `M-${randomUUID().slice(0, 6)}`)).id;
    const residentId = (await registerResident(propertyId, 'Lin Retry', '13800006666')).id;
    const key = newKey();
    const variables = { input: { unitId, residentId, relation: 'OWNER', movedInOn: '2026-03-01' } };
    const first = await gql<{ moveIn: { household: { id: string } } }>(MOVE_IN, variables, keyed(key, token));
    expect(first.errors).toBeUndefined();
    const householdId = first.data!.moveIn.household.id;

    await crashBeforeComplete('residents', key);
    // It reads the household its first attempt created, with the resident in it: that is the answer.
    const retry = await gql(MOVE_IN, variables, keyed(key, token));
    expect(retry).toEqual(first);
    expect(await count('residents', 'households', { unitId })).toBe(1);
    expect(await gql(MOVE_IN, variables, keyed(key, token))).toEqual(first);

    const tap = taps.get(TOPICS.residents)!;
    const marker = await gql<{ moveIn: { household: { id: string } } }>(
      MOVE_IN,
      { input: { ...variables.input, unitId: markerUnit } },
      { token },
    );
    const markerId = marker.data!.moveIn.household.id;
    await tap.waitFor((event) => event.subject === markerId && event.type === 'resident.moved_in.v1');
    expect(
      tap.events.filter((event) => event.subject === householdId && event.type === 'resident.moved_in.v1'),
    ).toHaveLength(1);
  });

  it('work-orders: a comment retried after a crash between the write and recording the answer is added once, and the retry is told the first attempt applied it', async () => {
    const buildingId = (await createBuilding(propertyId, 'Comment court')).id;
    const unitId = (await createUnit(buildingId, `C-${randomUUID().slice(0, 6)}`)).id;
    const residentId = (await registerResident(propertyId, 'Wu Comment', '13800007777')).id;
    await moveIn(unitId, residentId);
    const resident = await tokenFor('RESIDENT', { residentId, sub: `resident-${residentId}` });
    const submitted = await gql<{ submitHelpRequest: { helpRequest: { id: string } } }>(
      SUBMIT,
      {
        input: {
          type: 'REPAIR',
          category: 'WATER_LEAK',
          channel: 'APP',
          description: `Drip ${randomUUID()}`,
          contactName: 'Wu Comment',
          contactPhone: '13800007777',
        },
      },
      { token: resident },
    );
    expect(submitted.errors).toBeUndefined();
    const id = submitted.data!.submitHelpRequest.helpRequest.id;
    const key = newKey();
    const variables = {
      input: { id, text: 'It drips on the floor now', attachments: ['https://photos.example/floor.jpg'] },
    };
    const first = await gql(COMMENT, variables, keyed(key, resident));
    expect(first.errors).toBeUndefined();

    await crashBeforeComplete('work_orders', key);
    // It decides again on the request its first attempt already commented on: nothing is written.
    const retry = await gql(COMMENT, variables, keyed(key, resident));
    expect(errorCodes(retry)).toEqual(['CONFLICT']);
    expect(retry.errors?.[0]?.extensions).toMatchObject({ reason: 'IDEMPOTENCY_KEY_ALREADY_APPLIED' });
    // Stable: the refusal is now the key's answer, and every later try gets it back.
    expect(await gql(COMMENT, variables, keyed(key, resident))).toEqual(retry);
    const read = await gql<{ helpRequest: { comments: Array<{ text: string }> } }>(
      COMMENTS,
      { id },
      { token: resident },
    );
    expect(read.data!.helpRequest.comments).toEqual([{ text: 'It drips on the floor now' }]);

    // A later comment without attachments is the marker: on the request's own partition, a second
    // event of the retried comment would have been read before it.
    const tap = taps.get(TOPICS.workOrders)!;
    expect(
      (await gql(COMMENT, { input: { id, text: 'Marker' } }, { token: resident })).errors,
    ).toBeUndefined();
    const commentOf = (event: { subject?: string; type: string; data?: unknown }, attachments: number) =>
      event.subject === id &&
      event.type === 'workorder.comment_added.v1' &&
      (event.data as { attachmentCount?: number }).attachmentCount === attachments;
    await tap.waitFor((event) => commentOf(event, 0));
    expect(tap.events.filter((event) => commentOf(event, 1))).toHaveLength(1);
  });
});
