import type { FacilityType } from './catalogue.js';

/** How often a plan's task recurs; RRULE takes an RFC 5545 rule for anything else. */
export const RECURRENCE_KINDS = ['DAILY', 'MONTHLY', 'TWICE_A_YEAR', 'YEARLY', 'RRULE'] as const;
export type RecurrenceKind = (typeof RECURRENCE_KINDS)[number];

/**
 * What a completed task must carry (spec §3, seed 003 §C 二): the test report obtained after a
 * water-tank cleaning, the fire maintenance contract a fire test is done under, an answer for
 * every checklist item.
 */
export const EVIDENCE_KINDS = ['TEST_REPORT', 'CONTRACT_NUMBER', 'CHECKLIST'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const TASK_STATUSES = ['OPEN', 'OVERDUE', 'COMPLETED'] as const;
export type MaintenanceTaskStatus = (typeof TASK_STATUSES)[number];

export const ASSIGNEE_KINDS = ['STAFF', 'SERVICE_PARTNER'] as const;
export type AssigneeKind = (typeof ASSIGNEE_KINDS)[number];

/** The drainage checklist of seed 003 §C 二.3 (排水(污)每月排查一次). */
export const DRAINAGE_CHECKLIST = [
  'Inlet clear (进口无堵塞)',
  'Manhole covers tight (井盖贴合严密)',
  'Pipe labels clean (管道标识清洗)',
  'No drips (无滴漏)',
  'Nothing loose (无松脱)',
] as const;

export interface DefaultPlan {
  /** Stable name of the default, so a property's defaults can be told apart from its own plans. */
  key: string;
  facilityType: FacilityType;
  name: string;
  recurrence: RecurrenceKind;
  checklist: readonly string[];
  evidence: readonly EvidenceKind[];
}

/**
 * The plans every new property starts with (spec §3; seed 003 §C 二.2, 二.3, 二.6; seeds §3.1
 * rows 21–23, 30–31). Each is per facility type, so it applies to every facility of that type
 * the property registers. "At least monthly / yearly" is taken at its minimum. The spec's daily
 * public-area cleaning is not here: no facility type stands for a public area, and a daily task
 * per facility of some type would be noise; a property adds it as its own plan if it wants it.
 */
export const DEFAULT_PLANS: readonly DefaultPlan[] = [
  {
    key: 'secondary-water-tank-cleaning',
    facilityType: 'SECONDARY_WATER_TANK',
    name: 'Secondary water tank cleaning (二次供水水池清洗)',
    recurrence: 'TWICE_A_YEAR',
    checklist: [],
    evidence: ['TEST_REPORT'],
  },
  {
    key: 'drainage-inspection',
    facilityType: 'DRAINAGE_SEWAGE',
    name: 'Drainage and sewage inspection (排水(污)排查)',
    recurrence: 'MONTHLY',
    checklist: DRAINAGE_CHECKLIST,
    evidence: ['CHECKLIST'],
  },
  {
    key: 'septic-tank-clean-out',
    facilityType: 'SEPTIC_TANK',
    name: 'Septic tank clean-out (化粪池清掏)',
    recurrence: 'YEARLY',
    checklist: [],
    evidence: [],
  },
  {
    key: 'fire-equipment-patrol',
    facilityType: 'FIRE_PROTECTION',
    name: 'Fire equipment patrol (消防设备巡查)',
    recurrence: 'MONTHLY',
    checklist: [],
    evidence: [],
  },
  {
    key: 'fire-full-test',
    facilityType: 'FIRE_PROTECTION',
    name: 'Full fire facility test (消防设施全面检测)',
    recurrence: 'YEARLY',
    checklist: [],
    evidence: ['CONTRACT_NUMBER'],
  },
  {
    key: 'elevator-safety-test',
    facilityType: 'ELEVATOR',
    name: 'Elevator safety test (电梯安全检测)',
    recurrence: 'MONTHLY',
    checklist: [],
    evidence: [],
  },
];
