import { describe, expect, it } from '@jest/globals';
import { errorCodes, gql, gqlOk } from '../support/graphql.js';
import { createProperty } from '../support/residents.js';
import { recordHelpRequest, registerStaff, repairInput } from '../support/work-orders.js';

const POLICIES = /* GraphQL */ `
  query ($propertyId: ID!) {
    slaPolicies(propertyId: $propertyId) {
      version
      draft
      inForce
      rules {
        clock
        limit {
          amount
          unit
        }
        types
        urgent
      }
    }
    workingCalendar(propertyId: $propertyId) {
      timeZone
      restWeekdays
      seededFrom
      holidays {
        date
        name
      }
      makeUpWorkdays {
        date
      }
    }
  }
`;
const CREATE = /* GraphQL */ `
  mutation ($input: CreateSlaPolicyVersionInput!) {
    createSlaPolicyVersion(input: $input) {
      policy {
        version
        draft
        inForce
      }
    }
  }
`;
const PUBLISH = /* GraphQL */ `
  mutation ($input: PublishSlaPolicyVersionInput!) {
    publishSlaPolicyVersion(input: $input) {
      policy {
        version
        inForce
        effectiveFrom
      }
    }
  }
`;
const REQUEST = /* GraphQL */ `
  query ($id: ID!) {
    helpRequest(id: $id) {
      slaPolicyVersion
      clocks {
        kind
        limit {
          amount
        }
      }
    }
  }
`;
interface PoliciesView {
  slaPolicies: Array<{ version: string; draft: boolean; inForce: boolean; rules: Array<{ clock: string }> }>;
  workingCalendar: {
    timeZone: string;
    restWeekdays: number[];
    seededFrom: string | null;
    holidays: Array<{ date: string; name: string }>;
    makeUpWorkdays: Array<{ date: string }>;
  };
}
const urgentOnSite = (minutes: number) => [
  { clock: 'FIRST_REPLY', limit: { amount: 5, unit: 'MINUTES' }, description: 'first reply within 5 min' },
  {
    clock: 'ON_SITE',
    limit: { amount: minutes, unit: 'MINUTES' },
    description: `urgent repair: on site within ${minutes} min`,
    types: ['REPAIR'],
    urgent: true,
  },
  { clock: 'RESOLUTION', limit: { amount: 4, unit: 'HOURS' }, description: 'repair: 4 h', types: ['REPAIR'] },
];
const onSiteOf = async (id: string, token: string) => {
  const { helpRequest } = await gqlOk<{
    helpRequest: { slaPolicyVersion: string; clocks: Array<{ kind: string; limit: { amount: number } }> };
  }>(REQUEST, { id }, { token });
  return [helpRequest.slaPolicyVersion, helpRequest.clocks.find((c) => c.kind === 'ON_SITE')?.limit.amount];
};

describe('work-orders: SLA policies and working calendars per property, through the gateway', () => {
  it('seeds the default 1.0 and the China holidays, ignores drafts, and pins each request to the version at its intake', async () => {
    const propertyId = (await createProperty()).id;
    const director = await registerStaff(propertyId, 'OFFICE_DIRECTOR');
    const desk = await registerStaff(propertyId, 'FRONT_DESK');

    const seeded = await gqlOk<PoliciesView>(POLICIES, { propertyId }, { token: desk.token });
    expect(seeded.slaPolicies.map((p) => [p.version, p.draft, p.inForce])).toEqual([['1.0', false, true]]);
    expect(seeded.slaPolicies[0]!.rules.map((r) => r.clock)).toEqual(
      expect.arrayContaining(['FIRST_REPLY', 'ON_SITE', 'FEEDBACK', 'RESOLUTION', 'WRITTEN_REPLY']),
    );
    expect(seeded.workingCalendar).toMatchObject({
      timeZone: 'Asia/Shanghai',
      restWeekdays: [6, 7],
      seededFrom: 'chinese-days@1.5.7',
    });
    expect(seeded.workingCalendar.holidays).toContainEqual({
      date: '2026-10-01',
      name: '国庆节 (National Day)',
    });
    expect(seeded.workingCalendar.makeUpWorkdays).toContainEqual({ date: '2026-10-10' });

    const draft = await gqlOk(
      CREATE,
      { input: { propertyId, version: '0.9', rules: urgentOnSite(10) } },
      { token: director.token },
    );
    expect(draft).toEqual({
      createSlaPolicyVersion: { policy: { version: '0.9', draft: true, inForce: false } },
    });
    const refused = await gql(
      PUBLISH,
      { input: { propertyId, version: '0.9', effectiveFrom: new Date().toISOString() } },
      { token: director.token },
    );
    expect(errorCodes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors![0]!.extensions).toMatchObject({ reason: 'DRAFT_NOT_PUBLISHABLE' });
    const underDefault = await recordHelpRequest(repairInput(propertyId, { urgent: true }), desk.token);
    expect(await onSiteOf(underDefault, desk.token)).toEqual(['1.0', 30]);

    await gqlOk(
      CREATE,
      { input: { propertyId, version: '1.1', rules: urgentOnSite(20) } },
      { token: director.token },
    );
    const published = await gqlOk<{ publishSlaPolicyVersion: { policy: { inForce: boolean } } }>(
      PUBLISH,
      { input: { propertyId, version: '1.1', effectiveFrom: new Date().toISOString() } },
      { token: director.token },
    );
    expect(published.publishSlaPolicyVersion.policy.inForce).toBe(true);
    const underNew = await recordHelpRequest(
      repairInput(propertyId, { urgent: true, category: 'DRAINAGE' }),
      desk.token,
    );
    expect(await onSiteOf(underNew, desk.token)).toEqual(['1.1', 20]);
    // The request opened before keeps its version and its limits.
    expect(await onSiteOf(underDefault, desk.token)).toEqual(['1.0', 30]);

    // The front desk may read the policies but not change them.
    const forbidden = await gql(
      CREATE,
      { input: { propertyId, version: '1.2', rules: urgentOnSite(5) } },
      { token: desk.token },
    );
    expect(errorCodes(forbidden)).toEqual(['FORBIDDEN']);
  });

  it('lets an administrator mark a holiday and take it back', async () => {
    const propertyId = (await createProperty()).id;
    const director = await registerStaff(propertyId, 'OFFICE_DIRECTOR');
    const SET = `mutation ($input: SetWorkingCalendarDayInput!) { setWorkingCalendarDay(input: $input) { calendar { holidays { date name } } } }`;
    const marked = await gqlOk<{
      setWorkingCalendarDay: { calendar: { holidays: Array<{ date: string; name: string }> } };
    }>(
      SET,
      { input: { propertyId, date: '2026-12-31', kind: 'HOLIDAY', name: '公司年会' } },
      { token: director.token },
    );
    expect(marked.setWorkingCalendarDay.calendar.holidays).toContainEqual({
      date: '2026-12-31',
      name: '公司年会',
    });
    const back = await gqlOk<{ setWorkingCalendarDay: { calendar: { holidays: Array<{ date: string }> } } }>(
      SET,
      { input: { propertyId, date: '2026-12-31', kind: 'REGULAR' } },
      { token: director.token },
    );
    expect(back.setWorkingCalendarDay.calendar.holidays.map((d) => d.date)).not.toContain('2026-12-31');
  });
});
