import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TOPICS } from '@courtyard/kernel';
import { EventTap } from '../support/events.js';
import { gql, gqlOk } from '../support/graphql.js';
import { createProperty } from '../support/residents.js';
import { act, recordHelpRequest, registerStaff, repairInput } from '../support/work-orders.js';

/**
 * Issue 19, technicians and the managers who keep their records, through the real gateway, Kafka
 * and the MongoDB-wire server. The services run on the wall clock, so the technician's shift is
 * a one-off change of today written around the moment the test runs (now - 1 h to now + 2 h, in
 * the technician's zone); the shift arithmetic itself is tested with an injected clock in
 * services/work-orders/src/domain/roster.spec.ts.
 */

const ZONE = 'Asia/Shanghai';
const HOUR = 3_600_000;

/** The local day and `HH:MM` of an instant in a zone. */
function local(at: Date) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((part) => part.type === type)!.value;
  return { day: `${get('year')}-${get('month')}-${get('day')}`, hhmm: `${get('hour')}:${get('minute')}` };
}
/** The ISO weekday three days after an instant's local day (never next to today's shift). */
const weekdayAway = (at: Date) => ((new Date(`${local(at).day}T12:00:00Z`).getUTCDay() + 6 + 3) % 7) + 1;

const STAFF_VIEW = /* GraphQL */ `
  query ($id: ID!) {
    staff(id: $id) {
      grade
      roster {
        weekday
        start
        end
      }
      shiftChanges {
        day
        shifts {
          start
          end
        }
      }
      leave {
        from
        to
      }
      currentShift {
        source
        end
      }
      history {
        byId
        field
        from
        to
        reason
      }
    }
  }
`;
const TODAYS_WORK = /* GraphQL */ `
  query ($staffId: ID) {
    todaysWork(staffId: $staffId) {
      onShift
      shift {
        source
        start
        end
      }
      assignments {
        id
        dueAt
        contactName
        contactPhone
        requester {
          id
        }
        unit {
          id
        }
        facility {
          id
        }
      }
    }
  }
`;
const FIELD_WORK = /* GraphQL */ `
  query ($id: ID!) {
    helpRequest(id: $id) {
      state
      clocks {
        kind
        status
        stoppedById
      }
      timeline {
        note
      }
      fieldWork {
        arrivedAt
        arrivedById
        notes {
          byId
          text
          photos
        }
        parts {
          name
          quantity
          cost {
            amount
            currency
          }
        }
        signOff {
          residentName
          signature
          recordedById
        }
      }
    }
  }
`;
const STAFF_CHANGE = (mutation: string, inputType: string) =>
  `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { staff { id } } }`;
const onSite = (mutation: string, inputType: string, input: Record<string, unknown>, token: string) =>
  gql(
    `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { helpRequest { id } } }`,
    { input },
    { token },
  );
const codesOf = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  (result.errors ?? []).map(
    (error) => `${String(error.extensions?.code)}/${String(error.extensions?.reason)}`,
  );

