import { DomainError, parseInput, requireStaffOf, type CommandContext } from '@courtyard/kernel/domain';
import { INSPECTORS } from './access.js';
import type { FaultComplexity } from './catalogue.js';
import { openOrLinkFault, type FaultReportDecision } from './facility.js';
import { recordInspectionInput } from './inputs.js';
import type { FacilityRecord, InspectionItemRecord, InspectionRecord } from './records.js';

/**
 * An inspection round (巡查): per-item results. A failed item on a facility raises a fault
 * through the one fault path (source INSPECTION), unless the inspector says it needs none
 * (`raiseFault: false`, e.g. a label to clean); a failed item on a facility with a fault open is
 * linked to it, like any second report.
 */
export interface InspectionPlan {
  propertyId: string;
  inspectedAt: Date;
  items: Array<InspectionItemRecord & { raiseFault: boolean; complexity: FaultComplexity }>;
  round: string;
}

/** Validates the round and who records it; which facilities it names is checked by `facilitiesOf`. */
export function planInspection(input: unknown, context: CommandContext): InspectionPlan {
  const valid = parseInput(recordInspectionInput, input);
  requireStaffOf(context.actor, valid.propertyId, INSPECTORS, 'record inspections');
  if (valid.inspectedAt.getTime() > context.now.getTime() + 60_000)
    throw new DomainError(
      'BAD_USER_INPUT',
      'INSPECTION_IN_FUTURE',
      'An inspection cannot be dated in the future',
    );
  return {
    propertyId: valid.propertyId,
    inspectedAt: valid.inspectedAt,
    round: valid.round,
    items: valid.items.map((item) => ({ ...item, faultId: null, linked: false })),
  };
}

/** The facilities whose failed items raise a fault, each once (two failed items of one facility raise one). */
export const facilitiesToFault = (plan: InspectionPlan): string[] => [
  ...new Set(
    plan.items.flatMap((item) =>
      item.result === 'FAIL' && item.raiseFault && item.facilityId ? [item.facilityId] : [],
    ),
  ),
];

/** Every facility the round names must be of its property (else NOT_FOUND, as for a missing one). */
export function requireFacilitiesOf(
  plan: InspectionPlan,
  facilities: ReadonlyMap<string, FacilityRecord>,
): void {
  for (const item of plan.items) {
    if (!item.facilityId) continue;
    const facility = facilities.get(item.facilityId);
    if (!facility || facility.propertyId !== plan.propertyId)
      throw new DomainError('NOT_FOUND', 'FACILITY_NOT_FOUND', `Facility ${item.facilityId} does not exist`, {
        entity: 'Facility',
        id: item.facilityId,
      });
  }
}

/** The fault a facility's failed items raise: what they say, as one report from the round. */
export function faultFromInspection(
  plan: InspectionPlan,
  facility: FacilityRecord,
  context: CommandContext,
): FaultReportDecision {
  const failed = plan.items.filter(
    (i) => i.facilityId === facility._id && i.result === 'FAIL' && i.raiseFault,
  );
  const description = failed
    .map((i) => (i.note ? `${i.item}: ${i.note}` : i.item))
    .join('; ')
    .slice(0, 1900);
  return openOrLinkFault(
    facility,
    {
      description: `${plan.round}: ${description}`.slice(0, 2000),
      complexity: failed.some((i) => i.complexity === 'COMPLEX') ? 'COMPLEX' : 'GENERAL',
      source: 'INSPECTION',
      reportedBy: (context.actor.name ?? context.actor.subject).slice(0, 100),
      contactPhone: null,
    },
    context,
  );
}

/** The round as recorded, with the fault each failed item raised or was linked to. */
export function recordedInspection(
  plan: InspectionPlan,
  faults: ReadonlyMap<string, { faultId: string; linked: boolean }>,
  context: CommandContext,
): InspectionRecord {
  return {
    _id: context.newId(),
    version: 1,
    createdAt: context.now,
    propertyId: plan.propertyId,
    round: plan.round,
    inspectedAt: plan.inspectedAt,
    inspectorId: context.actor.subject,
    inspectorName: (context.actor.name ?? context.actor.subject).slice(0, 100),
    items: plan.items.map(({ raiseFault, complexity: _complexity, ...item }) => {
      const fault =
        raiseFault && item.result === 'FAIL' && item.facilityId ? faults.get(item.facilityId) : undefined;
      return { ...item, faultId: fault?.faultId ?? null, linked: fault?.linked ?? false };
    }),
  };
}
