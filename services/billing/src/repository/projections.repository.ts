import { DomainError, ReactionAlreadyApplied, type AggregateWriter, type Decision } from '@courtyard/kernel';
import type {
  FeeScheduleRecord,
  MembershipRecord,
  ServiceChargeRecord,
  UnitRecord,
} from '../domain/records.js';
import { inForceQuery } from '../domain/fee-schedules.js';
import type { BillingModels } from './models.js';

/**
 * Billing's reactions to other subgraphs' events, each one write carrying its causing event id
 * (services/README.md, "Exactly once").
 */
export class Projections {
  constructor(
    private readonly models: BillingModels,
    private readonly writer: AggregateWriter,
  ) {}

  /** Keyed by the unit's own id: a replay of `unit.created.v1` hits the `_id` and is recognised. */
  async recordUnit(unit: UnitRecord, causationId: string): Promise<void> {
    await this.writer.insert(this.models.Unit, unit, [], undefined, { causationId });
  }

  /**
   * A membership is created by the first move-in and updated by later moves (one household's
   * events arrive in order: they share the household id as key). Each write records its event.
   */
  async recordMembership(membership: MembershipRecord, causationId: string): Promise<void> {
    const stored = await this.models.Membership.findOne(
      { _id: membership._id },
      { version: 1, causedBy: 1 },
    ).lean<Pick<MembershipRecord, 'version'> & { causedBy?: string[] }>();
    if (!stored) {
      await this.writer.insert(this.models.Membership, membership, [], undefined, { causationId });
      return;
    }
    if (stored.causedBy?.includes(causationId)) {
      throw new ReactionAlreadyApplied('memberships', membership._id, causationId);
    }
    await this.writer.update(
      this.models.Membership,
      membership._id,
      stored.version,
      { current: membership.current, householdId: membership.householdId },
      [],
      undefined,
      {},
      { causationId },
    );
  }

  async scheduleInForce(propertyId: string, day: string): Promise<FeeScheduleRecord | null> {
    const { filter, sort } = inForceQuery(propertyId, day);
    return this.models.FeeSchedule.findOne(filter, { outbox: 0 }).sort(sort).lean<FeeScheduleRecord>();
  }

  /**
   * `_id` = the help request's id: a second delivery of its closing hits the `_id` and is
   * "already applied"; a later, different event about a request already charged changes nothing
   * (one charge per request).
   */
  async recordServiceCharge(
    { record, events }: Decision<ServiceChargeRecord>,
    causationId: string,
  ): Promise<void> {
    try {
      await this.writer.insert(this.models.ServiceCharge, record, events, () => new AlreadyCharged(), {
        causationId,
      });
    } catch (error) {
      if (!(error instanceof AlreadyCharged)) throw error;
    }
  }
}

class AlreadyCharged extends DomainError {
  constructor() {
    super('CONFLICT', 'SERVICE_CHARGE_EXISTS', 'This help request was charged already');
  }
}
