import { DomainError } from '@courtyard/kernel/domain';

/** The help-request lifecycle of spec §2 as data: each state and the states it may move to. */
export const STATES = [
  'RECEIVED',
  'ACKNOWLEDGED',
  'ASSIGNED',
  'IN_PROGRESS',
  'WAITING_PARTS',
  'ESCALATED',
  'RESOLVED',
  'REOPENED',
  'CONFIRMED',
  'FOLLOWED_UP',
  'CLOSED',
  'REFERRED',
] as const;
export type HelpRequestState = (typeof STATES)[number];

export const TRANSITIONS: Readonly<Record<HelpRequestState, readonly HelpRequestState[]>> = {
  RECEIVED: ['ACKNOWLEDGED', 'REFERRED', 'ESCALATED'],
  ACKNOWLEDGED: ['ASSIGNED', 'REFERRED', 'ESCALATED'],
  ASSIGNED: ['IN_PROGRESS', 'ASSIGNED', 'ESCALATED'],
  IN_PROGRESS: ['RESOLVED', 'WAITING_PARTS', 'ESCALATED'],
  WAITING_PARTS: ['IN_PROGRESS', 'ESCALATED'],
  // An escalated request is taken over by the level above: reassigned, or worked on directly.
  ESCALATED: ['ASSIGNED', 'IN_PROGRESS', 'REFERRED', 'ESCALATED'],
  RESOLVED: ['CONFIRMED', 'REOPENED'],
  REOPENED: ['IN_PROGRESS', 'ASSIGNED', 'ESCALATED'],
  CONFIRMED: ['FOLLOWED_UP'],
  // A follow-up visit that finds the resident unsatisfied reopens the request.
  FOLLOWED_UP: ['CLOSED', 'REOPENED'],
  CLOSED: [],
  REFERRED: [],
};

/** Open = the company still owes the resident something; repeat calls link to these. */
export const OPEN_STATES: readonly HelpRequestState[] = STATES.filter(
  (state) => !['CLOSED', 'REFERRED'].includes(state),
);

/** SLA clocks stop once the fix is delivered (the rest is confirmation and follow-up). */
export const CLOCK_STOPPED_STATES: readonly HelpRequestState[] = [
  'RESOLVED',
  'CONFIRMED',
  'FOLLOWED_UP',
  'CLOSED',
  'REFERRED',
];

export function assertTransition(from: HelpRequestState, to: HelpRequestState): void {
  const allowed = TRANSITIONS[from];
  if (allowed.includes(to)) return;
  throw new DomainError(
    'CONFLICT',
    'ILLEGAL_TRANSITION',
    `A request in ${from} cannot move to ${to}${allowed.length ? `; it can move to ${allowed.join(', ')}` : '; it is final'}`,
    { from, to, allowed },
  );
}
