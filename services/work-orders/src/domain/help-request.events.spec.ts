import { describe, expect, it } from '@jest/globals';
import { loadEventSchemas, type CloudEvent } from '@courtyard/kernel';
import { as, received, REPAIR_CALL, staff } from './fixtures.js';
import { receive, validateIntake } from './intake.js';
import * as lifecycle from './lifecycle.js';
import type { HelpRequestRecord } from './records.js';

// Producers are held to the closed form: nothing a schema does not name.
const schemas = loadEventSchemas(new URL('../../../../schema/events', import.meta.url).pathname, {
  closed: true,
});
const desk = as({});
const tech = as({ subject: 'tech-1', role: 'TECHNICIAN' });

/** Walks a request through its whole life, collecting every event it publishes. */
function wholeLife(): CloudEvent[] {
  // Fresh contexts: each run starts its own id sequence.
  const desk = as({});
  const tech = as({ subject: 'tech-1', role: 'TECHNICIAN' });
  const inspector = as({ subject: 'qi-1', role: 'QUALITY_INSPECTOR', propertyIds: ['*'] });
  const events: CloudEvent[] = [];
  const step = (decision: { record: HelpRequestRecord; events: CloudEvent[] }) => {
    events.push(...decision.events);
    return decision.record;
  };
  let request = step(
    receive(validateIntake(REPAIR_CALL, desk), 'WO-2026-000007', null, desk, 'Asia/Shanghai'),
  );
  request = step(lifecycle.acknowledge(request, 'called back', desk));
  request = step(lifecycle.assign(request, { assigneeIds: ['tech-1'] }, [staff()], desk));
  request = step(lifecycle.startWork(request, null, tech));
  request = step(
    lifecycle.waitForParts(request, { message: 'Valve ordered', notifiedUnitIds: ['u1'] }, tech),
  );
  request = step(lifecycle.startWork(request, 'valve arrived', tech));
  request = step(lifecycle.escalate(request, 'needs the supervisor', tech));
  request = step(lifecycle.startWork(request, null, tech));
  request = step(lifecycle.resolve(request, 'Valve replaced', tech));
  request = step(lifecycle.rejectFix(request, 'still dripping', desk));
  request = step(lifecycle.startWork(request, null, tech));
  request = step(lifecycle.resolve(request, 'Valve replaced again', tech));
  request = step(lifecycle.confirm(request, null, desk));
  request = step(lifecycle.recordFollowUp(request, 'SATISFIED', 'happy', desk));
  request = step(lifecycle.close(request, 'done', desk));
  step(lifecycle.inspect(request, 'Work and paperwork complete', true, inspector));
  const referred = lifecycle.refer(
    received({}, desk),
    { department: 'Gas company', residentToldAt: desk.now },
    as({ subject: 'desk-1' }),
  );
  events.push(...referred.events);
  return events;
}

describe('help-request events', () => {
  it('publish what their schemas promise, for every type a request goes through', () => {
    const events = wholeLife();
    const problems = events.flatMap((event) => schemas.validate(event).map((p) => `${event.type}: ${p}`));
    expect(problems).toEqual([]);
    expect(new Set(events.map((event) => event.type)).size).toBe(13);
  });

  it('take their ids from the command context, so the same inputs decide the same events', () => {
    expect(wholeLife()).toEqual(wholeLife());
  });

  it('carry the request and trace ids of the command onto the envelope', () => {
    const traced = {
      ...desk,
      requestId: 'req-1',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    };
    const [event] = receive(
      validateIntake(REPAIR_CALL, traced),
      'WO-2026-000008',
      null,
      traced,
      'Asia/Shanghai',
    ).events;
    expect(event).toMatchObject({
      requestid: 'req-1',
      traceparent: traced.traceparent,
      propertyid: 'p1',
      source: '/courtyard/work-orders',
    });
  });
});

describe('transition notes', () => {
  it('go on the timeline with the transition they explain', () => {
    const started = lifecycle.startWork(
      lifecycle.assign(
        lifecycle.acknowledge(received(), null, desk).record,
        { assigneeIds: ['tech-1'] },
        [staff()],
        desk,
      ).record,
      '  Parts in the van  ',
      tech,
    ).record;
    expect(started.timeline.at(-1)).toMatchObject({ to: 'IN_PROGRESS', note: 'Parts in the van' });
  });

  it('are refused when too long, before anything changes', () => {
    expect(() => lifecycle.acknowledge(received(), 'x'.repeat(2001), desk)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'VALIDATION_FAILED' }) as unknown as Error,
    );
  });
});
