import { describe, expect, it } from '@jest/globals';
import { createdUnder, inRequestScope, markCreatedUnder } from '../idempotency/request-scope.js';
import { createLogger } from '../logger.js';
import { startTicking, type Beat } from './ticking.js';

/** A beat the test fires by hand. */
const handBeat = () => {
  let fire: (() => void) | null = null;
  let everyMs = 0;
  const beat: Beat = {
    every(intervalMs, callback) {
      everyMs = intervalMs;
      fire = callback;
      return () => {
        fire = null;
      };
    },
  };
  return { beat, fire: () => fire?.(), everyMs: () => everyMs, cancelled: () => fire === null };
};

/** A tick the test lets finish by hand, recording the moments it was asked to run at. */
const heldTick = () => {
  const moments: Date[] = [];
  const releases: Array<() => void> = [];
  const tick = (now: Date) => {
    moments.push(now);
    return new Promise<void>((resolve) => releases.push(resolve));
  };
  return { tick, moments, release: () => releases.shift()?.() };
};

const logger = createLogger('ticking-spec', 'silent');
const at = (iso: string) => () => new Date(iso);

describe('startTicking', () => {
  it('ticks on every beat at the clock’s now, one at a time: a beat during a tick is skipped', async () => {
    const beat = handBeat();
    const job = heldTick();
    const ticking = startTicking({
      name: 'scan',
      intervalMs: 5_000,
      tick: job.tick,
      logger,
      clock: at('2026-12-01T08:00:00Z'),
      beat: beat.beat,
    });
    expect(beat.everyMs()).toBe(5_000);
    beat.fire();
    beat.fire();
    expect(job.moments).toEqual([new Date('2026-12-01T08:00:00Z')]);
    job.release();
    await new Promise((resolve) => setImmediate(resolve));
    beat.fire();
    expect(job.moments).toHaveLength(2);
    job.release();
    await ticking.stop();
  });

  it('a nudge during a tick runs one more tick right after it, and resolves when that one ends', async () => {
    const beat = handBeat();
    const job = heldTick();
    const ticking = startTicking({
      name: 'sweep',
      intervalMs: 1_000,
      tick: job.tick,
      logger,
      beat: beat.beat,
    });
    beat.fire();
    let done = false;
    const nudged = ticking.nudge().then(() => {
      done = true;
    });
    void ticking.nudge();
    job.release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(job.moments).toHaveLength(2);
    expect(done).toBe(false);
    job.release();
    await nudged;
    expect(done).toBe(true);
    expect(job.moments).toHaveLength(2);
    await ticking.stop();
  });

  it('a failed tick is logged and the next beat ticks again', async () => {
    const beat = handBeat();
    const errors: unknown[] = [];
    const failingLogger = {
      ...logger,
      error: (entry: unknown) => errors.push(entry),
    } as unknown as typeof logger;
    let calls = 0;
    const ticking = startTicking({
      name: 'report dues',
      intervalMs: 1_000,
      tick: () => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('database gone')) : Promise.resolve();
      },
      logger: failingLogger,
      beat: beat.beat,
    });
    await ticking.nudge();
    expect(errors).toEqual([expect.objectContaining({ job: 'report dues' })]);
    beat.fire();
    await ticking.nudge();
    expect(calls).toBe(3);
    await ticking.stop();
  });

  it('stop cancels the beat and waits for the running tick; nothing ticks afterwards', async () => {
    const beat = handBeat();
    const job = heldTick();
    const ticking = startTicking({
      name: 'scan',
      intervalMs: 1_000,
      tick: job.tick,
      logger,
      beat: beat.beat,
    });
    beat.fire();
    let stopped = false;
    const stopping = ticking.stop().then(() => {
      stopped = true;
    });
    expect(beat.cancelled()).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    job.release();
    await stopping;
    await ticking.nudge();
    expect(job.moments).toHaveLength(1);
  });

  it('immediately: ticks once as soon as it starts, without waiting for a beat', async () => {
    const beat = handBeat();
    const job = heldTick();
    const ticking = startTicking({
      name: 'expiry',
      intervalMs: 60_000,
      tick: job.tick,
      logger,
      immediately: true,
      beat: beat.beat,
    });
    expect(job.moments).toHaveLength(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(job.moments).toHaveLength(1);
    job.release();
    await ticking.stop();
  });
  it('a tick nudged from a keyed request runs outside it: what the job creates carries no key', async () => {
    const beat = handBeat();
    const seen: Array<string | undefined> = [];
    const ticking = startTicking({
      name: 'call-backs',
      intervalMs: 60_000,
      tick: async () => {
        seen.push(createdUnder());
      },
      logger,
      beat: beat.beat,
    });
    await inRequestScope(async () => {
      markCreatedUnder('scope-of-a-request');
      expect(createdUnder()).toBe('idempotency:scope-of-a-request');
      await ticking.nudge();
    });
    expect(seen).toEqual([undefined]);
    await ticking.stop();
  });
});
