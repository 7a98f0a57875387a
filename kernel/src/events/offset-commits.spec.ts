import { describe, expect, it } from '@jest/globals';
import { createLogger } from '../logger.js';
import { offsetCommits, type PartitionOffset, type ScheduleBeat } from './offset-commits.js';

const logger = createLogger('offset-commits-spec', 'silent');

/** A beat driven by hand: `beats` holds what is scheduled, `fire()` runs it as the timer would. */
function handBeat() {
  const beats: Array<{ run: () => void; ms: number; cancelled: boolean }> = [];
  const schedule: ScheduleBeat = (run, ms) => {
    const beat = { run, ms, cancelled: false };
    beats.push(beat);
    return { cancel: () => void (beat.cancelled = true) };
  };
  const pending = () => beats.filter((beat) => !beat.cancelled);
  const fire = async () => {
    const due = pending();
    beats.length = 0;
    for (const beat of due) beat.run();
    // Let the commit the beat started settle.
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { schedule, pending, fire };
}

function recordingCommit() {
  const commits: PartitionOffset[][] = [];
  const commit = async (offsets: PartitionOffset[]) => {
    commits.push(offsets);
  };
  return { commits, commit };
}

describe('offset commits on a beat', () => {
  it('commits nothing until the beat, then the offset after each partition’s newest handled message', async () => {
    const clock = handBeat();
    const { commits, commit } = recordingCommit();
    const offsets = offsetCommits({ commit, intervalMs: 1000, logger, schedule: clock.schedule });
    await offsets.handled('workorders.events', 0, '41');
    await offsets.handled('workorders.events', 0, '57');
    await offsets.handled('workorders.events', 1, '9');
    expect(commits).toEqual([]);
    expect(clock.pending().map(({ ms }) => ms)).toEqual([1000]);
    await clock.fire();
    expect(commits).toEqual([
      [
        { topic: 'workorders.events', partition: 0, offset: '58' },
        { topic: 'workorders.events', partition: 1, offset: '10' },
      ],
    ]);
    // Nothing waits, so nothing is scheduled: a quiet group sends no empty commits.
    expect(clock.pending()).toEqual([]);
  });

  it('with an interval of 0 commits every batch before `handled` returns', async () => {
    const { commits, commit } = recordingCommit();
    const offsets = offsetCommits({ commit, intervalMs: 0, logger, schedule: handBeat().schedule });
    await offsets.handled('residents.events', 2, '7');
    expect(commits).toEqual([[{ topic: 'residents.events', partition: 2, offset: '8' }]]);
  });

  it('keeps a failed commit for the next beat, unless a batch handled meanwhile moved the partition on', async () => {
    const clock = handBeat();
    const commits: PartitionOffset[][] = [];
    let failNext = true;
    const offsets = offsetCommits({
      commit: async (sent) => {
        if (!failNext) {
          commits.push(sent);
          return;
        }
        failNext = false;
        // A batch of partition 1 settles while this commit is on its way, then it fails.
        await offsets.handled('workorders.events', 1, '20');
        throw new Error('REBALANCE_IN_PROGRESS');
      },
      intervalMs: 500,
      logger,
      schedule: clock.schedule,
    });
    await offsets.handled('workorders.events', 0, '3');
    await offsets.handled('workorders.events', 1, '4');
    await clock.fire();
    expect(commits).toEqual([]);
    expect(clock.pending().map(({ ms }) => ms)).toEqual([500]);
    await clock.fire();
    expect(commits).toEqual([
      [
        { topic: 'workorders.events', partition: 1, offset: '21' },
        { topic: 'workorders.events', partition: 0, offset: '4' },
      ],
    ]);
  });

  it('drops what waits for a partition the group gave to another member', async () => {
    const clock = handBeat();
    const { commits, commit } = recordingCommit();
    const offsets = offsetCommits({ commit, intervalMs: 1000, logger, schedule: clock.schedule });
    await offsets.handled('workorders.events', 0, '10');
    await offsets.handled('workorders.events', 1, '11');
    offsets.assigned([{ topic: 'workorders.events', partition: 1 }]);
    await clock.fire();
    expect(commits).toEqual([[{ topic: 'workorders.events', partition: 1, offset: '12' }]]);
  });

  it('after cancel schedules no beat, and a flush still commits what waits', async () => {
    const clock = handBeat();
    const { commits, commit } = recordingCommit();
    const offsets = offsetCommits({ commit, intervalMs: 60_000, logger, schedule: clock.schedule });
    await offsets.handled('facilities.events', 0, '99');
    offsets.cancel();
    await offsets.handled('facilities.events', 0, '100');
    expect(clock.pending()).toEqual([]);
    await offsets.flush();
    expect(commits).toEqual([[{ topic: 'facilities.events', partition: 0, offset: '101' }]]);
    await offsets.flush();
    expect(commits).toHaveLength(1);
  });
});
