import { Schema, type SchemaDefinition } from 'mongoose';

/**
 * The model policy every subgraph follows. A schema declares every stored field with its type,
 * and is `strict: 'throw'`: a write through mongoose (`create`, `insertMany`, `updateOne` on the
 * model) of a field the schema does not declare fails loudly instead of being dropped.
 *
 * Aggregates, though, are written by the kernel's `AggregateWriter` through `model.collection`
 * (the driver, so state and outbox land in one document write without mongoose's casting), and
 * are read with `.lean()`. For them the schema is the declared shape of what is stored — the
 * place a reader looks, and the fields indexes and query casting refer to — and the guarantee
 * that nothing else is stored comes from the domain: records are typed and built from validated
 * input, and a unit test instantiates every model from a complete record under `strict: 'throw'`,
 * so a record field the schema forgets fails the build. Queries stay lenient (`strictQuery` is
 * mongoose's default, false): a filter on an undeclared path is passed on, not stripped.
 */
export const MODEL_OPTIONS = { versionKey: false as const, strict: 'throw' as const };

/** A nested object stored inside an aggregate (no `_id` of its own), under the same policy. */
export const nested = (definition: SchemaDefinition): Schema =>
  new Schema(definition, { ...MODEL_OPTIONS, _id: false });

/** What every aggregate stores besides its own fields (see `AggregateWriter`). */
export const AGGREGATE_FIELDS = {
  _id: { type: String, required: true },
  version: { type: Number, required: true },
  createdAt: { type: Date, required: true },
  /** Pending CloudEvents; the relay removes each once the broker has acknowledged it. */
  outbox: { type: [Schema.Types.Mixed], default: [] },
  /** Ids of the events whose reactions changed this aggregate (bounded; see `AggregateWriter`). */
  causedBy: { type: [String], default: undefined },
} as const;

/**
 * The outbox relay's sweep finds aggregates with pending events (`{'outbox.0': {$exists: true}}`).
 * Sparse, so only those documents are in the index: it stays as small as the backlog (usually
 * empty) however large the collection; MongoDB uses a sparse index for an `$exists: true` filter.
 * Sparse rather than partial: the simplest form both MongoDB and the local wire server accept
 * (infra/test/mongo-conformance.int.spec.ts), with no second copy of the sweep's filter to keep.
 */
export function withOutboxSweepIndex<S extends Schema>(schema: S): S {
  return schema.index({ 'outbox.0': 1 }, { sparse: true, name: 'outbox_pending' });
}
