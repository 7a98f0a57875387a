import { DomainError, domainEvent, type CommandContext, type Decision } from '@courtyard/kernel/domain';
import { tz } from '@date-fns/tz';
import { addYears, format, startOfYear } from 'date-fns';
import type { HelpRequestRecord, HelpRequestRegisterRecord, RegisterBatch } from './records.js';
import type { HelpRequestState } from './transitions.js';

/**
 * The help-request register 《住户求助登记表》 (seed 002, F002 §四.10 L122: "于次年年初归入物业部
 * 统一归档,保存期两年"). At the start of each year (the property's own zone) the previous year's
 * requests go into that year's register and become read-only; the register is kept two years
 * after it was archived, then the personal data in it is removed while the statistics stay.
 *
 * Only finished requests are archived (closed, or referred elsewhere): one still open at New
 * Year is still owed to the resident, so it enters its year's register when it is finished.
 */
export const ARCHIVABLE_STATES: readonly HelpRequestState[] = ['CLOSED', 'REFERRED'];

/** Years a register is kept after it is archived, before its personal data is removed. */
export const RETENTION_YEARS = 2;

/** What replaces free text once a register's personal data is removed. */
export const ANONYMISED = '[anonymised]';

/** The register year of a request: the local year it was received in (its number's year too). */
export const registerYearOf = (receivedAt: Date, timeZone: string): number =>
  Number(format(receivedAt, 'yyyy', { in: tz(timeZone) }));

/** Local midnight on 1 January of `year` in the zone. */
export const startOfYearIn = (year: number, timeZone: string): Date =>
  new Date(startOfYear(new Date(Date.UTC(year, 6, 1)), { in: tz(timeZone) }).getTime());

/** Requests received before this are due for a register at `now`. */
export const archiveBefore = (now: Date, timeZone: string): Date =>
  startOfYearIn(registerYearOf(now, timeZone), timeZone);

/**
 * Until when a register keeps its personal data: archived at the start of `year + 1`, kept two
 * years, so until the start of `year + 3` (the register of 2026 is anonymised from 1 January 2029).
 */
export const retainedUntil = (year: number, timeZone: string): Date =>
  new Date(addYears(startOfYearIn(year + 1, timeZone), RETENTION_YEARS, { in: tz(timeZone) }).getTime());

export const registerId = (propertyId: string, year: number) => `${propertyId}:${year}`;

/** A register the job starts filling (its `_id` per property and year, so two replicas make one). */
export function newRegister(
  propertyId: string,
  year: number,
  timeZone: string,
  now: Date,
): Omit<HelpRequestRegisterRecord, 'version'> {
  return {
    _id: registerId(propertyId, year),
    createdAt: now,
    propertyId,
    year,
    timeZone,
    retainedUntil: retainedUntil(year, timeZone),
    archivedCount: 0,
    firstArchivedAt: null,
    lastArchivedAt: null,
    anonymisedCount: 0,
    anonymisedAt: null,
    batches: 0,
    pending: null,
  };
}

/** A request in an archived register takes no command any more (the register is read-only). */
export function requireNotArchived(request: Pick<HelpRequestRecord, '_id' | 'number' | 'register'>): void {
  if (!request.register) return;
  throw new DomainError(
    'CONFLICT',
    'HELP_REQUEST_ARCHIVED',
    `${request.number} is in the ${request.register.year} register and can no longer be changed`,
    { id: request._id, year: request.register.year },
  );
}

/**
 * The next batch of a register, written to the register before any request is touched, with the
 * event that announces it: a job that stops half-way finds the batch pending and finishes it, and
 * the announcement was made once, with the batch. Refuses to plan over a pending batch.
 */
