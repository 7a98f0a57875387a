import { describe, expect, it } from '@jest/globals';
import { loadEventSchemas } from '@courtyard/kernel';
import { as, received } from './fixtures.js';
import { raiseComplaintTier } from './complaint-tiers.js';

const complaint = () =>
  received({ type: 'COMPLAINT', category: 'SERVICE_QUALITY', complaintSeverity: 'GENERAL' });
const desk = as({});
const supervisor = as({ subject: 'sup-1', role: 'SERVICE_SUPERVISOR' });
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { code, reason, details } = error as { code: string; reason: string; details?: unknown };
    return { code, reason, details };
  }
  throw new Error('expected a refusal');
};

describe('complaint tiers (seed 003: complaint → escalated complaint → appeal)', () => {
  it('moves up one tier at a time, recording who decided and why', () => {
    const escalated = raiseComplaintTier(complaint(), { tier: 'ESCALATED', reason: 'Not satisfied' }, desk);
    const appealed = raiseComplaintTier(
      escalated.record,
      { tier: 'APPEAL', reason: 'Disputes the handling' },
      supervisor,
    );
    expect(appealed.record.complaintTier).toBe('APPEAL');
    expect(appealed.record.tierChanges).toEqual([
      expect.objectContaining({
        from: 'COMPLAINT',
        to: 'ESCALATED',
        decidedById: 'desk-1',
        reason: 'Not satisfied',
      }),
      expect.objectContaining({
        from: 'ESCALATED',
        to: 'APPEAL',
        decidedById: 'sup-1',
        decidedByRole: 'SERVICE_SUPERVISOR',
      }),
    ]);
    expect(appealed.record.timeline.at(-1)?.note).toBe(
      'complaint tier ESCALATED → APPEAL: Disputes the handling',
    );
    const schemas = loadEventSchemas(new URL('../../../../schema/events', import.meta.url).pathname, {
      closed: true,
    });
    expect([...escalated.events, ...appealed.events].flatMap((event) => schemas.validate(event))).toEqual([]);
  });

  it('never skips, goes down or repeats a tier; an appeal is accepted by supervisors and above', () => {
    expect(
      refusal(() => raiseComplaintTier(complaint(), { tier: 'APPEAL', reason: 'x' }, supervisor)),
    ).toEqual({
      code: 'CONFLICT',
      reason: 'COMPLAINT_TIER_NOT_NEXT',
      details: { current: 'COMPLAINT', allowed: ['ESCALATED'] },
    });
    const escalated = raiseComplaintTier(complaint(), { tier: 'ESCALATED', reason: 'x' }, desk).record;
    expect(
      refusal(() => raiseComplaintTier(escalated, { tier: 'ESCALATED', reason: 'x' }, desk)),
    ).toMatchObject({
      reason: 'COMPLAINT_TIER_NOT_NEXT',
    });
    expect(refusal(() => raiseComplaintTier(escalated, { tier: 'APPEAL', reason: 'x' }, desk))).toMatchObject(
      {
        code: 'FORBIDDEN',
        reason: 'ROLE_NOT_ALLOWED',
      },
    );
    const appealed = raiseComplaintTier(escalated, { tier: 'APPEAL', reason: 'x' }, supervisor).record;
    expect(refusal(() => raiseComplaintTier(appealed, { tier: 'APPEAL', reason: 'x' }, supervisor))).toEqual({
      code: 'CONFLICT',
      reason: 'COMPLAINT_TIER_NOT_NEXT',
      details: { current: 'APPEAL', allowed: [] },
    });
  });

  it('only a complaint has tiers, and a reason is required', () => {
    expect(
      refusal(() => raiseComplaintTier(received(), { tier: 'ESCALATED', reason: 'x' }, desk)),
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'NOT_A_COMPLAINT',
    });
    expect(
      refusal(() => raiseComplaintTier(complaint(), { tier: 'ESCALATED', reason: '' }, desk)),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});
