import { describe, expect, it } from '@jest/globals';
import { holds, isRepeat } from './first-folds.js';

const at = (offset: number, partition = 0, topic = 'workorders.events') => ({
  topic,
  partition,
  offset: String(offset),
});
/** The state has folded partition 0 of work orders up to offset 5,000 (next to fold). */
const folded = { 'workorders.events/0': { nextOffset: '5000' } };

describe('whether a copy of an event was already counted', () => {
  it('an id never recorded is counted', () => {
    expect(isRepeat(folded, undefined, at(5_000))).toBe(false);
  });

  it('a copy long after an original the state holds is a repeat, whatever the distance', () => {
    expect(isRepeat(folded, at(3), at(5_000))).toBe(true);
    expect(isRepeat(folded, at(4_999), at(1_000_000))).toBe(true);
  });

  it('the record of the message itself (the first copy, or a crashed attempt at it) is counted', () => {
    expect(isRepeat(folded, at(5_000), at(5_000))).toBe(false);
  });

  it('a record the state does not hold was left by an attempt that died before the state write: counted', () => {
    expect(isRepeat(folded, at(5_001), at(5_002))).toBe(false);
    expect(isRepeat(folded, at(7, 1), at(5_000))).toBe(false);
    expect(isRepeat({}, at(0), at(1))).toBe(false);
  });

  it('an original on another partition or topic counts when the state holds that partition past it', () => {
    const state = { ...folded, 'residents.events/2': { nextOffset: '10' } };
    expect(isRepeat(state, at(9, 2, 'residents.events'), at(5_000))).toBe(true);
    expect(isRepeat(state, at(10, 2, 'residents.events'), at(5_000))).toBe(false);
  });

  it('offsets compare as 64-bit numbers, not as strings', () => {
    expect(holds({ 't/0': { nextOffset: '10' } }, { topic: 't', partition: 0, offset: '9' })).toBe(true);
    expect(holds({ 't/0': { nextOffset: '9007199254740993' } }, at(9_007_199_254_740_992, 0, 't'))).toBe(
      true,
    );
  });
});
