import {
  DomainError,
  domainEvent,
  parseInput,
  requireStaffOf,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { MANAGEMENT_OFFICE } from './access.js';
import { openBills, type UnitAccountView } from './accounts.js';
import { unitAgeing } from './arrears.js';
import type { UnitEntries } from './accounts.js';
import { sendDunningNoticeInput } from './inputs.js';
import { dayOf } from './periods.js';
import type { DunningNoticeRecord, UnitRecord } from './records.js';

/**
 * Records a dunning notice (催缴) the management office sent, with its channel and what the
 * account showed at that moment, so a later dispute can see what the household was told.
 * A unit that owes nothing is not dunned (`NOTHING_OWED`).
 */
export function sendDunningNotice(
  input: unknown,
  unit: UnitRecord,
  view: UnitAccountView,
  entries: UnitEntries,
  context: CommandContext,
): Decision<DunningNoticeRecord> {
  const valid = parseInput(sendDunningNoticeInput, input);
  requireStaffOf(context.actor, unit.propertyId, MANAGEMENT_OFFICE, 'send dunning notices');
  const owed = view.account.balance;
  if (owed <= 0) {
    throw new DomainError('CONFLICT', 'NOTHING_OWED', 'This unit owes nothing: there is nothing to dun', {
      unitId: unit._id,
    });
  }
  const record: DunningNoticeRecord = {
    _id: context.newId(),
    version: 1,
    createdAt: context.now,
    propertyId: unit.propertyId,
    unitId: unit._id,
    channel: valid.channel,
    owed,
    overdue: unitAgeing(entries, dayOf(context.now)).total,
    currency: view.account.currency,
    billIds: openBills(view).map((bill) => bill._id),
    note: valid.note,
    sentBy: context.actor.subject,
  };
  return {
    record,
    events: [
      domainEvent(
        'dunning_notice.sent.v1',
        { id: record._id, propertyId: record.propertyId },
        {
          dunningNoticeId: record._id,
          propertyId: record.propertyId,
          unitId: record.unitId,
          channel: record.channel,
          owed: record.owed,
          overdue: record.overdue,
          currency: record.currency,
          billIds: record.billIds,
          sentAt: context.now.toISOString(),
          sentBy: record.sentBy,
        },
        context,
      ),
    ],
  };
}
