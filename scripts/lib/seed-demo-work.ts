import { readFileSync } from 'node:fs';
import { issueAccessToken } from '../../gateway/src/token.js';
import type { PersistedQueryManifest } from '../../gateway/src/persisted/manifest.js';
import { ROOT } from './subgraphs.js';
import { untilPropertyKnown } from './until-property-known.js';

/**
 * The demo's people and their day at work (issue 19), through the gateway as each of them, so
 * every command publishes its real events: the office's staff with rosters and skills, and help
 * requests in every state of the lifecycle (an unowned one from the city hotline on the front
 * desk's board, repeat calls, a wait for parts, a referral, one closed after its phone follow-up),
 * a facility fault that opens a repair by itself, and a satisfaction campaign under way.
 *
 * Idempotent by lookup: staff are found by name, requests by their description, the fault by the
 * facility's open or closed faults, the campaign by its name; what exists is skipped. Creating writes also carry an
 * `Idempotency-Key` derived from the property and the step, so a run retried after a crash
 * within the keys' lifetime (24 h) replays the creates it had already made instead of repeating them.
 */

interface GraphQLResult<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; reason?: string } }>;
}
type Call = <T>(query: string, variables?: Record<string, unknown>, key?: string) => Promise<T>;

/** A caller of the gateway with its own token; `documentId` calls a persisted operation (partners). */
function caller(gatewayUrl: string, token: string, documentIds: Map<string, string> = new Map()): Call {
  return async <T>(query: string, variables: Record<string, unknown> = {}, key?: string) => {
    const documentId = documentIds.get(query);
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: JSON.stringify(documentId ? { documentId, variables } : { query, variables }),
    });
    const result = (await response.json()) as GraphQLResult<T>;
    const refusal = result.errors?.[0];
    if (refusal || !result.data) {
      throw new Error(
        `seed failed: ${refusal?.message ?? 'no data'} (${refusal?.extensions?.reason ?? 'no reason'})`,
      );
    }
    return result.data;
  };
}

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const ROUND_THE_CLOCK = EVERY_DAY.map((weekday) => ({ weekday, start: '00:00', end: '00:00' }));
const OFFICE_HOURS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:30', end: '17:30' }));

/** The office of Garden Court: who does what, and when they are on duty. */
export const DEMO_STAFF = [
  {
    key: 'frontDesk',
    name: 'Zhou Min (front desk)',
    roles: ['FRONT_DESK'],
    skills: ['CUSTOMER_SERVICE'],
    grade: 'INTERMEDIATE',
    roster: ROUND_THE_CLOCK,
  },
  {
    key: 'plumber',
    name: 'Demo Plumber',
    roles: ['TECHNICIAN'],
    skills: ['PLUMBING'],
    grade: 'SENIOR',
    roster: ROUND_THE_CLOCK,
  },
  {
    key: 'electrician',
    name: 'Sun Lei (electrician)',
    roles: ['TECHNICIAN'],
    skills: ['ELECTRICAL', 'ELEVATOR'],
    grade: 'INTERMEDIATE',
    roster: ROUND_THE_CLOCK,
  },
  {
    key: 'supervisor',
    name: 'Qian Hua (service supervisor)',
    roles: ['SERVICE_SUPERVISOR'],
    skills: ['CUSTOMER_SERVICE', 'SECURITY'],
    grade: 'SENIOR',
    roster: OFFICE_HOURS,
  },
  {
    key: 'director',
    name: 'Zheng Yi (office director)',
    roles: ['OFFICE_DIRECTOR'],
    skills: ['CUSTOMER_SERVICE'],
    grade: 'SENIOR',
    roster: OFFICE_HOURS,
  },
  {
    key: 'manager',
    name: 'Demo Manager (general manager)',
    roles: ['GENERAL_MANAGER'],
    skills: ['CUSTOMER_SERVICE'],
    grade: 'SENIOR',
    roster: OFFICE_HOURS,
  },
] as const;
export type DemoStaffKey = (typeof DEMO_STAFF)[number]['key'];

export interface DemoWork {
  staff: Record<DemoStaffKey, string>;
  /** The resident whose requests the printed resident token shows (one assigned, one repeat call). */
  residentId: string;
  helpRequests: number;
}

