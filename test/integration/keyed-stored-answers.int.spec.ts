import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import {
  AggregateWriter,
  createLogger,
  inRequestScope,
  markCreatedUnder,
  ReactionAlreadyApplied,
  startTicking,
  systemActor,
  type CommandContext,
} from '@courtyard/kernel';
import { exampleEvent, feed } from '../support/handler-harness.js';
import {
  openSatisfactionSurvey,
  resolvedRequestDetails,
  satisfactionSurveyIdOf,
} from '../../services/surveys/src/domain/after-service.js';
import { scheduleOf } from '../../services/surveys/src/domain/call-backs.js';
import { DEFAULT_POST_SERVICE_TEMPLATE } from '../../services/surveys/src/domain/templates.js';
import { onWorkOrderResolved } from '../../services/surveys/src/events/consumers/workorder.resolved.v1.js';
import { AfterServiceSurveys } from '../../services/surveys/src/repository/after-service.repository.js';
import { CallBackStore } from '../../services/surveys/src/repository/call-backs.repository.js';
import { callBackSweep } from '../../services/surveys/src/scheduler/call-back-scheduler.js';
import { createModels as createSurveysModels } from '../../services/surveys/src/repository/models.js';
import type { SurveysModels } from '../../services/surveys/src/repository/models.js';
import type { HelpRequestRecord } from '../../services/work-orders/src/domain/records.js';
import { IncidentsRepository } from '../../services/work-orders/src/repository/incidents.repository.js';
import { createModels, type WorkOrdersModels } from '../../services/work-orders/src/repository/models.js';

/**
 * The creates a keyed request reaches beyond its own record, on the real MongoDB-wire server: a
 * complaint's incident, re-run under the same key after a crash, answers with what its first
 * attempt stored (its times, not the re-run's), written and announced once; a call-back sweep a
 * keyed request nudges is not part of that request. And the event-driven create: a redelivered
 * `workorder.resolved.v1` leaves the survey as stored, and `open` answers what it stored.
 */
