import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { IDEMPOTENCY_KEYS_COLLECTION, idempotencyScopeOf, TOPICS } from '@courtyard/kernel';
import { EventTap } from '../support/events.js';
import { errorCodes, gql, tokenFor, type GraphQLResponse } from '../support/graphql.js';
import { withDatabase } from '../support/mongo.js';
import { CREATE_FEE_SCHEDULE, feeAdministrator, propertyFee } from '../support/billing.js';
import { REGISTER_FACILITY } from '../support/facilities.js';
import { createProperty, REGISTER_RESIDENT } from '../support/residents.js';
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
    for (const topic of [TOPICS.residents, TOPICS.workOrders, TOPICS.facilities]) {
      taps.set(topic, await EventTap.start(topic));
    }
    propertyId = (await createProperty()).id;
    await untilWorkOrdersKnows(propertyId);
  });
  afterAll(async () => {
    await Promise.all([...taps.values()].map((tap) => tap.stop()));
  });

  const gm = () => tokenFor('GENERAL_MANAGER');
  let years = 0;
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

  it('a crash between the write and recording the result cannot create a second record', async () => {
    const subject = `desk-${randomUUID().slice(0, 8)}`;
    const token = await tokenFor('GENERAL_MANAGER', { sub: subject });
    const key = newKey();
    const variables = {
      input: { propertyId, name: `Crash ${randomUUID().slice(0, 6)}`, kind: 'OWNER', phone: '13800006666' },
    };
    const first = idOf((await gql(REGISTER_RESIDENT, variables, keyed(key, token))) as never);
    // As if the process died after the write: the key is still pending, its attempt's lease over.
    await withDatabase('residents', (db) =>
      db
        .collection<{ _id: string }>(IDEMPOTENCY_KEYS_COLLECTION)
        .updateOne(
          { _id: idempotencyScopeOf({ subject, role: 'GENERAL_MANAGER', propertyIds: ['*'] }, key) },
          { $set: { state: 'pending', leaseUntil: new Date(0) }, $unset: { response: '' } },
        ),
    );
    const retry = await gql(REGISTER_RESIDENT, variables, keyed(key, token));
    // It runs again with the same key-derived ids: the first record's `_id` stops it, and the
    // client is told which record its lost answer was about.
    expect(errorCodes(retry)).toEqual(['CONFLICT']);
    expect(retry.errors?.[0]?.extensions).toMatchObject({
      reason: 'IDEMPOTENCY_KEY_ALREADY_APPLIED',
      details: { collection: 'residents', id: first },
    });
    expect(await count('residents', 'residents', { propertyId, name: variables.input.name })).toBe(1);
  });
});
