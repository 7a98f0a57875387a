import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import { AggregateWriter, TOPICS } from '@courtyard/kernel';
import { createModels } from '../../services/surveys/src/repository/models.js';
import { SurveyExpiryStore } from '../../services/surveys/src/repository/expiry.repository.js';
import { surveyExpiry } from '../../services/surveys/src/scheduler/survey-expiry.js';
import { EventTap } from '../support/events.js';
import { gqlOk, tokenFor } from '../support/graphql.js';
import { createProperty, registerResident } from '../support/residents.js';
import { ANSWER, refusalOf, resolvedRepair, untilSurveyOpened } from '../support/surveys.js';
import { registerStaff } from '../support/work-orders.js';

/**
 * Expiry is driven by the scheduler's tick with the test's clock: two schedulers, as two
 * instances of the service would, tick against the suite's own surveys database; the suite's
 * surveys service relays what they wrote and answers through the gateway.
 */
describe('surveys: an unanswered survey expires, once, through the gateway', () => {
  let tap: EventTap;
  let connection: mongoose.Connection;
  beforeAll(async () => {
    tap = await EventTap.start(TOPICS.surveys);
    connection = await mongoose.createConnection(process.env.MONGO_URL!, { dbName: 'surveys' }).asPromise();
  });
  afterAll(async () => {
    await tap.stop();
    await connection.close();
  });

  it('after its expiry a survey reads EXPIRED, refuses answers, and survey.expired.v1 is published once', async () => {
    const propertyId = (await createProperty()).id;
    const residentId = (await registerResident(propertyId, 'Wang Fang', '13911112222')).id;
    const resident = await tokenFor('RESIDENT', { residentId, properties: [] });
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    const tech = await registerStaff(propertyId, 'TECHNICIAN');
    const survey = await untilSurveyOpened(
      await resolvedRepair(propertyId, residentId, desk, tech),
      desk.token,
    );
    const { survey: opened } = await gqlOk<{ survey: { expiresAt: string; state: string } }>(
      `query ($id: ID!) { survey(id: $id) { expiresAt state } }`,
      { id: survey.id },
      { token: desk.token },
    );
    expect(opened.state).toBe('OPEN');

    const models = await createModels(connection);
    const instance = () => surveyExpiry(new SurveyExpiryStore(models, new AggregateWriter(() => undefined)));
    const expiresAt = new Date(opened.expiresAt);
    // Just before its due time nothing happens to it.
    await instance().tick(new Date(expiresAt.getTime() - 1000));
    const still = await gqlOk<{ survey: { state: string } }>(
      `query ($id: ID!) { survey(id: $id) { state } }`,
      { id: survey.id },
      { token: desk.token },
    );
    expect(still.survey.state).toBe('OPEN');

    // Two instances tick at once, then one again: the survey is expired by exactly one write.
    const now = new Date(expiresAt.getTime() + 1000);
    const ticks = await Promise.all([instance().tick(now), instance().tick(now)]);
    const again = await instance().tick(now);
    const mine = await models.Survey.collection.findOne({ _id: survey.id } as never);
    expect(mine).toMatchObject({ state: 'EXPIRED' });
    expect(ticks.reduce((sum, t) => sum + t.expired, 0)).toBeGreaterThanOrEqual(1);
    expect(again.expired).toBe(0);

    const expired = await tap.waitFor((e) => e.type === 'survey.expired.v1' && e.subject === survey.id);
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({
      propertyid: propertyId,
      data: {
        surveyId: survey.id,
        respondentId: residentId,
        expiresAt: opened.expiresAt,
        expiredAt: now.toISOString(),
      },
    });

    // What the resident and staff see now.
    const { survey: read } = await gqlOk<{ survey: { state: string; response: unknown } }>(
      `query ($id: ID!) { survey(id: $id) { state response { score } } }`,
      { id: survey.id },
      { token: desk.token },
    );
    expect(read).toEqual({ state: 'EXPIRED', response: null });
    const refused = await refusalOf(
      ANSWER,
      { input: { surveyId: survey.id, answers: [{ questionId: 'overall', score: 5 }] } },
      resident,
    );
    expect(refused).toMatchObject({ code: 'CONFLICT', reason: 'SURVEY_EXPIRED' });
    // After the relay has published the expiry, still one event for this survey.
    await tap.waitFor((e) => e.type === 'survey.expired.v1' && e.subject === survey.id);
    expect(tap.matching((e) => e.type === 'survey.expired.v1' && e.subject === survey.id)).toHaveLength(1);
  });
});
