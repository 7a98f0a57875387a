import { describe, expect, it } from '@jest/globals';
import { dayIn } from './calendar.js';

describe('calendar day of an event', () => {
  it('is the day in the configured zone, not in UTC', () => {
    expect(dayIn('2026-11-23T15:59:59.999Z', 'Asia/Shanghai')).toBe('2026-11-23');
    expect(dayIn('2026-11-23T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-11-24');
    expect(dayIn('2026-11-23T16:00:00.000Z', 'UTC')).toBe('2026-11-23');
  });

  it('reads offsets other than Z', () => {
    expect(dayIn('2026-11-24T00:30:00+08:00', 'Asia/Shanghai')).toBe('2026-11-24');
  });
});
