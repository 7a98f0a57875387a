// `npm run scaffold:check`: proves the subgraph template still fits the kernel and the house
// rules. In a scratch copy of the tree it runs `new:subgraph`, then holds the new subgraph to
// what CI holds every subgraph to: types, lint, dependency rules, composition, generated files
// and its own unit tests. Nothing in the working tree changes.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './lib/subgraphs.js';

const NAME = 'scaffold-check';
const scratch = mkdtempSync(join(tmpdir(), 'courtyard-scaffold-'));
const run = (command: string, ...args: string[]) =>
  execFileSync(command, args, { cwd: scratch, stdio: 'inherit', env: { ...process.env, CI: 'true' } });

try {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(scratch, file)), { recursive: true });
    cpSync(join(ROOT, file), join(scratch, file), { dereference: false, errorOnExist: false, force: true });
  }
  // Third-party packages are shared with the real tree; the workspace links point into the copy,
  // so the new subgraph and the kernel's regenerated event types are the copy's own.
  mkdirSync(join(scratch, 'node_modules/@courtyard'), { recursive: true });
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (entry === '@courtyard') continue;
    symlinkSync(join(ROOT, 'node_modules', entry), join(scratch, 'node_modules', entry));
  }
  const workspaces = [
    'infra',
    'kernel',
    'gateway',
    'analytics',
    'services/residents',
    'services/work-orders',
    'clients/typed',
  ];
  for (const workspace of workspaces) {
    // Linked under its package name (clients/typed is @courtyard/typed-client).
    const { name } = JSON.parse(readFileSync(join(ROOT, workspace, 'package.json'), 'utf8')) as {
      name: string;
    };
    symlinkSync(join('..', '..', workspace), join(scratch, 'node_modules', name));
  }
  symlinkSync(join('..', '..', 'services', NAME), join(scratch, 'node_modules/@courtyard', NAME));
  // A workspace's own node_modules holds the versions npm could not hoist (the gateway's
  // lru-cache 11 beside an older one at the root): the copy must resolve what the tree resolves.
  for (const workspace of workspacesWithOwnModules()) {
    symlinkSync(join(ROOT, workspace, 'node_modules'), join(scratch, workspace, 'node_modules'));
  }

  run('npx', 'tsx', 'scripts/new-subgraph.ts', NAME, '--aggregate', 'SampleRecord', '--no-install');
  run('npm', 'run', '-s', 'typecheck');
  run('npx', 'eslint', `services/${NAME}`, 'scripts');
  run('npx', 'prettier', '--check', `services/${NAME}`, 'schema', 'codegen.yml', 'docker-compose.yml');
  run('npm', 'run', '-s', 'deps:check');
  run('npm', 'run', '-s', 'compose:check');
  run('npm', 'run', '-s', 'codegen:check');
  run('npm', 'run', '-s', 'events:types:check');
  run('npm', 'run', '-s', 'catalogue:check');
  run(
    'npx',
    'jest',
    '--selectProjects',
    'unit',
    '--testPathPatterns',
    `services/${NAME}/`,
    'test/docker-compose.spec.ts',
  );
  console.log(`scaffold check: services/${NAME} from the template passes every check`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

function workspacesWithOwnModules(): string[] {
  const { workspaces } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    workspaces: string[];
  };
  return workspaces
    .flatMap((pattern) =>
      pattern.endsWith('/*')
        ? readdirSync(join(ROOT, pattern.slice(0, -2))).map((entry) => join(pattern.slice(0, -2), entry))
        : [pattern],
    )
    .filter((workspace) => existsSync(join(ROOT, workspace, 'node_modules')));
}