describe('keyed re-runs answer the stored record (the creates behind a keyed request)', () => {
  const connections: mongoose.Connection[] = [];
  let workOrders: WorkOrdersModels;
  let surveys: SurveysModels;
  const notified: string[] = [];
  const writer = new AggregateWriter((_, id) => notified.push(id));
  /** One attempt of a keyed request: every write in `run` is made under `scope`'s key. */
  const underKey = <T>(scope: string, run: () => Promise<T>) =>
    inRequestScope(() => {
      markCreatedUnder(scope);
      return run();
    });
  const at = (now: Date): CommandContext => ({ actor: systemActor('test-desk'), now, newId: randomUUID });
  const outboxOf = async (collection: mongoose.Collection, id: string) =>
    ((await collection.findOne({ _id: id } as never)) as unknown as { outbox: Array<{ type: string }> })
      .outbox;

  beforeAll(async () => {
    const open = async (name: string) => {
      const connection = await mongoose
        .createConnection(process.env.MONGO_URL!, { dbName: `${name}_${randomUUID().slice(0, 8)}` })
        .asPromise();
      connections.push(connection);
      return connection;
    };
    workOrders = await createModels(await open('keyed_wo'));
    surveys = await createSurveysModels(await open('keyed_surveys'));
  });
  afterAll(async () => {
    for (const connection of connections) {
      await connection.dropDatabase();
      await connection.close();
    }
  });

  it('a complaint re-run after a crash between raising the incident and saving the window gets the incident first raised', async () => {
    const incidents = new IncidentsRepository(workOrders, writer);
    const propertyId = randomUUID();
    const complaint = (): HelpRequestRecord =>
      ({ _id: randomUUID(), propertyId, type: 'COMPLAINT', category: 'ELEVATOR' }) as HelpRequestRecord;
    const first = new Date('2026-12-01T09:00:00Z');
    // Complaints until the next one raises the incident (the default rule of the category).
    let raising: HelpRequestRecord | null = null;
    let windowBefore: Record<string, unknown> | null = null;
    for (let n = 0; n < 20 && !raising; n += 1) {
      const request = complaint();
      windowBefore = await workOrders.ComplaintWindow.collection.findOne({
        _id: `${propertyId}:ELEVATOR`,
      } as never);
      const incident = await underKey(`complaint-${request._id}`, () =>
        incidents.countComplaint(request, false, at(first)),
      );
      if (incident) raising = request;
    }
    expect(raising).not.toBeNull();
    expect(windowBefore).not.toBeNull();
    const raised = (await workOrders.Incident.find({ propertyId }).lean())[0]!;
    // The crash: the incident was written, the window was not (it is back as it was read).
    await workOrders.ComplaintWindow.collection.replaceOne(
      { _id: `${propertyId}:ELEVATOR` } as never,
      windowBefore as never,
    );

    // The client's retry runs again under the same key, a minute later.
    const again = await underKey(`complaint-${raising!._id}`, () =>
      incidents.countComplaint(raising!, false, at(new Date(first.getTime() + 60_000))),
    );
    expect(again).toMatchObject({
      _id: raised._id,
      createdAt: raised.createdAt,
      deadlineAt: raised.deadlineAt,
      helpRequestIds: raised.helpRequestIds,
      state: 'RAISED',
    });
    expect(await workOrders.Incident.countDocuments({ propertyId })).toBe(1);
    const outbox = await outboxOf(workOrders.Incident.collection, raised._id);
    expect(outbox.filter((event) => event.type === 'incident.raised.v1')).toHaveLength(1);
    // The window now knows the incident: the next complaint links to it.
    const window = await workOrders.ComplaintWindow.findOne({ _id: `${propertyId}:ELEVATOR` }).lean();
    expect(window).toMatchObject({ openIncidentId: raised._id, raised: 1, complaints: [] });
  });

  it('a complaint re-run after its first attempt counted it in the window (answer lost) counts it once and answers', async () => {
    const incidents = new IncidentsRepository(workOrders, writer);
    const propertyId = randomUUID();
    const complaint = (): HelpRequestRecord =>
      ({ _id: randomUUID(), propertyId, type: 'COMPLAINT', category: 'ELEVATOR' }) as HelpRequestRecord;
    const first = new Date('2026-12-01T09:00:00Z');
    // A window already there, so the keyed complaint's count is an update of it.
    await incidents.countComplaint(complaint(), false, at(first));
    const request = complaint();
    const scope = `complaint-${request._id}`;
    await underKey(scope, () => incidents.countComplaint(request, false, at(first)));
    const windowId = `${propertyId}:ELEVATOR`;
    const counted = await workOrders.ComplaintWindow.findOne({ _id: windowId }).lean();
    expect(counted!.complaints).toHaveLength(2);

    // The re-run after the lease (the answer was lost): the window carries its key, nothing is written.
    const again = await inRequestScope(() => {
      markCreatedUnder(scope, { rerun: true });
      return incidents.countComplaint(request, false, at(new Date(first.getTime() + 60_000)));
    });
    expect(again).toBeNull();
    expect(await workOrders.ComplaintWindow.findOne({ _id: windowId }).lean()).toEqual(counted);
  });

  it('a call-back sweep nudged by a keyed request creates call-backs of its own: no key stamped on them', async () => {
    const callBacks = new CallBackStore(surveys, writer);
    const property = exampleEvent('property.created.v1', {
      id: randomUUID(),
      data: { propertyId: randomUUID(), createdAt: '2026-10-01T00:00:00.000Z' },
    });
    const command = await feed(async () => undefined, property);
    await callBacks.recordSchedule(scheduleOf(property.data, command), property.id);
    const sweep = callBackSweep(callBacks);
    const beat = startTicking({
      name: 'call-backs',
      intervalMs: 60_000,
      tick: (now) => sweep.tick(now),
      logger: createLogger('keyed-stored-answers', 'silent'),
      clock: () => new Date('2026-12-01T09:00:00Z'),
      beat: { every: () => () => undefined },
    });
    // `updateCallBackSchedule` nudges the sweep from inside its (keyed) request.
    await underKey('update-schedule', () => beat.nudge());
    await beat.stop();
    const created = await surveys.CallBack.collection
      .find({ propertyId: property.data.propertyId } as never)
      .toArray();
    expect(created).toHaveLength(1);
    // Stamped with the key, a later keyed re-run would take the sweep's call-back for its own.
    expect((created[0] as unknown as { causedBy?: string[] }).causedBy ?? []).toEqual([]);
  });

  const resolved = () =>
    exampleEvent('workorder.resolved.v1', {
      id: randomUUID(),
      data: { helpRequestId: randomUUID() },
    });
  const surveyFor = (event: ReturnType<typeof resolved>, now: Date) =>
    openSatisfactionSurvey(
      event.data,
      resolvedRequestDetails(event.data)!,
      DEFAULT_POST_SERVICE_TEMPLATE,
      7,
      at(now),
    );

  it('a redelivered workorder.resolved.v1 leaves the survey as stored; open answers the stored survey', async () => {
    const store = new AfterServiceSurveys(surveys, writer);
    const event = resolved();
    await feed(onWorkOrderResolved(store, 7), event, { now: new Date('2026-12-01T09:00:00Z') });
    const id = satisfactionSurveyIdOf(event.data.helpRequestId);
    const stored = await store.survey(id);
    expect(stored).toMatchObject({ _id: id, createdAt: new Date('2026-12-01T09:00:00Z') });
    await feed(onWorkOrderResolved(store, 7), event, { now: new Date('2026-12-01T10:00:00Z') });
    expect(await store.survey(id)).toEqual(stored);

    // The insert itself, replayed past the handler's check: recognised, nothing changed.
    await expect(
      store.open(surveyFor(event, new Date('2026-12-01T10:00:00Z')), event.id),
    ).rejects.toBeInstanceOf(ReactionAlreadyApplied);
    expect(await store.survey(id)).toEqual(stored);
    expect(await outboxOf(surveys.Survey.collection, id)).toHaveLength(1);

    // A first delivery answers what it stored.
    const other = resolved();
    const opened = await store.open(surveyFor(other, new Date('2026-12-01T11:00:00Z')), other.id);
    expect(opened).toMatchObject({ ...(await store.survey(opened._id)), outbox: [] });
  });
});
