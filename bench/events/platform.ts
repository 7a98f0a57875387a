import { DEV_JWT_SECRET } from '../../gateway/src/config.js';
import { issueAccessToken } from '../../gateway/src/token.js';
import { startPlatform, type Platform } from '../../scripts/lib/platform.js';
import { untilPropertyKnown } from '../../scripts/lib/until-property-known.js';
import { BENCH_DIR, BENCH_GATEWAY_PORT, BENCH_PORT_OFFSET } from './ports.js';

export type Call = (query: string, variables?: Record<string, unknown>) => Promise<Record<string, unknown>>;

/** Every subgraph and the gateway on the bench's servers, and a manager's GraphQL client. */
export async function startBenchPlatform(mongoUrl: string, kafkaBrokers: string[]) {
  const platform: Platform = await startPlatform({
    mongoUrl,
    kafkaBrokers,
    gatewayPort: BENCH_GATEWAY_PORT,
    portOffset: BENCH_PORT_OFFSET,
    logDir: `${BENCH_DIR}/logs`,
    env: { LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    // BENCH_CPU_PROF=<dir>: a V8 CPU profile of the gateway and of each subgraph, written as they stop.
    ...(process.env.BENCH_CPU_PROF ? { cpuProfileDir: process.env.BENCH_CPU_PROF } : {}),
  });
  const secret = platform.env.JWT_SECRET ?? DEV_JWT_SECRET;
  const callAs = async (claims: CallerClaims): Promise<Call> =>
    callerWith(platform.gatewayUrl, await issueAccessToken(claims, { secret }));
  const call = await callAs({ sub: 'bench', role: 'GENERAL_MANAGER', properties: ['*'] });
  return { platform, call, callAs };
}

/** Who a bench call acts as: a general manager of every property unless a part says otherwise. */
export type CallerClaims = { sub: string; role: string; properties: string[] };

function callerWith(gatewayUrl: string, token: string): Call {
  return async (query, variables = {}) => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };
}

const ALWAYS = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '00:00' }));

/** A fresh property with a front desk on duty around the clock, known to work-orders. */
export async function newProperty(call: Call, label: string): Promise<string> {
  return (await newStaffedProperty(call, label)).propertyId;
}

/** `newProperty`, with the id of its front-desk clerk, for parts that read as the front desk. */
export async function newStaffedProperty(
  call: Call,
  label: string,
): Promise<{ propertyId: string; deskId: string }> {
  const created = (await call(
    `mutation ($i: CreatePropertyInput!) { createProperty(input: $i) { property { id } } }`,
    {
      i: {
        code: `BENCH-${label}-${Date.now().toString(36).toUpperCase()}`,
        name: `Bench ${label}`,
        address: '1 Bench Road',
        timeZone: 'Asia/Shanghai',
      },
    },
  )) as { createProperty: { property: { id: string } } };
  const propertyId = created.createProperty.property.id;
  const registered = (await untilPropertyKnown(() =>
    call(`mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { staff { id } } }`, {
      i: {
        name: 'Bench Desk',
        propertyIds: [propertyId],
        roles: ['FRONT_DESK'],
        skills: [],
        grade: 'JUNIOR',
        timeZone: 'Asia/Shanghai',
        roster: ALWAYS,
      },
    }),
  )) as { registerStaff: { staff: { id: string } } };
  return { propertyId, deskId: registered.registerStaff.staff.id };
}

export const RECORD = `mutation ($i: RecordHelpRequestInput!) { recordHelpRequest(input: $i) { helpRequest { id } } }`;
export const recordInput = (propertyId: string, n: number) => ({
  i: {
    propertyId,
    type: 'REPAIR',
    category: 'WATER_LEAK',
    channel: 'PHONE',
    description: `bench ${n}`,
    contactName: 'Bench',
    contactPhone: `137${String(n).padStart(8, '0')}`,
  },
});
export const recordedId = (data: Record<string, unknown>) =>
  (data.recordHelpRequest as { helpRequest: { id: string } }).helpRequest.id;
