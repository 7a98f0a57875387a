import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the kernel knows of the request a write is made in, without threading it through every
 * resolver and repository: a created aggregate is stamped with the key it was created under,
 * so a retry that runs again after its first attempt's answer was lost is recognised.
 */
interface RequestScope {
  /** `idempotency:<scope>` while a keyed mutation runs. */
  createdUnder?: string;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** Runs one HTTP request (and everything it awaits) in its own scope. */
export const inRequestScope = <T>(run: () => T): T => scopes.run({}, run);

/**
 * Runs work that is no part of the request it was started from (a scheduler's tick nudged by a
 * resolver) outside that request's scope: what it creates is not stamped with the request's key.
 */
export const outsideRequestScope = <T>(run: () => T): T => scopes.exit(run);

/** Marks the running request as keyed (called once its key is claimed). */
export const markCreatedUnder = (scope: string): void => {
  const current = scopes.getStore();
  if (current) current.createdUnder = `idempotency:${scope}`;
};

export const createdUnder = (): string | undefined => scopes.getStore()?.createdUnder;
