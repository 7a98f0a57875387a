import type { Role } from '@courtyard/kernel';
import { gqlOk, tokenFor } from './graphql.js';
import { withDatabase } from './mongo.js';
import { eventually } from './subgraph.js';

/** A roster of 24 h shifts, every day of the week, each from `start` (HH:MM) to the same time the next day. */
const dailyFrom = (start: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end: start }));

const ALWAYS = dailyFrom('00:00');

/**
 * 24 h shifts that began an hour or less before `now` in `timeZone`: anything due within the next 23
 * hours falls inside the shift being worked, whatever the hour. On midnight-to-midnight shifts a repair
 * due a few hours after intake fell after the shift's end in the evening, and today's work was rightly empty.
 */
export function shiftsStartedAnHourAgo(timeZone: string, now = new Date()) {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now),
  );
  return dailyFrom(`${String((hour + 23) % 24).padStart(2, '0')}:00`);
}

export const REGISTER_STAFF = /* GraphQL */ `
  mutation RegisterStaff($input: RegisterStaffInput!) {
    registerStaff(input: $input) {
      staff {
        id
        name
      }
    }
  }
`;
export const RECORD = /* GraphQL */ `
  mutation Record($input: RecordHelpRequestInput!) {
    recordHelpRequest(input: $input) {
      helpRequest {
        id
        number
        state
        version
        repeatCall
        repeatOf {
          id
        }
        dueAt
        slaRule
      }
    }
  }
`;
export const HELP_REQUEST_FIELDS =
  'id number state version ownerId: owner { id } assignees { id } dueAt outcome';

/**
 * Waits (bounded) until work-orders' properties projection holds the property, as a front desk
 * would retry after PROPERTY_NOT_YET_KNOWN; `database` is the suite's work-orders database.
 */
export async function untilWorkOrdersKnows(propertyId: string, database = 'work_orders'): Promise<void> {
  await eventually(
    () =>
      withDatabase(database, (db) =>
        db.collection<{ _id: string }>('properties').findOne({ _id: propertyId }),
      ),
    30_000,
  );
}

/**
 * Waits (bounded) until work-orders' projections hold a record of the residents subgraph: a unit
 * (`units`), or a resident where `match` holds (`residents`: a move-in sets `unitId`). Intake
 * checks references against them (CONFLICT `UNIT_NOT_YET_KNOWN` / `RESIDENT_NOT_YET_KNOWN` before).
 */
export async function untilWorkOrdersHas(
  collection: 'units' | 'residents',
  match: Record<string, unknown>,
  database = 'work_orders',
): Promise<void> {
  await eventually(
    () => withDatabase(database, (db) => db.collection<{ _id: string }>(collection).findOne(match)),
    30_000,
  );
}

/** A staff member on duty around the clock (so tests do not depend on the hour), with a token. */
export async function registerStaff(
  propertyId: string,
  role: Exclude<Role, 'RESIDENT' | 'PARTNER' | 'SYSTEM'>,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; token: string }> {
  // Work orders registers staff only for properties it knows (PROPERTY_NOT_YET_KNOWN otherwise).
  await untilWorkOrdersKnows(propertyId);
  const { registerStaff: result } = await gqlOk<{ registerStaff: { staff: { id: string } } }>(
    REGISTER_STAFF,
    {
      input: {
        name: `${role} ${Math.random().toString(36).slice(2, 6)}`,
        propertyIds: [propertyId],
        roles: [role],
        skills: role === 'TECHNICIAN' ? ['PLUMBING'] : ['CUSTOMER_SERVICE'],
        grade: 'INTERMEDIATE',
        timeZone: 'Asia/Shanghai',
        roster: ALWAYS,
        ...overrides,
      },
    },
  );
  const id = result.staff.id;
  return { id, token: await tokenFor(role, { properties: [propertyId], sub: id }) };
}

/** Records a help request through the gateway (as the given staff, or a general manager); its id. */
export async function recordHelpRequest(input: Record<string, unknown>, token?: string): Promise<string> {
  const data = await gqlOk<{ recordHelpRequest: { helpRequest: { id: string } } }>(
    RECORD,
    { input },
    token ? { token } : {},
  );
  return data.recordHelpRequest.helpRequest.id;
}

export function repairInput(propertyId: string, extra: Record<string, unknown> = {}) {
  return {
    propertyId,
    type: 'REPAIR',
    category: 'WATER_LEAK',
    channel: 'PHONE',
    description: 'Water is leaking from the kitchen ceiling',
    contactName: 'Li Wei',
    contactPhone: '13812345678',
    ...extra,
  };
}

/** Runs one lifecycle mutation and returns the request it produced. */
export async function act<T = { id: string; state: string; version: number }>(
  mutation: string,
  input: Record<string, unknown>,
  token: string,
): Promise<T> {
  const data = await gqlOk<Record<string, { helpRequest: T }>>(
    `mutation ($input: ${inputTypeOf[mutation]}!) { ${mutation}(input: $input) { helpRequest { id state version } } }`,
    { input },
    { token },
  );
  return data[mutation]!.helpRequest;
}

export const inputTypeOf: Record<string, string> = {
  acknowledgeHelpRequest: 'TransitionInput',
  assignHelpRequest: 'AssignHelpRequestInput',
  startHelpRequestWork: 'TransitionInput',
  recordHelpRequestArrival: 'TransitionInput',
  holdHelpRequestForParts: 'WaitForPartsInput',
  resumeHelpRequestWork: 'TransitionInput',
  rejectHelpRequestFix: 'RejectFixInput',
  confirmHelpRequestResolution: 'TransitionInput',
  recordHelpRequestNoResponse: 'TransitionInput',
  recordHelpRequestFollowUp: 'RecordFollowUpInput',
  recordHelpRequestInspection: 'RecordInspectionInput',
  startWork: 'TransitionInput',
  waitForParts: 'WaitForPartsInput',
  resumeWork: 'TransitionInput',
  resolveHelpRequest: 'ResolveHelpRequestInput',
  rejectFix: 'RejectFixInput',
  confirmResolution: 'TransitionInput',
  recordNoResponse: 'TransitionInput',
  recordFollowUp: 'RecordFollowUpInput',
  closeHelpRequest: 'TransitionInput',
  referHelpRequest: 'ReferHelpRequestInput',
  escalateHelpRequest: 'EscalateHelpRequestInput',
  recordInspection: 'RecordInspectionInput',
};
