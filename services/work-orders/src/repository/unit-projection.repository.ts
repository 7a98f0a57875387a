import type { AggregateWriter } from '@courtyard/kernel';
import type { UnitRecord } from '../domain/records.js';
import type { WorkOrdersModels } from './models.js';

/** The units work-orders has heard of (`unit.created.v1`): what intake checks unit ids against. */
export class UnitProjection {
  constructor(
    private readonly models: WorkOrdersModels,
    private readonly writer: AggregateWriter,
  ) {}

  /** The known units among `ids`, by id (a unit not known yet is absent). */
  async unitsById(ids: readonly string[]): Promise<Map<string, UnitRecord>> {
    if (ids.length === 0) return new Map();
    const units = (await this.models.Unit.find(
      { _id: { $in: [...new Set(ids)] } },
      { outbox: 0 },
    ).lean()) as UnitRecord[];
    return new Map(units.map((unit) => [unit._id, unit]));
  }

  /**
   * Keyed by the unit's own id and stamped with the event that announced it: a replay hits the
   * `_id` and is recognised as already applied.
   */
  async record(unit: UnitRecord, causationId: string): Promise<void> {
    await this.writer.insert(this.models.Unit, unit, [], undefined, { causationId });
  }
}