const RECORD = /* GraphQL */ `
  mutation ($input: RecordHelpRequestInput!) {
    recordHelpRequest(input: $input) {
      helpRequest {
        id
      }
    }
  }
`;
const step = (mutation: string, inputType: string) =>
  `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { helpRequest { id state } } }`;
const ACCEPT = step('acceptHelpRequest', 'AcceptHelpRequestInput');
const ACKNOWLEDGE = step('acknowledgeHelpRequest', 'TransitionInput');
const ASSIGN = step('assignHelpRequest', 'AssignHelpRequestInput');
const START = step('startHelpRequestWork', 'TransitionInput');
const HOLD = step('holdHelpRequestForParts', 'WaitForPartsInput');
const RESOLVE = step('resolveHelpRequest', 'ResolveHelpRequestInput');
const CONFIRM = step('confirmHelpRequestResolution', 'TransitionInput');
const REFER = step('referHelpRequest', 'ReferHelpRequestInput');
const CLOSE = step('closeHelpRequest', 'TransitionInput');

export async function seedDemoWork(
  gatewayUrl: string,
  jwtSecret: string,
  propertyId: string,
  units: readonly string[],
): Promise<DemoWork> {
  const tokenOf = (claims: Parameters<typeof issueAccessToken>[0]) =>
    issueAccessToken(claims, { secret: jwtSecret, expiresIn: '15m' });
  const system = caller(gatewayUrl, await tokenOf({ sub: 'demo-seed', role: 'SYSTEM', properties: ['*'] }));
  const key = (...parts: string[]) => `demo:${propertyId}:${parts.join(':')}`;

  // Staff: work-orders registers them once it has heard of the property (retried until then).
  const { staffAtProperty } = await system<{ staffAtProperty: Array<{ id: string; name: string }> }>(
    `query ($p: ID!) { staffAtProperty(propertyId: $p) { id name } }`,
    { p: propertyId },
  );
  const staff = {} as Record<DemoStaffKey, string>;
  for (const { key: who, ...member } of DEMO_STAFF) {
    const known = staffAtProperty.find((s) => s.name === member.name);
    staff[who] =
      known?.id ??
      (
        await untilPropertyKnown(() =>
          system<{ registerStaff: { staff: { id: string } } }>(
            `mutation ($input: RegisterStaffInput!) { registerStaff(input: $input) { staff { id } } }`,
            { input: { ...member, propertyIds: [propertyId], timeZone: 'Asia/Shanghai' } },
            key('staff', who),
          ),
        )
      ).registerStaff.staff.id;
  }
  const as = async (who: DemoStaffKey, role: string) =>
    caller(
      gatewayUrl,
      await tokenOf({ sub: staff[who], role: role as 'FRONT_DESK', properties: [propertyId] }),
    );
  const desk = await as('frontDesk', 'FRONT_DESK');
  const plumber = await as('plumber', 'TECHNICIAN');
  const electrician = await as('electrician', 'TECHNICIAN');
  const supervisor = await as('supervisor', 'SERVICE_SUPERVISOR');
  const manifest = JSON.parse(
    readFileSync(`${ROOT}schema/persisted-queries.json`, 'utf8'),
  ) as PersistedQueryManifest;
  const hotlineRecord = manifest.operations.find((o) => o.name === 'HotlineRecordHelpRequest')!.id;
  const hotline = caller(
    gatewayUrl,
    await tokenOf({
      sub: 'demo-hotline',
      role: 'PARTNER',
      partnerId: 'city-hotline',
      properties: [propertyId],
    }),
    new Map([[RECORD, hotlineRecord]]),
  );

  // Who lives where: the owner of each of the first units (the estate seed moved them in).
  const household = async (unitId: string) => {
    const { unit } = await system<{
      unit: {
        household: { members: Array<{ relation: string; resident: { id: string; name: string } }> } | null;
      };
    }>(`query ($id: ID!) { unit(id: $id) { household { members { relation resident { id name } } } } }`, {
      id: unitId,
    });
    const owner = unit.household?.members.find((m) => m.relation === 'OWNER') ?? unit.household?.members[0];
    if (!owner) throw new Error(`seed failed: unit ${unitId} has nobody living in it`);
    const index = units.indexOf(unitId);
    return {
      unitId,
      requesterId: owner.resident.id,
      contactName: owner.resident.name,
      contactPhone: `1390000${String(index + 1).padStart(4, '0')}`,
    };
  };
  const homes = await Promise.all(units.slice(0, 7).map(household));
  const home = (index: number) => homes[index]!;

  const { helpRequests } = await system<{
    helpRequests: { edges: Array<{ node: { id: string; description: string } }> };
  }>(
    `query ($p: ID!) { helpRequests(filter: { propertyId: $p }, first: 100) { edges { node { id description } } } }`,
    { p: propertyId },
  );
  const existing = new Set(helpRequests.edges.map((edge) => edge.node.description));
  const record = async (by: Call, name: string, input: Record<string, unknown>) =>
    (
      await untilPropertyKnown(() =>
        by<{ recordHelpRequest: { helpRequest: { id: string } } }>(
          RECORD,
          { input: { propertyId, ...input } },
          key(name, 'record'),
        ),
      )
    ).recordHelpRequest.helpRequest.id;
  const move = (by: Call, mutation: string, name: string, input: Record<string, unknown>) =>
    by(mutation, { input }, key(name, mutation.match(/\{ (\w+)\(/)![1]!));

  /** One request of the demo, recorded and taken as far as its story goes (skipped if there). */
  const scenarios: Array<{
    name: string;
    description: string;
    run: (description: string) => Promise<unknown>;
  }> = [
    {
      name: 'unowned',
      description: 'The street lamp at the north gate has been out for three nights (citizen call to 12345)',
      run: (description) =>
        record(hotline, 'unowned', {
          type: 'REPAIR',
          category: 'PUBLIC_LIGHTING',
          channel: 'SUPERVISION_HOTLINE',
          description,
          contactName: 'Citizen via 12345',
          contactPhone: '13900009001',
        }),
    },
    {
      name: 'acknowledged',
      description: 'Rubbish left beside the east bins for two days (citizen call to 12345)',
      run: async (description) => {
        const id = await record(hotline, 'acknowledged', {
          type: 'OTHER',
          category: 'CLEANING',
          channel: 'SUPERVISION_HOTLINE',
          description,
          contactName: 'Citizen via 12345',
          contactPhone: '13900009002',
        });
        await move(desk, ACCEPT, 'acknowledged', { id, note: 'Taken from the hotline queue' });
        await move(desk, ACKNOWLEDGE, 'acknowledged', {
          id,
          note: 'Told the hotline the cleaners go this afternoon',
        });
      },
    },
    {
      name: 'assigned',
      description: 'The bathroom floor drain is blocked and the water rises',
      run: async (description) => {
        const id = await record(desk, 'assigned', {
          type: 'REPAIR',
          category: 'DRAINAGE',
          channel: 'PHONE',
          description,
          ...home(1),
        });
        await move(desk, ACKNOWLEDGE, 'assigned', { id });
        await move(desk, ASSIGN, 'assigned', { id, assigneeIds: [staff.plumber] });
      },
    },
    {
      // Same resident, unit and category while the first is open: linked and counted as a repeat call.
      name: 'repeat',
      description: 'Calling again: the floor drain is still blocked',
      run: (description) =>
        record(desk, 'repeat', {
          type: 'REPAIR',
          category: 'DRAINAGE',
          channel: 'APP',
          description,
          ...home(1),
        }),
    },
    {
      name: 'in-progress',
      description: 'Hardly any water pressure in the shower since Monday',
      run: async (description) => {
        const id = await record(desk, 'in-progress', {
          type: 'REPAIR',
          category: 'WATER_SUPPLY',
          channel: 'WECHAT',
          description,
          ...home(2),
        });
        await move(desk, ACKNOWLEDGE, 'in-progress', { id });
        await move(desk, ASSIGN, 'in-progress', { id, assigneeIds: [staff.plumber] });
        await move(plumber, START, 'in-progress', { id, note: 'On site, checking the pressure valve' });
      },
    },
    {
      name: 'waiting-parts',
      description: 'The kitchen tap drips under the sink',
      run: async (description) => {
        const id = await record(desk, 'waiting-parts', {
          type: 'REPAIR',
          category: 'WATER_LEAK',
          channel: 'PHONE',
          description,
          ...home(3),
        });
        await move(desk, ACKNOWLEDGE, 'waiting-parts', { id });
        await move(desk, ASSIGN, 'waiting-parts', { id, assigneeIds: [staff.plumber] });
        await move(plumber, START, 'waiting-parts', { id });
        await move(plumber, HOLD, 'waiting-parts', {
          id,
          message: 'The replacement cartridge arrives tomorrow morning; the water stays on meanwhile.',
          notifiedUnitIds: [home(3).unitId],
          expectedBy: new Date(Date.now() + 86_400_000).toISOString(),
        });
      },
    },
    {
      // Out of the company's remit: referred, with where it went and when the resident was told.
      name: 'referred',
      description: 'Who replaces the gas meter in the kitchen?',
      run: async (description) => {
        const id = await record(desk, 'referred', {
          type: 'CONSULTATION',
          category: 'GENERAL',
          consultationMode: 'ORAL',
          channel: 'FRONT_DESK',
          description,
          ...home(4),
        });
        await move(desk, REFER, 'referred', {
          id,
          department: 'City gas company',
          contact: '96777',
          residentToldAt: new Date().toISOString(),
          note: 'Gas meters belong to the gas company',
        });
      },
    },
    {
      // Kept from the first demo seed (same description), so an older demo database is recognised.
      name: 'resolved',
      description: 'Water dripping from the kitchen ceiling',
      run: async (description) => {
        const id = await record(desk, 'resolved', {
          type: 'REPAIR',
          category: 'WATER_LEAK',
          channel: 'PHONE',
          description,
          ...home(0),
        });
        await move(desk, ACKNOWLEDGE, 'resolved', { id, note: 'Told the resident a plumber is coming' });
        await move(desk, ASSIGN, 'resolved', { id, assigneeIds: [staff.plumber] });
        await move(plumber, START, 'resolved', { id });
        await move(plumber, RESOLVE, 'resolved', { id, outcome: 'Replaced the leaking joint' });
      },
    },
    {
      // Closed after the resident confirmed and the phone follow-up (回访) was answered in surveys.
      name: 'closed',
      description: 'The bedroom socket sparks when a plug goes in',
      run: async (description) => {
        const id = await record(desk, 'closed', {
          type: 'REPAIR',
          category: 'ELECTRICAL',
          channel: 'PHONE',
          urgent: true,
          description,
          ...home(5),
        });
        await move(desk, ACKNOWLEDGE, 'closed', { id });
        await move(desk, ASSIGN, 'closed', { id, assigneeIds: [staff.electrician] });
        await move(electrician, START, 'closed', { id });
        await move(electrician, RESOLVE, 'closed', {
          id,
          outcome: 'Replaced the socket and checked the circuit',
        });
        await move(desk, CONFIRM, 'closed', { id, note: 'The resident confirmed by phone' });
        const survey = await until(async () => {
          const { helpRequest } = await supervisor<{ helpRequest: { satisfaction: { id: string } | null } }>(
            `query ($id: ID!) { helpRequest(id: $id) { satisfaction { id } } }`,
            { id },
          );
          return helpRequest.satisfaction ?? undefined;
        });
        await supervisor(
          `mutation ($input: RecordSurveyByPhoneInput!) { recordSurveyByPhone(input: $input) { survey { id } } }`,
          {
            input: {
              surveyId: survey.id,
              answers: [
                { questionId: 'overall', score: 5 },
                { questionId: 'comment', text: 'Quick and tidy' },
              ],
              note: 'Follow-up call',
            },
          },
          key('closed', 'survey'),
        );
        // Work-orders records the follow-up from survey.completed.v1, then the owner closes it.
        await until(async () => {
          const { helpRequest } = await desk<{ helpRequest: { state: string } }>(
            `query ($id: ID!) { helpRequest(id: $id) { state } }`,
            { id },
          );
          return helpRequest.state === 'FOLLOWED_UP' || undefined;
        });
        await move(desk, CLOSE, 'closed', { id, note: 'Fixed, confirmed and followed up' });
      },
    },
  ];
  for (const scenario of scenarios) {
    if (!existing.has(scenario.description)) await scenario.run(scenario.description);
  }
  await reportLampFault(system, propertyId, key('fault'));
  await startSatisfactionCampaign(supervisor, propertyId, (step) => key('campaign', step));

  const { helpRequests: all } = await system<{ helpRequests: { totalCount: number } }>(
    `query ($p: ID!) { helpRequests(filter: { propertyId: $p }, first: 1) { totalCount } }`,
    { p: propertyId },
  );
  return { staff, residentId: home(1).requesterId, helpRequests: all.totalCount };
}

/** Facilities at work: a fault on the north road lamps, which opens a repair in work-orders by itself. */
async function reportLampFault(system: Call, propertyId: string, key: string): Promise<void> {
  const { facilities } = await system<{
    facilities: {
      edges: Array<{
        node: { id: string; assetTag: string; openFault: { id: string } | null; closedFaults: unknown[] };
      }>;
    };
  }>(
    `query ($p: ID!) { facilities(propertyId: $p, first: 50) { edges { node { id assetTag openFault { id } closedFaults { id } } } } }`,
    { p: propertyId },
  );
  const lamps = facilities.edges.find((edge) => edge.node.assetTag === 'RL-N')?.node;
  if (!lamps || lamps.openFault || lamps.closedFaults.length > 0) return;
  await system(
    `mutation ($input: ReportFacilityFaultInput!) { reportFacilityFault(input: $input) { fault { id } } }`,
    {
      input: {
        facilityId: lamps.id,
        description: 'Three lamps on the north road are dark',
        complexity: 'GENERAL',
        source: 'INSPECTION',
        reportedBy: 'Night patrol',
      },
    },
    key,
  );
}

/** Surveys at work: this half-year's satisfaction campaign, started, one survey per household. */
async function startSatisfactionCampaign(
  supervisor: Call,
  propertyId: string,
  key: (step: string) => string,
) {
  const name = 'Satisfaction this half-year (demo)';
  const { campaigns } = await supervisor<{ campaigns: { edges: Array<{ node: { name: string } }> } }>(
    `query ($p: ID!) { campaigns(propertyId: $p, first: 100) { edges { node { name } } } }`,
    { p: propertyId },
  );
  if (campaigns.edges.some((edge) => edge.node.name === name)) return;
  const { surveyTemplates } = await supervisor<{
    surveyTemplates: Array<{ id: string; name: string; propertyId: string | null }>;
  }>(`query ($p: ID!) { surveyTemplates(propertyId: $p) { id name propertyId } }`, { p: propertyId });
  const templateId =
    surveyTemplates.find((t) => t.propertyId === propertyId && t.name === 'Half-yearly satisfaction (demo)')
      ?.id ??
    (
      await supervisor<{ createSurveyTemplate: { surveyTemplate: { id: string } } }>(
        `mutation ($input: CreateSurveyTemplateInput!) { createSurveyTemplate(input: $input) { surveyTemplate { id } } }`,
        {
          input: {
            propertyId,
            name: 'Half-yearly satisfaction (demo)',
            purpose: 'GENERAL',
            questions: [
              { id: 'overall', kind: 'SCORE', text: 'How satisfied are you with our service?' },
              { id: 'comment', kind: 'TEXT', text: 'What should we do better?', required: false },
            ],
          },
        },
        key('template'),
      )
    ).createSurveyTemplate.surveyTemplate.id;
  const now = Date.now();
  const { createCampaign } = await supervisor<{ createCampaign: { campaign: { id: string } } }>(
    `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }`,
    {
      input: {
        propertyId,
        kind: 'SATISFACTION',
        name,
        templateId,
        opensAt: new Date(now + 3_600_000).toISOString(),
        closesAt: new Date(now + 30 * 86_400_000).toISOString(),
      },
    },
    key('create'),
  );
  // Started at once (before its opening time), so the households have their surveys now.
  await supervisor(
    `mutation ($input: StartCampaignInput!) { startCampaign(input: $input) { campaign { id } } }`,
    { input: { id: createCampaign.campaign.id } },
    key('start'),
  );
}

/** Polls (bounded) until `probe` answers: what the events bring arrives a moment later. */
async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('seed failed: an event-driven step did not arrive in time');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
