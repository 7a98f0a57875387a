import type { Role } from '@courtyard/kernel';
import { issueAccessToken } from '../../gateway/src/token.js';
import type { DemoStaffKey } from './seed-demo-work.js';

/** What the demo seed tells the logins about: the property, its staff and the demo resident. */
export interface DemoPeople {
  propertyId: string;
  staff: Record<DemoStaffKey, string>;
  residentId: string;
}

/** One user of the demo: a development token and a first query to paste, as that user would ask it. */
export interface DemoLogin {
  who: string;
  role: Role;
  token: string;
  query: string;
}

/**
 * Tokens for a resident, the front desk, a technician and the general manager of the demo, each
 * the subject of their own record (the resident's id, the staff members' ids), so what each sees
 * is what that person would see.
 */
export async function demoLogins(people: DemoPeople, secret: string): Promise<DemoLogin[]> {
  const { propertyId, staff, residentId } = people;
  const issue = (sub: string, role: Role, extra: { residentId?: string; properties?: string[] } = {}) =>
    issueAccessToken({ sub, role, properties: extra.properties ?? [propertyId], ...extra }, { secret });
  return [
    {
      who: 'resident',
      role: 'RESIDENT',
      token: await issue(residentId, 'RESIDENT', { residentId }),
      query: `{ resident(id: "${residentId}") { name helpRequests(first: 5) { edges { node { number state repeatCall description } } } } }`,
    },
    {
      who: 'front desk',
      role: 'FRONT_DESK',
      token: await issue(staff.frontDesk, 'FRONT_DESK'),
      query: `{ frontDeskBoard(propertyId: "${propertyId}") { counts { state count } overdue awaitingOwner { id number channel source { partner } } } }`,
    },
    {
      who: 'technician',
      role: 'TECHNICIAN',
      token: await issue(staff.plumber, 'TECHNICIAN'),
      query: `{ technicianQueue { number state dueAt description partsNotices { message } } }`,
    },
    {
      who: 'general manager',
      role: 'GENERAL_MANAGER',
      token: await issue(staff.manager, 'GENERAL_MANAGER', { properties: ['*'] }),
      query: `{ staffAtProperty(propertyId: "${propertyId}") { name roles skills grade onDuty } }`,
    },
  ];
}

/** The logins as `npm start` prints them: a token and a ready-to-paste curl each. */
export function printLogins(logins: DemoLogin[], gatewayUrl: string): string {
  return logins
    .map(
      ({ who, role, token, query }) => `${who} (${role}):
  export TOKEN=${token}
  curl -s ${gatewayUrl} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\
    -d '${JSON.stringify({ query })}'`,
    )
    .join('\n\n');
}
