import {
  DomainError,
  WITHOUT_OUTBOX,
  type AggregateWriter,
  type Caller,
  type Decision,
} from '@courtyard/kernel';
import type { PublishedResultsRecord, ResidentOfPropertyRecord } from '../domain/records.js';
import { canReadPublishedResults } from '../domain/visibility.js';
import type { SurveysModels } from './models.js';

/** The most results one property lists: two a year (seed 003) and the monthly ones for a few years. */
const LISTED = 100;

/** Published satisfaction results, and who lives where (the residents who may read them). */
export class PublishedResultsStore {
  constructor(
    private readonly models: SurveysModels,
    private readonly writer: AggregateWriter,
  ) {}

  /**
   * The results with `satisfaction_results.published.v1`, or CONFLICT when the period was
   * published already; the stored record, so a keyed re-run answers the first publication.
   */
  async insert({ record, events }: Decision<PublishedResultsRecord>): Promise<PublishedResultsRecord> {
    return this.writer.insert(
      this.models.PublishedResults,
      record,
      events,
      () =>
        new DomainError(
          'CONFLICT',
          'RESULTS_ALREADY_PUBLISHED',
          `The results of ${record.periodLabel} were published already`,
          { period: record.periodLabel },
        ),
    );
  }

  /** The property a resident lives at (`resident.registered.v1`); null for anyone else. */
  async homePropertyOf(caller: Caller): Promise<string | null> {
    if (caller.role !== 'RESIDENT' || caller.residentId === undefined) return null;
    const resident = (await this.models.ResidentOfProperty.findById(caller.residentId, {
      propertyId: 1,
    }).lean()) as Pick<ResidentOfPropertyRecord, 'propertyId'> | null;
    return resident?.propertyId ?? null;
  }

  /** A property's published results, newest first; empty for a caller who may not read them. */
  async forProperty(caller: Caller, propertyId: string): Promise<PublishedResultsRecord[]> {
    if (!canReadPublishedResults(caller, propertyId, await this.homePropertyOf(caller))) return [];
    return (await this.models.PublishedResults.find({ propertyId }, WITHOUT_OUTBOX)
      .sort({ publishedAt: -1 })
      .limit(LISTED)
      .lean()) as PublishedResultsRecord[];
  }

  /** A resident registered at a property: recorded once (the `_id` is the resident's, the event its cause). */
  async recordResident(record: ResidentOfPropertyRecord, causationId: string): Promise<void> {
    await this.writer.insert(this.models.ResidentOfProperty, record, [], undefined, { causationId });
  }
}
