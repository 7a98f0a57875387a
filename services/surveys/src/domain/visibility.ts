import {
  actsForProperty,
  isStaff,
  MATCHES_NOTHING,
  propertyScopeFilter,
  type Caller,
  type Filter,
} from '@courtyard/kernel/domain';
import { TECHNICIAN_FIGURE_READERS } from './access.js';
import type { SurveyRecord, SurveyTemplateRecord } from './records.js';

/**
 * Each read rule beside its MongoDB twin: the predicate decides a single read, the filter a
 * list, and `visibility.spec.ts` proves for every role and record shape that they agree.
 *
 * A survey: staff of its property (and the system); a resident only their own (the respondent).
 */
export const canReadSurvey = (
  caller: Caller,
  record: Pick<SurveyRecord, 'propertyId' | 'respondentId'>,
): boolean =>
  caller.role === 'SYSTEM' ||
  (isStaff(caller) && actsForProperty(caller, record.propertyId)) ||
  (caller.role === 'RESIDENT' &&
    caller.residentId !== undefined &&
    record.respondentId === caller.residentId);

export const surveysReadableBy = (caller: Caller): Filter => {
  if (caller.role === 'SYSTEM' || isStaff(caller)) return propertyScopeFilter(caller);
  if (caller.role === 'RESIDENT' && caller.residentId !== undefined)
    return { respondentId: caller.residentId };
  return MATCHES_NOTHING;
};

/** A template: staff; company-wide ones to every staff member, a property's to its staff. */
export const canReadTemplate = (caller: Caller, record: Pick<SurveyTemplateRecord, 'propertyId'>): boolean =>
  caller.role === 'SYSTEM' ||
  (isStaff(caller) && (record.propertyId === null || actsForProperty(caller, record.propertyId)));

export const templatesReadableBy = (caller: Caller): Filter => {
  if (caller.role === 'SYSTEM') return {};
  if (!isStaff(caller)) return MATCHES_NOTHING;
  const scope = propertyScopeFilter(caller);
  return Object.keys(scope).length === 0 ? {} : { $or: [{ propertyId: null }, scope] };
};

/**
 * Satisfaction figures: staff (and the system); of one property only for its staff. A figure
 * across properties (a technician's) counts only the caller's properties (`propertyScopeFilter`).
 */
export const canReadFigures = (caller: Caller, propertyId: string | null): boolean =>
  caller.role === 'SYSTEM' ||
  (isStaff(caller) && (propertyId === null || actsForProperty(caller, propertyId)));

/**
 * A property's published satisfaction results: its staff, and the residents who live there
 * (`homePropertyId`, from `resident.registered.v1`); a resident of another property reads none.
 */
export const canReadPublishedResults = (
  caller: Caller,
  propertyId: string,
  homePropertyId: string | null,
): boolean =>
  caller.role === 'SYSTEM' ||
  (isStaff(caller) && actsForProperty(caller, propertyId)) ||
  (caller.role === 'RESIDENT' && homePropertyId !== null && homePropertyId === propertyId);

/**
 * A technician's figures (scores about their work, for the grade assessment, seed 001-A):
 * supervisors and above and quality inspectors, and the staff member themself; within the
 * caller's properties like every figure.
 */
export const canReadTechnicianFigures = (caller: Caller, technicianId: string): boolean =>
  caller.role === 'SYSTEM' ||
  TECHNICIAN_FIGURE_READERS.includes(caller.role) ||
  (isStaff(caller) && caller.subject === technicianId);

/** Call-backs and their schedules: staff of the property (residents are called, they do not read the plan). */
export const canReadCallBack = (caller: Caller, record: { propertyId: string }): boolean =>
  caller.role === 'SYSTEM' || (isStaff(caller) && actsForProperty(caller, record.propertyId));

export const callBacksReadableBy = (caller: Caller): Filter =>
  caller.role === 'SYSTEM' || isStaff(caller) ? propertyScopeFilter(caller) : MATCHES_NOTHING;

/**
 * A campaign: staff of its property; a company-wide one every staff member (like company-wide
 * templates), its figures counted on the surveys of their own properties. Residents answer a
 * campaign's survey (their own); they do not read the campaign.
 */
export const canReadCampaign = (caller: Caller, record: { propertyId: string | null }): boolean =>
  caller.role === 'SYSTEM' ||
  (isStaff(caller) && (record.propertyId === null || actsForProperty(caller, record.propertyId)));

export const campaignsReadableBy = (caller: Caller): Filter => {
  if (caller.role === 'SYSTEM') return {};
  if (!isStaff(caller)) return MATCHES_NOTHING;
  const scope = propertyScopeFilter(caller);
  return Object.keys(scope).length === 0 ? {} : { $or: [{ propertyId: null }, scope] };
};
