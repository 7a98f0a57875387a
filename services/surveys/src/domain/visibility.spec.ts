import { describe, expect, it } from '@jest/globals';
import { ROLES, type Caller, type Role } from '@courtyard/kernel/domain';
import siftModule from 'sift';
import {
  callBacksReadableBy,
  campaignsReadableBy,
  canReadCallBack,
  canReadCampaign,
  canReadPublishedResults,
  canReadSurvey,
  canReadTechnicianFigures,
  canReadTemplate,
  surveysReadableBy,
  templatesReadableBy,
} from './visibility.js';

// sift (MongoDB's query language in memory) evaluates the list filter on the same record.
const matches = (filter: object, doc: object): boolean => siftModule.default(filter)(doc);
const SCOPES: Record<string, readonly string[]> = { 'in scope': ['p1'], 'out of scope': ['p2'], all: ['*'] };
const RESIDENT_IDS: Record<string, string | undefined> = {
  'the respondent': 'r1',
  'another resident': 'r2',
  'no resident id': undefined,
};
const callerOf = (role: Role, scope: readonly string[], residentId?: string): Caller => ({
  subject: 'me',
  role,
  propertyIds: scope,
  ...(residentId ? { residentId } : {}),
});

const SURVEYS = {
  'with a respondent': { _id: 's1', propertyId: 'p1', respondentId: 'r1' },
  'without a respondent': { _id: 's2', propertyId: 'p1', respondentId: null },
};
const TEMPLATES = {
  "a property's": { _id: 't1', propertyId: 'p1' },
  'company-wide': { _id: 't2', propertyId: null },
};

const cases = ROLES.flatMap((role) =>
  Object.entries(SCOPES).flatMap(([scopeName, scope]) =>
    Object.entries(RESIDENT_IDS).map(
      ([who, residentId]) => [role, scopeName, who, callerOf(role, scope, residentId)] as const,
    ),
  ),
);

describe('survey read rules', () => {
  it.each(cases)(
    'a list shows %s (%s, %s) exactly what a single read allows',
    (_role, _scope, _who, caller) => {
      for (const record of Object.values(SURVEYS)) {
        expect(matches(surveysReadableBy(caller), record)).toBe(canReadSurvey(caller, record));
      }
      for (const record of [{ _id: 'c1', propertyId: 'p1' }]) {
        expect(matches(callBacksReadableBy(caller), record)).toBe(canReadCallBack(caller, record));
      }
      for (const record of Object.values(TEMPLATES)) {
        expect(matches(templatesReadableBy(caller), record)).toBe(canReadTemplate(caller, record));
      }
      // Campaigns: a property's, or company-wide (propertyId null), as templates are.
      for (const record of Object.values(TEMPLATES)) {
        expect(matches(campaignsReadableBy(caller), record)).toBe(canReadCampaign(caller, record));
      }
    },
  );

  it('a resident reads only the surveys put to them; staff those of their properties', () => {
    const survey = SURVEYS['with a respondent'];
    expect(canReadSurvey(callerOf('RESIDENT', [], 'r1'), survey)).toBe(true);
    expect(canReadSurvey(callerOf('RESIDENT', [], 'r2'), survey)).toBe(false);
    expect(canReadSurvey(callerOf('RESIDENT', ['p1']), SURVEYS['without a respondent'])).toBe(false);
    expect(canReadSurvey(callerOf('FRONT_DESK', ['p1']), survey)).toBe(true);
    expect(canReadSurvey(callerOf('FRONT_DESK', ['p2']), survey)).toBe(false);
    expect(canReadSurvey(callerOf('PARTNER', ['*']), survey)).toBe(false);
  });

  it('residents answer campaign surveys but do not read campaigns; staff read their property’s and company-wide ones', () => {
    expect(canReadCampaign(callerOf('RESIDENT', ['p1'], 'r1'), { propertyId: 'p1' })).toBe(false);
    expect(canReadCampaign(callerOf('TECHNICIAN', ['p1']), { propertyId: 'p1' })).toBe(true);
    expect(canReadCampaign(callerOf('TECHNICIAN', ['p2']), { propertyId: 'p1' })).toBe(false);
    expect(canReadCampaign(callerOf('TECHNICIAN', ['p2']), { propertyId: null })).toBe(true);
  });
});

describe('satisfaction figures and published results', () => {
  const caller = (role: Role, extra: Partial<Caller> = {}): Caller => ({
    subject: `${role.toLowerCase()}-1`,
    role,
    propertyIds: ['p1'],
    ...extra,
  });

  it("shows a technician's figures to supervisors and above, inspectors and the technician, never to the desk", () => {
    const readers = ROLES.filter((role) => canReadTechnicianFigures(caller(role), 'tech-9'));
    expect(readers.sort()).toEqual(
      ['GENERAL_MANAGER', 'OFFICE_DIRECTOR', 'QUALITY_INSPECTOR', 'SERVICE_SUPERVISOR', 'SYSTEM'].sort(),
    );
    expect(canReadTechnicianFigures(caller('TECHNICIAN', { subject: 'tech-9' }), 'tech-9')).toBe(true);
    expect(canReadTechnicianFigures(caller('RESIDENT', { subject: 'tech-9' }), 'tech-9')).toBe(false);
  });

  it("lets a property's staff and the residents who live there read its published results, and no one else", () => {
    const resident = caller('RESIDENT', { propertyIds: [], residentId: 'r1' });
    expect(canReadPublishedResults(resident, 'p1', 'p1')).toBe(true);
    expect(canReadPublishedResults(resident, 'p1', 'p2')).toBe(false);
    expect(canReadPublishedResults(resident, 'p1', null)).toBe(false);
    expect(canReadPublishedResults(caller('FRONT_DESK'), 'p1', null)).toBe(true);
    expect(canReadPublishedResults(caller('FRONT_DESK', { propertyIds: ['p2'] }), 'p1', null)).toBe(false);
    expect(canReadPublishedResults(caller('PARTNER', { propertyIds: ['*'] }), 'p1', 'p1')).toBe(false);
  });
});
