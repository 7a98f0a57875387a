// The conformance suite (conformance.ts) against our launcher's H2 file backend, the `npm start`
// default, whose collections plan queries with indexes (infra/mongo/src/main/java/courtyard/infra/store).
// The shared test server runs the memory backend, so this file starts its own.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from '@jest/globals';
import { findFreePort, loadInfraOptions, startMongo, type ManagedServer } from '../src/index.js';
import { describeConformance } from './conformance.js';

let dir: string | undefined;
let server: ManagedServer | undefined;
let url: string | undefined;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'courtyard-conformance-h2-'));
  const options = {
    ...loadInfraOptions(),
    dir,
    mongoPort: await findFreePort(),
    mongoBackend: 'h2' as const,
  };
  server = await startMongo(options);
  url = `mongodb://127.0.0.1:${options.mongoPort}`;
});

afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describeConformance('MongoDB semantics relied on by the kernel, on the H2 launcher', () => url);
