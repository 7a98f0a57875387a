// `tsx infra/src/cli.ts up|down|status` (npm run infra:up / infra:down / infra:status).
import { infraDown, infraStatus, infraUp, loadInfraOptions } from './index.js';

const USAGE = 'usage: tsx infra/src/cli.ts up|down|status';

async function up(): Promise<void> {
  const started = Date.now();
  const endpoints = await infraUp({}, (line) => console.log(line));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\ninfrastructure ready in ${seconds} s${endpoints.external ? ' (external servers)' : ''}`);
  console.log(`  MONGO_URL=${endpoints.mongoUrl}`);
  console.log(`  KAFKA_BROKERS=${endpoints.kafkaBrokers.join(',')}`);
  if (!endpoints.external) {
    const options = loadInfraOptions();
    console.log(`  data and pid files: ${options.dir}`);
    for (const server of await infraStatus()) console.log(`  ${server.name} log: ${server.log}`);
  }
}

async function status(): Promise<boolean> {
  const rows = await infraStatus();
  const table = [
    ['SERVER', 'STATE', 'PID', 'ADDRESS', 'LOG'],
    ...rows.map((r) => [
      r.name,
      r.running ? 'running' : 'stopped',
      r.pid ? String(r.pid) : '-',
      r.address,
      r.log,
    ]),
  ];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  for (const row of table)
    console.log(
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    );
  return rows.every((r) => r.running);
}

async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  switch (command) {
    case 'up':
      await up();
      return 0;
    case 'down':
      await infraDown();
      console.log(`stopped servers started from ${loadInfraOptions().dir}`);
      return 0;
    case 'status':
      // Exit 1 when something is not running, so scripts can use `infra:status` as a check.
      return (await status()) ? 0 : 1;
    default:
      console.error(USAGE);
      return 2;
  }
}

// Explicit exit: a stray client timer must not keep `up` hanging after the servers are ready
// (they are detached and keep running).
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
