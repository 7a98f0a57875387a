import type { HelpRequestRecord, TimelineEntryRecord } from './records.js';
import type { HelpRequestState } from './transitions.js';

/** One line the resident reads about their request (seed 000: keep the customer informed). */
export interface ProgressNote {
  at: Date;
  state: HelpRequestState;
  message: string;
}

type Shown = Pick<HelpRequestRecord, 'number' | 'outcome' | 'referral' | 'withdrawal' | 'timeline'>;

/**
 * What each state change means to the resident, in their words. Derived from the timeline, so a
 * change can never miss its note; staff's own notes, names, escalation reasons and SLA terms
 * stay internal. Only what the resident is meant to hear is quoted: the parts notice (it was
 * written to them), the outcome, where a request was referred.
 */
function messageOf(entry: TimelineEntryRecord, request: Shown): string {
  switch (entry.to) {
    case 'RECEIVED':
      return `We have received your request ${request.number}.`;
    case 'ACKNOWLEDGED':
      return 'The service desk has accepted your request and is arranging the work.';
    case 'ASSIGNED':
      return 'A member of our team has been assigned to your request.';
    case 'IN_PROGRESS':
      return entry.from === 'WAITING_PARTS'
        ? 'The parts are here: the work has resumed.'
        : 'The work has started.';
    case 'WAITING_PARTS':
      return entry.note ? `The work is waiting for parts: ${entry.note}` : 'The work is waiting for parts.';
    case 'ESCALATED':
      return 'A senior member of staff is now looking after your request.';
    case 'RESOLVED':
      return request.outcome
        ? `The work is done: ${request.outcome} Please tell us whether it is fixed.`
        : 'The work is done. Please tell us whether it is fixed.';
    case 'REOPENED':
      return 'Your request is open again: we will come back to finish the work.';
    case 'CONFIRMED':
      return 'The fix is confirmed. Thank you.';
    case 'FOLLOWED_UP':
      return 'Thank you for telling us how the service went.';
    case 'CLOSED':
      return request.withdrawal && request.withdrawal.at.getTime() === entry.at.getTime()
        ? 'You withdrew this request.'
        : 'Your request is closed.';
    case 'REFERRED':
      return request.referral
        ? `This is handled by ${request.referral.department}${request.referral.contact ? ` (${request.referral.contact})` : ''}.`
        : 'This is handled by another department.';
  }
}

/** A note for every change of state, oldest first (entries within one state, such as comments, add none). */
export const progressOf = (request: Shown): ProgressNote[] =>
  request.timeline
    .filter((entry) => entry.from !== entry.to)
    .map((entry) => ({ at: entry.at, state: entry.to, message: messageOf(entry, request) }));
