import {
  parseInput,
  type CommandContext,
  type Decision,
  type EventDataByType,
} from '@courtyard/kernel/domain';
import type { Channel } from './catalogue.js';
import { receive } from './intake.js';
import { recordHelpRequestInput } from './inputs.js';
import type { HelpRequestRecord } from './records.js';
import type { SlaTerms } from './sla-terms.js';

type FaultReported = EventDataByType['facility.fault_reported.v1'];

/** The intake channel a fault's source arrived by (no new channel value: that would break the event contract). */
const CHANNEL_OF_SOURCE: Record<FaultReported['source'], Channel> = {
  STAFF: 'FRONT_DESK',
  INSPECTION: 'FRONT_DESK',
  RESIDENT: 'APP',
  PARTNER: 'ONLINE_CHAT',
};

/**
 * The repair request for a fault reported in the facilities subgraph: a REPAIR in the category
 * facilities mapped the facility type to, urgent as it decided, with the fault's complexity (the
 * SLA table keys on both). 首问制: the system recorded it, so the system actor owns it; the front
 * desk acknowledges and dispatches it like any other. The contact is the reporter, with their
 * phone or else the office's service line. `requestId` is derived from the event, so a replay
 * decides the same request and hits its `_id`.
 */
export function repairFromFault(
  fault: FaultReported,
  number: string,
  { timeZone, terms }: { timeZone: string; terms: SlaTerms },
  callbackPhone: string,
  requestId: string,
  context: CommandContext,
): Decision<HelpRequestRecord> {
  const valid = parseInput(recordHelpRequestInput, {
    propertyId: fault.propertyId,
    type: 'REPAIR',
    category: fault.category,
    channel: CHANNEL_OF_SOURCE[fault.source],
    description: `${fault.facilityName} (${fault.assetTag}, ${fault.area}): ${fault.description}`.slice(
      0,
      4000,
    ),
    contactName: fault.reportedBy.slice(0, 100),
    contactPhone: fault.contactPhone ?? callbackPhone,
    urgent: fault.urgent,
    faultComplexity: fault.complexity,
  });
  const ids = [requestId];
  const withRequestId: CommandContext = { ...context, newId: () => ids.shift() ?? context.newId() };
  return receive(
    valid,
    number,
    null,
    withRequestId,
    timeZone,
    { facilityId: fault.facilityId, faultId: fault.faultId },
    { terms },
  );
}