describe('work-orders: a technician’s day and the staff record behind it, through the gateway', () => {
  let tap: EventTap;
  beforeAll(async () => {
    tap = await EventTap.start(TOPICS.workOrders);
  });
  afterAll(() => tap.stop());

  it('a manager changes roster and grade; the technician works today’s shift; another technician is refused', async () => {
    const propertyId = (await createProperty()).id;
    const manager = await registerStaff(propertyId, 'GENERAL_MANAGER');
    const desk = await registerStaff(propertyId, 'FRONT_DESK');
    const tech = await registerStaff(propertyId, 'TECHNICIAN', { skills: ['PLUMBING', 'CUSTOMER_SERVICE'] });
    const other = await registerStaff(propertyId, 'TECHNICIAN');
    const now = new Date();

    // The manager: a weekly roster of one day away from today, a senior grade, and today's shift
    // as a one-off change (a swap) around now; leave next month.
    const roster = [{ weekday: weekdayAway(now), start: '09:00', end: '17:00' }];
    await gqlOk(
      STAFF_CHANGE('updateStaff', 'UpdateStaffInput'),
      { input: { id: tech.id, reason: 'Passed the senior assessment', grade: 'SENIOR', roster } },
      { token: manager.token },
    );
    const from = local(new Date(now.getTime() - HOUR));
    const until = local(new Date(now.getTime() + 2 * HOUR));
    await gqlOk(
      STAFF_CHANGE('changeStaffShift', 'ChangeStaffShiftInput'),
      {
        input: {
          staffId: tech.id,
          day: from.day,
          shifts: [{ start: from.hhmm, end: until.hhmm }],
          reason: 'Swapped with Zhao',
        },
      },
      { token: manager.token },
    );
    const nextMonth = local(new Date(now.getTime() + 40 * 24 * HOUR)).day;
    await gqlOk(
      STAFF_CHANGE('grantStaffLeave', 'StaffLeaveInput'),
      { input: { staffId: tech.id, from: nextMonth, to: nextMonth, reason: 'Annual leave' } },
      { token: manager.token },
    );
    // Only managers keep staff records: the technician is stopped at the gate.
    const selfPromotion = await gql(
      STAFF_CHANGE('updateStaff', 'UpdateStaffInput'),
      { input: { id: tech.id, reason: 'me', grade: 'SENIOR' } },
      { token: tech.token },
    );
    expect(codesOf(selfPromotion)[0]).toMatch(/^FORBIDDEN/);

    const { staff } = await gqlOk<{
      staff: {
        grade: string;
        roster: unknown[];
        currentShift: { source: string } | null;
        history: Array<{
          byId: string;
          field: string;
          from: string | null;
          to: string | null;
          reason: string;
        }>;
      };
    }>(STAFF_VIEW, { id: tech.id }, { token: manager.token });
    expect(staff).toMatchObject({ grade: 'SENIOR', roster, currentShift: { source: 'CHANGE' } });
    expect(staff.history.map((h) => [h.byId, h.field, h.reason])).toEqual([
      [manager.id, 'grade', 'Passed the senior assessment'],
      [manager.id, 'roster', 'Passed the senior assessment'],
      [manager.id, `shiftChange:${from.day}`, 'Swapped with Zhao'],
      [manager.id, 'leave', 'Annual leave'],
    ]);
    expect(staff.history[0]).toMatchObject({ from: '"INTERMEDIATE"', to: '"SENIOR"' });
    const [updated] = await tap.waitFor((e) => e.type === 'staff.updated.v1' && e.subject === tech.id, 3);
    expect(updated!.data).toMatchObject({
      staffId: tech.id,
      updatedById: manager.id,
      changes: [
        { field: 'grade', from: 'INTERMEDIATE', to: 'SENIOR' },
        expect.objectContaining({ field: 'roster', to: roster }),
      ],
    });

    // Two assignments: an urgent leak due within the shift, a consultation due tomorrow.
    const leak = await recordHelpRequest(repairInput(propertyId, { urgent: true }), desk.token);
    const question = await recordHelpRequest(
      {
        ...repairInput(propertyId),
        type: 'CONSULTATION',
        category: 'GENERAL',
        consultationMode: 'ORAL',
        description: 'How do I book the community hall?',
      },
      desk.token,
    );
    for (const [id, hours] of [
      [leak, 1.5],
      [question, 20],
    ] as const) {
      await act('acknowledgeHelpRequest', { id }, desk.token);
      const dueAt = new Date(now.getTime() + hours * HOUR).toISOString();
      await act('assignHelpRequest', { id, assigneeIds: [tech.id], dueAt }, desk.token);
    }

    const { todaysWork } = await gqlOk<{
      todaysWork: {
        onShift: boolean;
        shift: { source: string; end: string };
        assignments: Array<{ id: string; contactName: string; requester: null; facility: null }>;
      };
    }>(TODAYS_WORK, {}, { token: tech.token });
    expect(todaysWork).toMatchObject({ onShift: true, shift: { source: 'CHANGE' } });
    expect(todaysWork.assignments.map((a) => a.id)).toEqual([leak]);
    expect(todaysWork.assignments[0]).toMatchObject({
      contactName: 'Li Wei',
      requester: null,
      facility: null,
    });
    // The desk reads the technician's day too; another technician may not.
    const deskView = await gqlOk<{ todaysWork: { assignments: Array<{ id: string }> } }>(
      TODAYS_WORK,
      { staffId: tech.id },
      { token: desk.token },
    );
    expect(deskView.todaysWork.assignments.map((a) => a.id)).toEqual([leak]);
    expect(codesOf(await gql(TODAYS_WORK, { staffId: tech.id }, { token: other.token }))).toEqual([
      'FORBIDDEN/NOT_OWN_WORK',
    ]);

    // On site: arrival (the urgent repair's ON_SITE clock), a note with a photo, parts, the sign-off.
    const photo = 'https://files.example/leak-1.jpg';
    const steps: Array<[string, string, Record<string, unknown>]> = [
      ['recordHelpRequestArrival', 'TransitionInput', { id: leak, note: 'at the door' }],
      ['startHelpRequestWork', 'TransitionInput', { id: leak }],
      [
        'recordHelpRequestWorkNote',
        'RecordHelpRequestWorkNoteInput',
        { id: leak, note: 'Joint worn through', photos: [photo] },
      ],
      [
        'recordHelpRequestPartsUsed',
        'RecordHelpRequestPartsInput',
        {
          id: leak,
          parts: [
            { name: 'Pipe joint 20 mm', quantity: 2, cost: { amount: 1800, currency: 'CNY' } },
            { name: 'PTFE tape', quantity: 1 },
          ],
        },
      ],
      ['resolveHelpRequest', 'ResolveHelpRequestInput', { id: leak, outcome: 'Replaced the joint' }],
    ];
    // Another technician touches none of it.
    expect(
      codesOf(
        await onSite(
          'recordHelpRequestWorkNote',
          'RecordHelpRequestWorkNoteInput',
          { id: leak, note: 'mine' },
          other.token,
        ),
      ),
    ).toEqual(['FORBIDDEN/ROLE_NOT_ALLOWED']);
    for (const [mutation, inputType, input] of steps) {
      expect(codesOf(await onSite(mutation, inputType, input, tech.token))).toEqual([]);
    }
    const signature = 'https://files.example/signature-li-wei.png';
    expect(
      codesOf(
        await onSite(
          'recordHelpRequestSignOff',
          'RecordHelpRequestSignOffInput',
          { id: leak, residentName: 'Li Wei', signature },
          other.token,
        ),
      ),
    ).toEqual(['FORBIDDEN/ROLE_NOT_ALLOWED']);
    expect(
      codesOf(
        await onSite(
          'recordHelpRequestSignOff',
          'RecordHelpRequestSignOffInput',
          { id: leak, residentName: 'Li Wei', signature },
          tech.token,
        ),
      ),
    ).toEqual([]);

    const { helpRequest } = await gqlOk<{
      helpRequest: {
        state: string;
        clocks: Array<{ kind: string; status: string; stoppedById: string | null }>;
        timeline: Array<{ note: string | null }>;
        fieldWork: Record<string, unknown>;
      };
    }>(FIELD_WORK, { id: leak }, { token: desk.token });
    expect(helpRequest.state).toBe('RESOLVED');
    expect(helpRequest.clocks.find((c) => c.kind === 'ON_SITE')).toMatchObject({
      status: 'MET',
      stoppedById: tech.id,
    });
    expect(helpRequest.fieldWork).toMatchObject({
      arrivedById: tech.id,
      notes: [{ byId: tech.id, text: 'Joint worn through', photos: [photo] }],
      parts: [
        { name: 'Pipe joint 20 mm', quantity: 2, cost: { amount: 1800, currency: 'CNY' } },
        { name: 'PTFE tape', quantity: 1, cost: null },
      ],
      signOff: { residentName: 'Li Wei', signature, recordedById: tech.id },
    });
    expect(helpRequest.timeline.map((t) => t.note)).toEqual(
      expect.arrayContaining([
        'arrived on site: at the door',
        'work note (1 photo): Joint worn through',
        'parts used: 2 × Pipe joint 20 mm, 1 × PTFE tape',
        'resident sign-off (signed)',
      ]),
    );
    await tap.waitFor((e) => e.subject === leak && e.type === 'workorder.signed_off.v1');
    const types = new Set(tap.matching((e) => e.subject === leak).map((e) => e.type));
    expect([...types]).toEqual(
      expect.arrayContaining([
        'workorder.clock_stopped.v1',
        'workorder.work_noted.v1',
        'workorder.parts_used.v1',
      ]),
    );

    // A consultation has no on-site limit: the visit is still recorded (workorder.arrived.v1).
    expect(
      codesOf(await onSite('recordHelpRequestArrival', 'TransitionInput', { id: question }, tech.token)),
    ).toEqual([]);
    const [arrived] = await tap.waitFor((e) => e.subject === question && e.type === 'workorder.arrived.v1');
    expect(arrived!.data).toMatchObject({ actorId: tech.id, state: 'ASSIGNED' });

    // Deactivating the technician while the consultation is still theirs is refused.
    const leaving = await gql(
      STAFF_CHANGE('updateStaff', 'UpdateStaffInput'),
      { input: { id: tech.id, reason: 'Leaves the company', active: false } },
      { token: manager.token },
    );
    expect(codesOf(leaving)).toEqual(['CONFLICT/STAFF_HAS_OPEN_ASSIGNMENTS']);
  });
});
