// Validates docker-compose.yml with `docker compose config` where the compose plugin exists.
// Without it (no Docker engine or plugin on these machines) the structural test
// test/docker-compose.spec.ts is what keeps the file in step with the subgraphs.
import { spawnSync } from 'node:child_process';
import { ROOT } from './lib/subgraphs.js';

const plugin = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
if (plugin.status !== 0) {
  console.log(
    'docker compose plugin not available: skipped `docker compose config` (structural test still runs)',
  );
  process.exit(0);
}
const result = spawnSync('docker', ['compose', '-f', `${ROOT}docker-compose.yml`, 'config', '-q'], {
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);
console.log('docker-compose.yml is valid');
