/**
 * The service teams of a management office (管理处), as a property-management company is
 * organised: engineering (工程维修: water, power, lifts, doors), environment (环境: cleaning and
 * greenery), security and order (秩序: noise, safety), care (resident care: escort, nursing) and
 * customer service (客服: service quality, fees, anything else).
 *
 * Work-orders has no team of its own: its events carry the request's category, its owner and
 * its assignees (`workorder.resolved.v1`), so the team is the one whose trade the category is,
 * decided when the survey is opened and stored on it: a later change of this table does not move
 * past surveys between teams.
 */
export const SERVICE_TEAMS = ['ENGINEERING', 'ENVIRONMENT', 'SECURITY', 'CARE', 'CUSTOMER_SERVICE'] as const;
export type ServiceTeam = (typeof SERVICE_TEAMS)[number];

const TEAM_OF_CATEGORY: Readonly<Record<string, ServiceTeam>> = {
  WATER_LEAK: 'ENGINEERING',
  DRAINAGE: 'ENGINEERING',
  WATER_SUPPLY: 'ENGINEERING',
  POWER_SUPPLY: 'ENGINEERING',
  ELECTRICAL: 'ENGINEERING',
  PUBLIC_LIGHTING: 'ENGINEERING',
  ELEVATOR: 'ENGINEERING',
  DOOR_LOCK: 'ENGINEERING',
  CLEANING: 'ENVIRONMENT',
  GREENERY: 'ENVIRONMENT',
  NOISE: 'SECURITY',
  SECURITY: 'SECURITY',
  HOSPITAL_ESCORT: 'CARE',
  SHORT_TERM_NURSING: 'CARE',
  SERVICE_QUALITY: 'CUSTOMER_SERVICE',
  FEES: 'CUSTOMER_SERVICE',
  GENERAL: 'CUSTOMER_SERVICE',
};

/** The team whose work a request of `category` is; customer service for an unknown or missing one. */
export const teamOf = (category: string | null): ServiceTeam =>
  (category !== null ? TEAM_OF_CATEGORY[category] : undefined) ?? 'CUSTOMER_SERVICE';
