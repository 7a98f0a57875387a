import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the kernel knows of the request a write is made in, without threading it through every
 * resolver and repository: an aggregate created or updated under an idempotency key is stamped
 * with that key, so a retry that runs again after its first attempt's answer was lost is
 * recognised.
 */
interface RequestScope {
  /** `idempotency:<scope>` while a keyed mutation runs. */
  createdUnder?: string;
  /**
   * The key was taken over from an attempt whose lease ran out without an answer: that attempt
   * may have written before it died, so an aggregate stamped with the key was changed by it.
   */
  rerun?: boolean;
  /** `collection/id` of each aggregate this attempt itself updated under its key. */
  updatedHere?: Set<string>;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** Runs one HTTP request (and everything it awaits) in its own scope. */
export const inRequestScope = <T>(run: () => T): T => scopes.run({}, run);

/**
 * Runs work that is no part of the request it was started from (a scheduler's tick nudged by a
 * resolver) outside that request's scope: what it creates is not stamped with the request's key.
 */
export const outsideRequestScope = <T>(run: () => T): T => scopes.exit(run);

/**
 * Marks the running request as keyed (called once its key is claimed); `rerun` when the claim
 * took the key over from an earlier attempt whose lease ran out before it recorded an answer.
 */
export const markCreatedUnder = (scope: string, { rerun = false }: { rerun?: boolean } = {}): void => {
  const current = scopes.getStore();
  if (!current) return;
  current.createdUnder = `idempotency:${scope}`;
  current.rerun = rerun;
  current.updatedHere = new Set();
};

export const createdUnder = (): string | undefined => scopes.getStore()?.createdUnder;

/**
 * What an update under the running request's key records on the record it changes: its own
 * stamp, not the create's, so a re-run can tell "my first attempt created this" (an update of
 * it is still to be made if the attempt died in between) from "my first attempt changed this".
 */
export const updatedUnder = (): string | undefined => {
  const created = createdUnder();
  return created && `${created}:updated`;
};

/**
 * Whether a stored record was created or changed under the running request's idempotency key
 * (its `causedBy` holds the create's or the update's stamp): only an earlier attempt of this same request, which wrote and
 * died before its answer was kept, or this attempt itself, can have put it there.
 */
export const writtenUnderRunningKey = (record: object): boolean => {
  const created = createdUnder();
  // Any stored record: a service's record type need not declare the writer's `causedBy`.
  const causedBy = (record as { causedBy?: unknown }).causedBy;
  return (
    created !== undefined &&
    Array.isArray(causedBy) &&
    (causedBy.includes(created) || causedBy.includes(updatedUnder()))
  );
};

/**
 * The update stamp an `update` of `collection/id` must not find already on the record: set only in a
 * re-run after a lost answer, and only for an aggregate this attempt has not updated yet (a
 * request that changes one aggregate twice stamps it on its first update and is not refused on
 * its second). Records the update as this attempt's.
 */
export const keyGuardingUpdateOf = (collection: string, id: string): string | undefined => {
  const current = scopes.getStore();
  if (!current?.createdUnder || !current.rerun) return undefined;
  const aggregate = `${collection}/${id}`;
  if (current.updatedHere?.has(aggregate)) return undefined;
  return updatedUnder();
};

/** Notes that this attempt updated `collection/id` under its key (see `keyGuardingUpdateOf`). */
export const markUpdatedHere = (collection: string, id: string): void => {
  scopes.getStore()?.updatedHere?.add(`${collection}/${id}`);
};
