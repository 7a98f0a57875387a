import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TOPICS } from '@courtyard/kernel';
import { EventTap } from '../support/events.js';
import { errorCodes, gql, gqlOk, tokenFor } from '../support/graphql.js';
import { createBuilding, createProperty, createUnit, registerResident } from '../support/residents.js';
import {
  act,
  inputTypeOf,
  RECORD,
  recordHelpRequest,
  registerStaff,
  repairInput,
} from '../support/work-orders.js';

type Staff = Awaited<ReturnType<typeof registerStaff>>;

describe('work-orders: each service rule refuses what it must, leaving nothing written or published', () => {
  let tap: EventTap;
  let propertyId: string;
  let unitId: string;
  let residentId: string;
  let desk: Staff;
  let tech: Staff;

  const record = async (extra: Record<string, unknown> = {}, token = desk.token) => {
    const { recordHelpRequest } = await gqlOk<{
      recordHelpRequest: {
        helpRequest: { id: string; number: string; repeatCall: boolean; repeatOf: { id: string } | null };
      };
    }>(RECORD, { input: repairInput(propertyId, extra) }, { token });
    return recordHelpRequest.helpRequest;
  };
  const attempt = (mutation: string, input: Record<string, unknown>, token: string) =>
    gql(
      `mutation ($input: ${inputTypeOf[mutation]}!) { ${mutation}(input: $input) { helpRequest { id } } }`,
      { input },
      { token },
    );
  const versionOf = async (id: string) =>
    (
      await gqlOk<{ helpRequest: { version: number; timeline: unknown[] } }>(
        `query ($id: ID!) { helpRequest(id: $id) { version timeline { to } } }`,
        { id },
        { token: desk.token },
      )
    ).helpRequest;

  beforeAll(async () => {
    tap = await EventTap.start(TOPICS.workOrders);
    propertyId = (await createProperty()).id;
    unitId = (await createUnit((await createBuilding(propertyId)).id, '101')).id;
    residentId = (await registerResident(propertyId, 'Zhao Min', '13600001111')).id;
    desk = await registerStaff(propertyId, 'FRONT_DESK');
    tech = await registerStaff(propertyId, 'TECHNICIAN');
  });
  afterAll(() => tap.stop());

  it('rule 1: no mutation takes an owner; intake input naming one is refused', async () => {
    const result = await gql(
      RECORD,
      { input: { ...repairInput(propertyId), ownerId: tech.id } },
      { token: desk.token },
    );
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });

  it('rule 2: intake without contact details is refused and allocates nothing', async () => {
    const result = await gql(
      RECORD,
      { input: repairInput(propertyId, { contactPhone: '' }) },
      { token: desk.token },
    );
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    const first = await record();
    const second = await record({ category: 'ELECTRICAL' });
    const sequence = (number: string) => Number(number.split('-')[2]);
    expect(sequence(second.number)).toBe(sequence(first.number) + 1);
  });

  it('rule 3: a request leaves the remit only as a referral with department and the time the resident was told', async () => {
    const { id } = await record({ category: 'FEES' });
    const before = await versionOf(id);
    expect(
      errorCodes(await attempt('referHelpRequest', { id, department: 'Tax office' }, desk.token)),
    ).toEqual(['BAD_USER_INPUT']);
    const close = await attempt('closeHelpRequest', { id }, desk.token);
    expect(close.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ILLEGAL_TRANSITION',
      details: { from: 'RECEIVED', to: 'CLOSED', allowed: ['ACKNOWLEDGED', 'REFERRED', 'ESCALATED'] },
    });
    expect(await versionOf(id)).toEqual(before);
    const referred = await act(
      'referHelpRequest',
      { id, department: 'District tax office', residentToldAt: new Date().toISOString() },
      desk.token,
    );
    expect(referred.state).toBe('REFERRED');
  });

  it('rule 4: a second call about an open request is linked and counts against its owner', async () => {
    const original = await record({ requesterId: residentId, unitId, category: 'DRAINAGE' });
    const otherDesk = await registerStaff(propertyId, 'FRONT_DESK');
    const repeat = await record(
      { requesterId: residentId, unitId, category: 'DRAINAGE', channel: 'APP' },
      otherDesk.token,
    );
    expect(repeat).toMatchObject({ repeatCall: true, repeatOf: { id: original.id } });
    const { helpRequest } = await gqlOk<{
      helpRequest: { repeatCalls: Array<{ id: string }>; owner: { repeatCallsAgainst: number } };
    }>(
      `query ($id: ID!) { helpRequest(id: $id) { repeatCalls { id } owner { repeatCallsAgainst } } }`,
      { id: original.id },
      { token: desk.token },
    );
    expect(helpRequest).toEqual({ repeatCalls: [{ id: repeat.id }], owner: { repeatCallsAgainst: 1 } });
  });

  it('rule 5: only qualified staff on duty, never inspectors, with a due time inside the SLA', async () => {
    const { id } = await record({ category: 'ELEVATOR' });
    await act('acknowledgeHelpRequest', { id }, desk.token);
    const before = await versionOf(id);
    const offDuty = await registerStaff(propertyId, 'TECHNICIAN', { skills: ['ELEVATOR'], roster: [] });
    const inspector = await registerStaff(propertyId, 'QUALITY_INSPECTOR', { skills: ['ELEVATOR'] });
    const reason = async (input: Record<string, unknown>) =>
      (await attempt('assignHelpRequest', { id, ...input }, desk.token)).errors?.[0]?.extensions?.reason;
    expect(await reason({ assigneeIds: [tech.id] })).toBe('ASSIGNEE_NOT_QUALIFIED');
    expect(await reason({ assigneeIds: [offDuty.id] })).toBe('ASSIGNEE_NOT_ON_DUTY');
    expect(await reason({ assigneeIds: [inspector.id] })).toBe('INSPECTOR_CANNOT_EXECUTE');
    const lift = await registerStaff(propertyId, 'TECHNICIAN', { skills: ['ELEVATOR'] });
    expect(
      await reason({ assigneeIds: [lift.id], dueAt: new Date(Date.now() + 3 * 3600_000).toISOString() }),
    ).toBe('DUE_AFTER_SLA_LIMIT');
    expect(await versionOf(id)).toEqual(before);
    expect((await act('assignHelpRequest', { id, assigneeIds: [lift.id] }, desk.token)).state).toBe(
      'ASSIGNED',
    );
  });

  it('rule 6 and 7: parts need a notice; closing needs confirmation and a follow-up', async () => {
    const { id } = await record({ category: 'WATER_LEAK' });
    await act('acknowledgeHelpRequest', { id }, desk.token);
    await act('assignHelpRequest', { id, assigneeIds: [tech.id] }, desk.token);
    await act('startHelpRequestWork', { id }, tech.token);
    expect(
      errorCodes(
        await attempt('holdHelpRequestForParts', { id, message: 'Waiting', notifiedUnitIds: [] }, tech.token),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    await act('resolveHelpRequest', { id, outcome: 'Fixed' }, tech.token);
    const early = await attempt('recordHelpRequestNoResponse', { id }, desk.token);
    expect(early.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CONFIRMATION_WAIT_NOT_OVER',
    });
    expect(errorCodes(await attempt('closeHelpRequest', { id }, desk.token))).toEqual(['CONFLICT']);
    const rejected = await act('rejectHelpRequestFix', { id, reason: 'Still dripping' }, desk.token);
    expect(rejected.state).toBe('REOPENED');
  });

  it('quality inspectors read every request but change nothing except inspections', async () => {
    const { id } = await record({ category: 'CLEANING' });
    const inspector = await tokenFor('QUALITY_INSPECTOR', { properties: ['*'], sub: 'qi-1' });
    expect(
      (
        await gqlOk<{ helpRequest: { id: string } }>(
          `query ($id: ID!) { helpRequest(id: $id) { id } }`,
          { id },
          { token: inspector },
        )
      ).helpRequest.id,
    ).toBe(id);
    expect(errorCodes(await attempt('acknowledgeHelpRequest', { id }, inspector))).toEqual(['FORBIDDEN']);
    expect(
      (
        await act(
          'recordHelpRequestInspection',
          { id, finding: 'Intake complete and polite', passed: true },
          inspector,
        )
      ).id,
    ).toBe(id);
  });

  it('confidential requests are hidden from other front-desk staff, visible to supervisors', async () => {
    const { id } = await record({ category: 'SERVICE_QUALITY', confidential: true });
    const colleague = await registerStaff(propertyId, 'FRONT_DESK');
    const supervisor = await tokenFor('SERVICE_SUPERVISOR', { properties: [propertyId] });
    const read = (token: string) =>
      gql<{ helpRequest: { id: string } | null }>(
        `query ($id: ID!) { helpRequest(id: $id) { id } }`,
        { id },
        { token },
      );
    expect(errorCodes(await read(colleague.token))).toEqual(['NOT_FOUND']);
    expect((await read(supervisor)).data?.helpRequest?.id).toBe(id);
    expect((await read(desk.token)).data?.helpRequest?.id).toBe(id);
  });

  it('published only what succeeded', async () => {
    const { id } = await record({ category: 'GREENERY' });
    expect(errorCodes(await attempt('startHelpRequestWork', { id }, tech.token))).toEqual(['FORBIDDEN']); // not an assignee
    expect(errorCodes(await attempt('closeHelpRequest', { id }, desk.token))).toEqual(['CONFLICT']);
    await act('acknowledgeHelpRequest', { id }, desk.token); // the marker
    const events = await tap.waitFor((event) => event.subject === id, 2);
    expect(events.map((event) => event.type)).toEqual(['workorder.received.v1', 'workorder.acknowledged.v1']);
  });
});

