// Guards the published event schemas (schema/events.lock.json) against breaking changes.
//   npm run events:compat    fails on a breaking change, and on any schema the lock does not
//                            record yet (new or changed), so what is checked is what shipped
//   npm run events:publish   records new types and compatible edits; refuses breaking ones
// `--root <dir>` points both at another checkout (the tests run it on a temporary copy).
import { writeFileSync } from 'node:fs';
import { ROOT } from './lib/subgraphs.js';
import {
  compareWithLock,
  LOCK_COMMENT,
  lockFile,
  readLock,
  readSchemaDirectory,
  schemaDirectory,
  type FileReport,
} from './lib/event-compat/baseline.js';

const args = process.argv.slice(2);
const publish = args.includes('--publish');
const rootIndex = args.indexOf('--root');
const root = rootIndex >= 0 ? `${args[rootIndex + 1]}/` : ROOT;

const current = readSchemaDirectory(schemaDirectory(root));
const reports = await compareWithLock(readLock(lockFile(root)).schemas, current);
const refused = reports.filter((report) => report.status === 'breaking' || report.status === 'removed');
const pending = reports.filter((report) => report.status === 'unpublished' || report.status === 'compatible');

const describe = (report: FileReport) =>
  [
    `  ${report.file}: ${report.status}`,
    ...report.changes.map((c) => `    ${c.breaking ? 'BREAKING' : 'ok'} ${c.path || '/'}: ${c.message}`),
  ].join('\n');

if (refused.length > 0) {
  console.error(
    [
      'Breaking changes to published event schemas:',
      ...refused.map(describe),
      'A published type+version may only grow compatibly (README, "Event contracts"): publish this as a new version',
      '(e.g. workorder.assigned.v2.json beside v1) and keep producing v1 until consumers have moved.',
    ].join('\n'),
  );
  process.exit(1);
}

if (publish) {
  const lock = { $comment: LOCK_COMMENT, schemas: current };
  // Written as prettier would, so `npm run lint` stays green; loaded only here, it is slow to import.
  const { format, resolveConfig } = await import('prettier');
  const options = await resolveConfig(lockFile(ROOT));
  writeFileSync(lockFile(root), await format(JSON.stringify(lock), { ...options, parser: 'json' }));
  console.log(
    pending.length > 0
      ? `published:\n${pending.map(describe).join('\n')}`
      : 'event schemas already recorded; nothing to publish',
  );
} else if (pending.length > 0) {
  console.error(
    [
      'Event schemas not recorded in schema/events.lock.json:',
      ...pending.map(describe),
      'None of these break a published version: run `npm run events:publish` and commit the lock.',
    ].join('\n'),
  );
  process.exit(1);
} else {
  console.log(`event schemas match the ${Object.keys(current).length} published ones`);
}
