import { DomainError, WITHOUT_OUTBOX, type AggregateWriter, type Decision } from '@courtyard/kernel';
import type { ServicePartnerRecord } from '../domain/records.js';
import { EstateRepository } from './estate.repository.js';
import type { FacilitiesModels } from './models.js';

const isConflict = (error: unknown) => error instanceof DomainError && error.code === 'CONFLICT';

/** What the contract-expiry scheduler reads and writes. */
export class ContractExpiryStore {
  private readonly partners: EstateRepository;

  constructor(
    private readonly models: FacilitiesModels,
    writer: AggregateWriter,
  ) {
    this.partners = new EstateRepository(models, writer);
  }

  /** Partners with a warning due by `today` (the `{ nextWarningOn: 1 }` index), earliest first. */
  async due(today: string, limit: number): Promise<ServicePartnerRecord[]> {
    return (await this.models.ServicePartner.find({ nextWarningOn: { $lte: today } }, WITHOUT_OUTBOX)
      .sort({ nextWarningOn: 1, _id: 1 })
      .limit(limit)
      .lean()) as ServicePartnerRecord[];
  }

  /**
   * The warnings and their events, one update on the version read: when another instance warned
   * first (or the office added a contract meanwhile), nothing is written ('already'); the next
   * tick decides again on what is stored.
   */
  async warn(
    before: ServicePartnerRecord,
    decision: Decision<ServicePartnerRecord>,
  ): Promise<'warned' | 'already'> {
    try {
      await this.partners.savePartner(before, decision);
      return 'warned';
    } catch (error) {
      if (!isConflict(error)) throw error;
      return 'already';
    }
  }
}
