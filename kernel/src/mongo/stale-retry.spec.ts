import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../errors.js';
import { isStaleVersion, retryOnStale } from './stale-retry.js';

const stale = () => new DomainError('CONFLICT', 'STALE_VERSION', 'changed by someone else');

/** An attempt that is refused `failures` times with `error`, then answers how many attempts it took. */
const flaky = (failures: number, error: () => unknown = stale) => {
  let calls = 0;
  const attempt = () => {
    calls += 1;
    return calls <= failures ? Promise.reject(error()) : Promise.resolve(calls);
  };
  return { attempt, calls: () => calls };
};

describe('retryOnStale: read, decide and write again when another writer got there first', () => {
  it('decides again after a stale write, and answers what the attempt that went through did', async () => {
    const run = flaky(4);
    await expect(retryOnStale(run.attempt)).resolves.toBe(5);
  });

  it('gives up after the attempts allowed, with the last refusal', async () => {
    const run = flaky(10);
    await expect(retryOnStale(run.attempt, { attempts: 3 })).rejects.toMatchObject({
      reason: 'STALE_VERSION',
    });
    expect(run.calls()).toBe(3);
  });

  it('never retries another error, unless the caller says it means the same', async () => {
    const duplicate = () => Object.assign(new Error('E11000 duplicate key'), { code: 11000 });
    const once = flaky(1, duplicate);
    await expect(retryOnStale(once.attempt)).rejects.toThrow('E11000');
    expect(once.calls()).toBe(1);
    const forgiven = flaky(1, duplicate);
    const isStale = (error: unknown) => isStaleVersion(error) || (error as { code?: number }).code === 11000;
    await expect(retryOnStale(forgiven.attempt, { isStale })).resolves.toBe(2);
    expect(isStaleVersion(new DomainError('CONFLICT', 'HELP_REQUEST_ALREADY_OWNED', 'x'))).toBe(false);
  });
});
