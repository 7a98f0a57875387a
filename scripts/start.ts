// `npm start`: local infrastructure, every subgraph, the gateway and demo data, in one command.
// Ctrl-C stops everything this command started (servers it found already running stay up).
import { infraDown, infraStatus, infraUp, loadInfraOptions } from '@courtyard/infra';
import { startPlatform } from './lib/platform.js';
import { ROOT } from './lib/subgraphs.js';
import { seedDemo } from './lib/seed-demo.js';
import { demoLogins, printLogins } from './lib/demo-logins.js';

const started = Date.now();
const options = loadInfraOptions();
const runningBefore = (await infraStatus(options)).some((server) => server.running);
const endpoints = await infraUp(options, (line) => console.log(`[infra] ${line}`));
const platform = await startPlatform({
  mongoUrl: endpoints.mongoUrl,
  kafkaBrokers: endpoints.kafkaBrokers,
  gatewayPort: Number(process.env.GATEWAY_PORT ?? 4000),
  portOffset: Number(process.env.SUBGRAPH_PORT_OFFSET ?? 0),
  logDir: `${options.dir}/logs`,
});

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping…');
  await platform.stop();
  if (!endpoints.external && !runningBefore) await infraDown(options);
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

const seeded = await seedDemo(platform.gatewayUrl, platform.env.JWT_SECRET!);
const logins = await demoLogins(seeded, platform.env.JWT_SECRET!);

console.log(`
Courtyard is up (${((Date.now() - started) / 1000).toFixed(1)} s)
  gateway      ${platform.gatewayUrl}   (open it in a browser for the GraphQL IDE)
${[...platform.subgraphs.values()].map((s) => `  ${s.name.padEnd(12)} ${s.url}   log ${s.logFile}`).join('\n')}
  mongo        ${endpoints.mongoUrl}
  kafka        ${endpoints.kafkaBrokers.join(',')}
  logs         ${options.dir}/logs   (repo ${ROOT})
  demo data    property ${seeded.propertyCode}: ${seeded.buildings} buildings, ${seeded.units} units, ${seeded.residents} residents, ${seeded.bills} bills (${seeded.billingPeriod}), ${seeded.facilities} facilities, ${Object.keys(seeded.staff).length} staff, ${seeded.helpRequests} help requests

Demo logins (tokens for 12 h; \`npm run token -- --role <ROLE> --properties ${seeded.propertyId}\` for any other role),
each with a first query to paste:

${printLogins(logins, platform.gatewayUrl)}

Ctrl-C stops everything this command started.`);
