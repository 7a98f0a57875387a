import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { SERVICE_TEAMS, teamOf } from './teams.js';

/** The categories work-orders publishes, read from its SDL so a new one cannot go unmapped unnoticed. */
const workOrdersCategories = (() => {
  const sdl = readFileSync(
    new URL('../../../work-orders/src/schema/work-orders.graphql', import.meta.url),
    'utf8',
  );
  const body = /enum HelpRequestCategory \{([^}]*)\}/.exec(sdl)?.[1] ?? '';
  return [...body.matchAll(/^\s*([A-Z_]+)\s*$/gm)].map((match) => match[1]!);
})();

describe('service teams', () => {
  it('gives every help-request category a team, and every team some category', () => {
    expect(workOrdersCategories.length).toBeGreaterThan(10);
    const teams = new Set(workOrdersCategories.map(teamOf));
    expect([...teams].sort()).toEqual([...SERVICE_TEAMS].sort());
  });

  it('sends repairs to engineering, cleaning to environment, noise to security, fees to customer service', () => {
    expect(teamOf('WATER_LEAK')).toBe('ENGINEERING');
    expect(teamOf('ELEVATOR')).toBe('ENGINEERING');
    expect(teamOf('CLEANING')).toBe('ENVIRONMENT');
    expect(teamOf('NOISE')).toBe('SECURITY');
    expect(teamOf('HOSPITAL_ESCORT')).toBe('CARE');
    expect(teamOf('FEES')).toBe('CUSTOMER_SERVICE');
  });

  it('leaves a missing or unknown category with customer service, which owns the request then', () => {
    expect(teamOf(null)).toBe('CUSTOMER_SERVICE');
    expect(teamOf('SOMETHING_NEW')).toBe('CUSTOMER_SERVICE');
  });
});
