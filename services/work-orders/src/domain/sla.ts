import { tz } from '@date-fns/tz';
import { addBusinessDays, addDays, addHours, addMinutes } from 'date-fns';
import type { Category, HelpRequestType } from './catalogue.js';

/**
 * The default SLA table of spec §2, in one place: issue 5 replaces this with versioned,
 * per-property policies and working-day calendars with holidays (today: Monday to Friday).
 */
export interface SlaSubject {
  type: HelpRequestType;
  category: Category;
  urgent: boolean;
  complaintSeverity: 'GENERAL' | 'SERIOUS' | null;
  consultationMode: 'WRITTEN' | 'ORAL' | null;
  faultComplexity: 'GENERAL' | 'COMPLEX' | null;
}

export interface DueTimes {
  /** Every request gets a first reply at once; 5 minutes if the desk must consult a supervisor. */
  firstReplyDueAt: Date;
  /** Someone on site (urgent repairs, complaints, emergencies), if the table sets a limit. */
  onSiteDueAt: Date | null;
  /** Handled / resolved / fed back, whichever the table sets for this kind of request. */
  resolutionDueAt: Date;
  /** Which row of the table applied, for people reading the request. */
  rule: string;
}

const SHARED_UTILITIES: readonly Category[] = ['ELEVATOR', 'POWER_SUPPLY', 'WATER_SUPPLY'];

/**
 * Hours and minutes are durations; days and working days are counted on the property's own
 * calendar (`timeZone`), never the server's.
 */
export function defaultDueTimes(subject: SlaSubject, receivedAt: Date, timeZone: string): DueTimes {
  const local = { in: tz(timeZone) };
  const firstReplyDueAt = addMinutes(receivedAt, 5);
  const due = (rule: string, resolutionDueAt: Date, onSiteDueAt: Date | null = null): DueTimes => ({
    firstReplyDueAt,
    onSiteDueAt,
    resolutionDueAt,
    rule,
  });
  switch (subject.type) {
    case 'MEDICAL_EMERGENCY':
      return due(
        'medical emergency: supervisor told at once, handled within 24 h',
        addHours(receivedAt, 24),
        receivedAt,
      );
    case 'SECURITY_INCIDENT':
    case 'DISASTER':
      return due(
        'incident: on site within 30 min, handled within 24 h',
        addHours(receivedAt, 24),
        addMinutes(receivedAt, 30),
      );
    case 'COMPLAINT':
      return subject.complaintSeverity === 'SERIOUS'
        ? due(
            'serious complaint: on site 1 h, resolved in 5 working days',
            new Date(addBusinessDays(receivedAt, 5, local).getTime()),
            addHours(receivedAt, 1),
          )
        : due(
            'general complaint: on site 1 h, resolved in 8 h',
            addHours(receivedAt, 8),
            addHours(receivedAt, 1),
          );
    case 'CONSULTATION':
      return subject.consultationMode === 'WRITTEN'
        ? due(
            'written consultation: written reply in 2 days',
            new Date(addDays(receivedAt, 2, local).getTime()),
          )
        : due('consultation: handled in 24 h', addHours(receivedAt, 24));
    case 'REPAIR': {
      const onSite = subject.urgent ? addMinutes(receivedAt, 30) : null;
      if (subject.category === 'PUBLIC_LIGHTING') {
        return subject.faultComplexity === 'COMPLEX'
          ? due('public lighting, complex fault: fixed in 48 h', addHours(receivedAt, 48), onSite)
          : due('public lighting, general fault: fixed in 8 h', addHours(receivedAt, 8), onSite);
      }
      if (SHARED_UTILITIES.includes(subject.category) && subject.faultComplexity !== 'COMPLEX') {
        return due(
          'elevator, power or water general fault: handled in 30 min',
          addMinutes(receivedAt, 30),
          onSite,
        );
      }
      return due(
        subject.urgent
          ? 'urgent repair: on site 30 min, feedback 4 h'
          : 'repair: response and feedback in 4 h',
        addHours(receivedAt, 4),
        onSite,
      );
    }
    case 'OTHER':
      return due('other: handled in 24 h', addHours(receivedAt, 24));
  }
}
