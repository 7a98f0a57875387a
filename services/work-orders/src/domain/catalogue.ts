/** The help-request vocabulary of spec §2. */
export const HELP_REQUEST_TYPES = [
  'MEDICAL_EMERGENCY',
  'REPAIR',
  'COMPLAINT',
  'CONSULTATION',
  'SECURITY_INCIDENT',
  'DISASTER',
  'OTHER',
] as const;
export type HelpRequestType = (typeof HELP_REQUEST_TYPES)[number];

export const CHANNELS = [
  'PHONE',
  'SERVICE_LINE_24H',
  'SUPERVISION_HOTLINE',
  'EMAIL',
  'ONLINE_CHAT',
  'APP',
  'WECHAT',
  'FRONT_DESK',
  'LETTER',
  'WALK_IN',
  'OUTBOUND_CALL',
  'SMS',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const SKILLS = [
  'PLUMBING',
  'ELECTRICAL',
  'ELEVATOR',
  'LOCKSMITH',
  'CLEANING',
  'SECURITY',
  'NURSING_ESCORT',
  'GREENERY',
  'CUSTOMER_SERVICE',
] as const;
export type Skill = (typeof SKILLS)[number];

export const GRADES = ['JUNIOR', 'INTERMEDIATE', 'SENIOR'] as const;
export type Grade = (typeof GRADES)[number];

/**
 * Categories staff choose at intake, each with the skill (and least grade) an assignee needs.
 * Complex faults and serious complaints need a senior; the SLA table keys on some of these.
 */
export const CATEGORIES = {
  WATER_LEAK: { skill: 'PLUMBING', grade: 'JUNIOR' },
  DRAINAGE: { skill: 'PLUMBING', grade: 'JUNIOR' },
  WATER_SUPPLY: { skill: 'PLUMBING', grade: 'INTERMEDIATE' },
  POWER_SUPPLY: { skill: 'ELECTRICAL', grade: 'INTERMEDIATE' },
  ELECTRICAL: { skill: 'ELECTRICAL', grade: 'JUNIOR' },
  PUBLIC_LIGHTING: { skill: 'ELECTRICAL', grade: 'JUNIOR' },
  ELEVATOR: { skill: 'ELEVATOR', grade: 'INTERMEDIATE' },
  DOOR_LOCK: { skill: 'LOCKSMITH', grade: 'JUNIOR' },
  CLEANING: { skill: 'CLEANING', grade: 'JUNIOR' },
  GREENERY: { skill: 'GREENERY', grade: 'JUNIOR' },
  NOISE: { skill: 'SECURITY', grade: 'JUNIOR' },
  SECURITY: { skill: 'SECURITY', grade: 'JUNIOR' },
  HOSPITAL_ESCORT: { skill: 'NURSING_ESCORT', grade: 'JUNIOR' },
  SHORT_TERM_NURSING: { skill: 'NURSING_ESCORT', grade: 'JUNIOR' },
  SERVICE_QUALITY: { skill: 'CUSTOMER_SERVICE', grade: 'INTERMEDIATE' },
  FEES: { skill: 'CUSTOMER_SERVICE', grade: 'JUNIOR' },
  GENERAL: { skill: 'CUSTOMER_SERVICE', grade: 'JUNIOR' },
} as const satisfies Record<string, { skill: Skill; grade: Grade }>;
export type Category = keyof typeof CATEGORIES;
export const CATEGORY_CODES = Object.keys(CATEGORIES) as Category[];

export const COMPLAINT_SEVERITIES = ['GENERAL', 'SERIOUS'] as const;
export const COMPLAINT_TIERS = ['COMPLAINT', 'ESCALATED', 'APPEAL'] as const;
export const CONSULTATION_MODES = ['WRITTEN', 'ORAL'] as const;
export const FAULT_COMPLEXITIES = ['GENERAL', 'COMPLEX'] as const;
