import { WITHOUT_OUTBOX, type AggregateWriter } from '@courtyard/kernel';
import type { HouseholdCandidate } from '../domain/campaigns.js';
import { respondentOf } from '../domain/households.js';
import type { HouseholdRecord, UnitRecord } from '../domain/records.js';
import type { SurveysModels } from './models.js';

/**
 * Surveys' own view of occupancy, fed by the residents subgraph's events (as billing keeps
 * its own): each write carries its causing event, so a replay is recognised
 * (`ReactionAlreadyApplied`) and applied once.
 */
export class HouseholdStore {
  constructor(
    private readonly models: SurveysModels,
    private readonly writer: AggregateWriter,
  ) {}

  /** Keyed by the unit's own id: a replay of `unit.created.v1` hits the `_id`. */
  async recordUnit(unit: UnitRecord, causationId: string): Promise<void> {
    await this.writer.insert(this.models.Unit, unit, [], undefined, { causationId });
  }

  async household(id: string): Promise<HouseholdRecord | null> {
    return (await this.models.Household.findOne(
      { _id: id },
      WITHOUT_OUTBOX,
    ).lean()) as HouseholdRecord | null;
  }

  /**
   * A household's members after a move: inserted by the first move-in (its `_id` is the
   * household's), updated on the version read by later ones. One household's events share their
   * key, so they arrive in order.
   */
  async recordHousehold(
    previous: HouseholdRecord | null,
    next: HouseholdRecord,
    causationId: string,
  ): Promise<void> {
    if (!previous) {
      await this.writer.insert(this.models.Household, next, [], undefined, { causationId });
      return;
    }
    await this.writer.update(
      this.models.Household,
      next._id,
      previous.version,
      { members: next.members },
      [],
      undefined,
      {},
      { causationId },
    );
  }

  /** The occupied households of a property (every property: null), with their respondent and building. */
  async occupied(propertyId: string | null): Promise<HouseholdCandidate[]> {
    const households = (await this.models.Household.find(
      { ...(propertyId === null ? {} : { propertyId }), 'members.0': { $exists: true } },
      { propertyId: 1, unitId: 1, members: 1 },
    ).lean()) as HouseholdRecord[];
    const unitIds = [...new Set(households.map((h) => h.unitId))];
    const units = (await this.models.Unit.find({ _id: { $in: unitIds } }, { buildingId: 1 }).lean()) as Array<
      Pick<UnitRecord, '_id' | 'buildingId'>
    >;
    const buildingOf = new Map(units.map((u) => [u._id, u.buildingId]));
    return households.flatMap((h) => {
      const respondentId = respondentOf(h);
      return respondentId === null
        ? []
        : [
            {
              householdId: h._id,
              propertyId: h.propertyId,
              respondentId,
              buildingId: buildingOf.get(h.unitId) ?? null,
            },
          ];
    });
  }
}
