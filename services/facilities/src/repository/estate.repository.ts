import { DomainError, type AggregateWriter, type Decision } from '@courtyard/kernel';
import type { InspectionRecord, MeterRecord, ServicePartnerRecord } from '../domain/records.js';
import type { FacilitiesLoaders } from './loaders.js';
import type { FacilitiesModels } from './models.js';

/**
 * Writes of service partners, meters and inspections through the AggregateWriter (state and
 * events in one document write, version-checked); arrays are appended with `$push`.
 */
export class EstateRepository {
  constructor(
    private readonly models: FacilitiesModels,
    private readonly writer: AggregateWriter,
    private readonly loaders?: FacilitiesLoaders,
  ) {}

  async insertPartner({ record, events }: Decision<ServicePartnerRecord>): Promise<ServicePartnerRecord> {
    const saved = (await this.writer.insert(
      this.models.ServicePartner,
      record,
      events,
    )) as unknown as ServicePartnerRecord;
    this.loaders?.partnerById.clear(saved._id).prime(saved._id, saved);
    return saved;
  }

  /**
   * A new contract is appended (`$push`); otherwise (the expiry warnings) the contracts are set
   * whole. Either way on the version read, so nobody's change is lost.
   */
  async savePartner(
    before: ServicePartnerRecord,
    { record, events }: Decision<ServicePartnerRecord>,
  ): Promise<ServicePartnerRecord> {
    const appended = record.contracts.slice(before.contracts.length);
    const version = await this.writer.update(
      this.models.ServicePartner,
      record._id,
      before.version,
      {
        nextWarningOn: record.nextWarningOn,
        ...(appended.length === 0 ? { contracts: record.contracts } : {}),
      },
      events,
      undefined,
      { contracts: appended },
    );
    const saved = { ...record, version };
    this.loaders?.partnerById.clear(saved._id).prime(saved._id, saved);
    return saved;
  }

  async insertMeter({ record, events }: Decision<MeterRecord>): Promise<MeterRecord> {
    const saved = (await this.writer.insert(this.models.Meter, record, events)) as unknown as MeterRecord;
    this.loaders?.meterById.clear(saved._id).prime(saved._id, saved);
    return saved;
  }

  /** Readings are appended, never rewritten; the serial number and series change at a replacement. */
  async saveMeter(before: MeterRecord, { record, events }: Decision<MeterRecord>): Promise<MeterRecord> {
    const version = await this.writer.update(
      this.models.Meter,
      record._id,
      before.version,
      { serialNumber: record.serialNumber, series: record.series },
      events,
      undefined,
      { readings: record.readings.slice(before.readings.length) },
    );
    const saved = { ...record, version };
    this.loaders?.meterById.clear(saved._id).prime(saved._id, saved);
    return saved;
  }

  async insertInspection(record: InspectionRecord): Promise<InspectionRecord> {
    return (await this.writer.insert(
      this.models.Inspection,
      record,
      [],
      () => new DomainError('CONFLICT', 'DUPLICATE_KEY', 'The inspection was recorded already'),
    )) as unknown as InspectionRecord;
  }
}