describe('work-orders: concurrency', () => {
  it('never gives two concurrent intakes the same number, and numbers are contiguous', async () => {
    const propertyId = (await createProperty()).id;
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    const numbers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        gqlOk<{ recordHelpRequest: { helpRequest: { number: string } } }>(
          RECORD,
          {
            input: repairInput(propertyId, {
              category: index % 2 ? 'CLEANING' : 'ELECTRICAL',
              description: `call ${index}`,
            }),
          },
          { token: desk.token },
        ).then((data) => data.recordHelpRequest.helpRequest.number),
      ),
    );
    const sequences = numbers.map((number) => Number(number.split('-')[2])).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(20);
    expect(sequences).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  it('lets exactly one of ten concurrent transitions on one request succeed', async () => {
    const propertyId = (await createProperty()).id;
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    const id = await recordHelpRequest(repairInput(propertyId), desk.token);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        gql(
          `mutation ($input: TransitionInput!) { acknowledgeHelpRequest(input: $input) { helpRequest { version } } }`,
          { input: { id } },
          { token: desk.token },
        ),
      ),
    );
    expect(results.filter((result) => !result.errors).length).toBe(1);
    expect(results.filter((result) => errorCodes(result)[0] === 'CONFLICT').length).toBe(9);
    const { helpRequest } = await gqlOk<{
      helpRequest: { version: number; timeline: Array<{ to: string }> };
    }>(
      `query ($id: ID!) { helpRequest(id: $id) { version timeline { to } } }`,
      { id },
      { token: desk.token },
    );
    expect(helpRequest.version).toBe(2);
    expect(helpRequest.timeline.map((entry) => entry.to)).toEqual(['RECEIVED', 'ACKNOWLEDGED']);
  });
});
