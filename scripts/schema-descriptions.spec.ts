import { spawnSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { ROOT } from './lib/subgraphs.js';

const check = (file: string) =>
  spawnSync('npx', ['tsx', 'scripts/schema-descriptions.ts', file], { cwd: ROOT, encoding: 'utf8' });

describe('schema description check', () => {
  it('fails listing each undescribed element with its line', () => {
    const run = check('scripts/fixtures/undescribed.graphql');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('3 element(s) without a description');
    expect(run.stderr).toMatch(
      /undescribed\.graphql:4:\d+ +Description is required for input value "id" in field "unit"/,
    );
    expect(run.stderr).toMatch(/undescribed\.graphql:7:\d+ +Description is required for type "Unit"/);
    expect(run.stderr).toMatch(
      /undescribed\.graphql:10:\d+ +Description is required for field "number" in type "Unit"/,
    );
  });

  it('passes the committed API schema', () => {
    const run = check('schema/api.graphql');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
