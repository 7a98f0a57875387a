import { sequentialIds, type Caller, type CommandContext } from '@courtyard/kernel/domain';
import { receive, validateIntake } from './intake.js';
import type { StaffRecord } from './records.js';

/** Shared builders for the domain's unit tests. */
export const NOW = new Date('2026-11-23T02:00:00Z'); // Monday 10:00 in Asia/Shanghai
export const PROPERTY_ZONE = 'Asia/Shanghai';

export const as = (caller: Partial<Caller>, now = NOW): CommandContext => ({
  actor: { subject: 'desk-1', role: 'FRONT_DESK', propertyIds: ['p1'], ...caller },
  now,
  newId: sequentialIds(),
});

export const staff = (overrides: Partial<StaffRecord> = {}): StaffRecord => ({
  _id: 'tech-1',
  version: 1,
  createdAt: NOW,
  name: 'Wang Plumber',
  propertyIds: ['p1'],
  roles: ['TECHNICIAN'],
  skills: ['PLUMBING'],
  grade: 'INTERMEDIATE',
  timeZone: 'Asia/Shanghai',
  roster: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '17:00' })),
  ...overrides,
});

/** A repair call as the front desk records it. */
export const REPAIR_CALL = {
  propertyId: 'p1',
  type: 'REPAIR',
  category: 'WATER_LEAK',
  channel: 'PHONE',
  description: 'Kitchen pipe leaking',
  contactName: 'Li Wei',
  contactPhone: '13812345678',
  requesterId: 'r1',
  unitId: 'u1',
} as const;

export function received(input: Record<string, unknown> = {}, context = as({})) {
  const valid = validateIntake({ ...REPAIR_CALL, ...input }, context);
  return receive(valid, 'WO-2026-000001', null, context, PROPERTY_ZONE).record;
}
