import { describe, expect, it } from '@jest/globals';
import { assertTransition, OPEN_STATES, STATES, TRANSITIONS } from './transitions.js';

describe('help-request lifecycle table', () => {
  it('follows the spec: intake to close, with the side paths', () => {
    const path = [
      'RECEIVED',
      'ACKNOWLEDGED',
      'ASSIGNED',
      'IN_PROGRESS',
      'RESOLVED',
      'CONFIRMED',
      'FOLLOWED_UP',
      'CLOSED',
    ] as const;
    for (let i = 1; i < path.length; i += 1)
      expect(() => assertTransition(path[i - 1]!, path[i]!)).not.toThrow();
    expect(TRANSITIONS.IN_PROGRESS).toEqual(expect.arrayContaining(['WAITING_PARTS', 'ESCALATED']));
    expect(TRANSITIONS.WAITING_PARTS).toContain('IN_PROGRESS');
    expect(TRANSITIONS.RESOLVED).toContain('REOPENED');
    expect(TRANSITIONS.REOPENED).toContain('IN_PROGRESS');
  });

  it('refuses illegal moves with CONFLICT and the allowed next states', () => {
    expect(() => assertTransition('RECEIVED', 'CLOSED')).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        reason: 'ILLEGAL_TRANSITION',
        details: { from: 'RECEIVED', to: 'CLOSED', allowed: ['ACKNOWLEDGED', 'REFERRED', 'ESCALATED'] },
      }) as unknown as Error,
    );
  });

  it('has two final states and no way to close as "not ours" except by referral', () => {
    expect(STATES.filter((state) => TRANSITIONS[state].length === 0)).toEqual(['CLOSED', 'REFERRED']);
    expect(OPEN_STATES).not.toContain('CLOSED');
    expect(STATES.filter((state) => TRANSITIONS[state].includes('CLOSED'))).toEqual(['FOLLOWED_UP']);
  });
});