export function planBatch(
  register: HelpRequestRegisterRecord,
  kind: RegisterBatch['kind'],
  helpRequestIds: readonly string[],
  runId: string,
  context: CommandContext,
): Decision<HelpRequestRegisterRecord> {
  if (register.pending) throw new Error(`register ${register._id} has a pending batch`);
  if (helpRequestIds.length === 0) throw new Error('an empty batch');
  const at = context.now;
  const batch: RegisterBatch = {
    number: register.batches + 1,
    kind,
    helpRequestIds: [...helpRequestIds],
    runId,
    at,
  };
  const record = { ...register, pending: batch };
  const common = {
    registerId: register._id,
    propertyId: register.propertyId,
    year: register.year,
    batch: batch.number,
    helpRequestIds: batch.helpRequestIds,
    count: batch.helpRequestIds.length,
    runId,
    occurredAt: at.toISOString(),
  };
  const event =
    kind === 'ARCHIVE'
      ? domainEvent(
          'register.archived.v1',
          { id: register._id, propertyId: register.propertyId },
          {
            ...common,
            archivedTotal: register.archivedCount + batch.helpRequestIds.length,
            retainedUntil: register.retainedUntil.toISOString(),
          },
          context,
        )
      : domainEvent(
          'register.anonymised.v1',
          { id: register._id, propertyId: register.propertyId },
          { ...common, anonymisedTotal: register.anonymisedCount + batch.helpRequestIds.length },
          context,
        );
  return { record, events: [event] };
}

/** The register once its pending batch is applied to every request in it. */
export function completeBatch(register: HelpRequestRegisterRecord): HelpRequestRegisterRecord {
  const batch = register.pending;
  if (!batch) return register;
  const count = batch.helpRequestIds.length;
  return batch.kind === 'ARCHIVE'
    ? {
        ...register,
        pending: null,
        batches: batch.number,
        archivedCount: register.archivedCount + count,
        firstArchivedAt: register.firstArchivedAt ?? batch.at,
        lastArchivedAt: batch.at,
      }
    : {
        ...register,
        pending: null,
        batches: batch.number,
        anonymisedCount: register.anonymisedCount + count,
        anonymisedAt: register.anonymisedAt ?? batch.at,
      };
}

/**
 * A request with its personal data removed (after the retention period). Decision: every
 * free-text field goes, not only the contact details: the description, outcome, notes, referral
 * contact, parts notices and inspection findings are written by staff in their own words and
 * often carry a name, a phone number or a room ("Mrs Li at 13812345678 says …"), which no
 * pattern finds reliably in Chinese free text. The resident and unit references go too (they
 * identify the household through the residents subgraph). What the statistics are made of
 * stays: number, property, type, category, channel, flags, states and their times, the clocks
 * and their outcomes, breaches, escalations, who on the staff handled it, the policy version.
 */
export function anonymise(request: HelpRequestRecord, now: Date): HelpRequestRecord {
  if (!request.register) throw new Error(`${request._id} is not archived`);
  return {
    ...request,
    register: { ...request.register, anonymisedAt: request.register.anonymisedAt ?? now },
    contact: { name: ANONYMISED, phone: '' },
    description: ANONYMISED,
    requesterId: null,
    unitId: null,
    attachments: [],
    outcome: request.outcome === null ? null : ANONYMISED,
    referral: request.referral ? { ...request.referral, contact: null } : null,
    followUp: request.followUp ? { ...request.followUp, note: null } : null,
    partsNotices: request.partsNotices.map((notice) => ({
      ...notice,
      message: ANONYMISED,
      notifiedUnitIds: [],
    })),
    inspections: request.inspections.map((inspection) => ({ ...inspection, finding: ANONYMISED })),
    timeline: request.timeline.map((entry) => ({ ...entry, note: null })),
    // A resident's own words and photos (issue 19), where there are any.
    ...(request.comments
      ? { comments: request.comments.map((c) => ({ ...c, text: null, attachments: [] })) }
      : {}),
    ...(request.withdrawal ? { withdrawal: { ...request.withdrawal, reason: null } } : {}),
    // Front desk and office (issue 19): the reasons people wrote are free text too.
    ...(request.corrections && {
      corrections: request.corrections.map((c) => ({ ...c, reason: ANONYMISED })),
    }),
    ...(request.tierChanges && {
      tierChanges: request.tierChanges.map((c) => ({ ...c, reason: ANONYMISED })),
    }),
    ...(request.handovers && { handovers: request.handovers.map((h) => ({ ...h, reason: ANONYMISED })) }),
  };
}
