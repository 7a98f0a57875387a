/** The facilities vocabulary of spec §3 (seed 003 §C 二). */
export const FACILITY_TYPES = [
  'ELEVATOR',
  'POWER_SUPPLY',
  'WATER_SUPPLY',
  'SECONDARY_WATER_TANK',
  'DRAINAGE_SEWAGE',
  'SEPTIC_TANK',
  'FIRE_PROTECTION',
  'PUBLIC_LIGHTING',
  'ROAD_LIGHTING',
  'ACCESS_CONTROL',
  'CCTV',
  'GREENERY',
  'OTHER',
] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

export const FACILITY_STATUSES = ['OPERATING', 'DEGRADED', 'DOWN', 'UNDER_MAINTENANCE', 'RETIRED'] as const;
export type FacilityStatus = (typeof FACILITY_STATUSES)[number];

/** How much the estate depends on it: decides whether a general fault takes it DOWN and the repair's urgency. */
export const CRITICALITIES = ['CRITICAL', 'HIGH', 'NORMAL', 'LOW'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

export const FAULT_COMPLEXITIES = ['GENERAL', 'COMPLEX'] as const;
export type FaultComplexity = (typeof FAULT_COMPLEXITIES)[number];

export const FAULT_SOURCES = ['STAFF', 'RESIDENT', 'PARTNER', 'INSPECTION'] as const;
export type FaultSource = (typeof FAULT_SOURCES)[number];

/**
 * The work-orders help-request category a repair of each facility type is filed under (the
 * category decides the assignee's skill there). Fire protection is filed under water supply:
 * the measured promise is the fire water supply (消防供水), a plumbing job; its electrical
 * alarms have no category of their own yet.
 */
export const REPAIR_CATEGORY = {
  ELEVATOR: 'ELEVATOR',
  POWER_SUPPLY: 'POWER_SUPPLY',
  WATER_SUPPLY: 'WATER_SUPPLY',
  SECONDARY_WATER_TANK: 'WATER_SUPPLY',
  DRAINAGE_SEWAGE: 'DRAINAGE',
  SEPTIC_TANK: 'DRAINAGE',
  FIRE_PROTECTION: 'WATER_SUPPLY',
  PUBLIC_LIGHTING: 'PUBLIC_LIGHTING',
  ROAD_LIGHTING: 'PUBLIC_LIGHTING',
  ACCESS_CONTROL: 'DOOR_LOCK',
  CCTV: 'ELECTRICAL',
  GREENERY: 'GREENERY',
  OTHER: 'GENERAL',
} as const satisfies Record<FacilityType, string>;

/**
 * A fault takes the facility DOWN, except a GENERAL fault on a NORMAL or LOW criticality
 * facility, which leaves it DEGRADED (a flickering lamp among many still lights the road).
 */
export const statusAfterFault = (
  criticality: Criticality,
  complexity: FaultComplexity,
): 'DEGRADED' | 'DOWN' =>
  complexity === 'GENERAL' && (criticality === 'NORMAL' || criticality === 'LOW') ? 'DEGRADED' : 'DOWN';

/** The repair is urgent (someone on site within 30 minutes) for critical and high criticality facilities. */
export const repairIsUrgent = (criticality: Criticality): boolean =>
  criticality === 'CRITICAL' || criticality === 'HIGH';

/** Availability targets by type (spec §3: fire water supply 100 %, road lighting 99 %); configurable. */
export type AvailabilityTargets = Partial<Record<FacilityType, number>>;
export const DEFAULT_AVAILABILITY_TARGETS: AvailabilityTargets = { FIRE_PROTECTION: 1, ROAD_LIGHTING: 0.99 };

export const METER_TYPES = ['WATER', 'ELECTRICITY', 'GAS'] as const;
export type MeterType = (typeof METER_TYPES)[number];
export const INSPECTION_RESULTS = ['PASS', 'FAIL'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

/**
 * Facility types that need a maintenance contract in force with a service partner (spec §3,
 * seed 003 §C 二.6: 签订消防维保合同). Without one the facility carries a compliance warning.
 */
export const CONTRACT_REQUIRED_TYPES: readonly FacilityType[] = ['FIRE_PROTECTION'];
