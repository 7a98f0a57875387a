import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@courtyard/kernel/domain';
import { as, NOW } from './fixtures.js';
import { setIncidentRules } from './incident-rules-config.js';
import { DEFAULT_INCIDENT_RULES, incidentRulesOf, ruleFor } from './incident-rules.js';
import type { PropertyRecord } from './records.js';

const property: PropertyRecord = {
  _id: 'p1',
  version: 1,
  createdAt: NOW,
  code: 'GARDEN',
  name: 'Garden Court',
  timeZone: 'Asia/Shanghai',
};
const director = as({ subject: 'dir-1', role: 'OFFICE_DIRECTOR' });
const LIFTS = {
  group: 'LIFTS',
  categories: ['ELEVATOR'],
  regularThreshold: 2,
  vipThreshold: 1,
  grade: 'CRITICAL',
};
const REST = { group: 'ROUTINE', categories: [], regularThreshold: 20, vipThreshold: 10, grade: 'MINOR' };

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError)
      return { code: error.code, reason: error.reason, details: error.details };
    throw error;
  }
  return undefined;
}

describe('burst-detection configuration per property', () => {
  it('a property without its own groups has seed 001-G’s', () => {
    expect(incidentRulesOf(property)).toBe(DEFAULT_INCIDENT_RULES);
  });

  it('a director replaces them; complaints are then counted by the property’s own groups', () => {
    const { record, events } = setIncidentRules(property, { rules: [LIFTS, REST] }, director);
    expect(events).toEqual([]);
    expect(ruleFor(incidentRulesOf(record), 'ELEVATOR')).toEqual(LIFTS);
    expect(ruleFor(incidentRulesOf(record), 'SECURITY')).toEqual(REST);
  });

  it('refuses other roles, and reports every problem at once', () => {
    expect(
      refusal(() => setIncidentRules(property, { rules: [LIFTS] }, as({ role: 'SERVICE_SUPERVISOR' }))),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    const bad = refusal(() =>
      setIncidentRules(
        property,
        { rules: [LIFTS, { ...LIFTS, regularThreshold: 0 }, REST, { ...REST, group: 'OTHER' }] },
        director,
      ),
    );
    expect(bad).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION_FAILED' });
    const twice = refusal(() =>
      setIncidentRules(
        property,
        { rules: [LIFTS, { ...LIFTS }, REST, { ...REST, group: 'OTHER' }] },
        director,
      ),
    );
    expect((twice!.details as { fields: Array<{ path: string }> }).fields.map((f) => f.path)).toEqual([
      'rules.1.group',
      'rules.1.categories',
      'rules',
    ]);
  });
});
