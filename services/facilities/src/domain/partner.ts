import {
  domainEvent,
  DomainError,
  parseInput,
  requireStaffOf,
  type CloudEvent,
  type CommandContext,
  type Decision,
} from '@courtyard/kernel/domain';
import { PARTNER_EDITORS } from './access.js';
import { CONTRACT_REQUIRED_TYPES, type FacilityType } from './catalogue.js';
import { addServiceContractInput, registerServicePartnerInput } from './inputs.js';
import type { ServiceContractRecord, ServicePartnerRecord } from './records.js';

/**
 * Service partners (维保单位) and their maintenance contracts. Contract days are calendar days
 * (YYYY-MM-DD, both ends inclusive) in the service's time zone; `today` comes in as an argument.
 */

const DAY_MS = 86_400_000;

/** The calendar day of `at` in `timeZone`, YYYY-MM-DD. */
export const dayIn = (at: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    at,
  );

export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export const inForce = (
  contract: Pick<ServiceContractRecord, 'startsOn' | 'endsOn'>,
  today: string,
): boolean => contract.startsOn <= today && today <= contract.endsOn;

export interface ContractInForce {
  partner: ServicePartnerRecord;
  contract: ServiceContractRecord;
}

/** The contracts in force today that cover a facility type. */
export const contractsCovering = (
  partners: readonly ServicePartnerRecord[],
  type: FacilityType,
  today: string,
): ContractInForce[] =>
  partners.flatMap((partner) =>
    partner.contracts
      .filter((contract) => contract.facilityTypes.includes(type) && inForce(contract, today))
      .map((contract) => ({ partner, contract })),
  );

export type ComplianceWarning = 'MAINTENANCE_CONTRACT_MISSING';

/**
 * A facility whose type needs a maintenance contract (fire protection) and has none in force is
 * flagged, not refused: the equipment is there and must be recorded and operated (a fire pump
 * is not switched off because its contract lapsed); the warning is what the office acts on.
 */
export const complianceWarnings = (type: FacilityType, covering: readonly unknown[]): ComplianceWarning[] =>
  CONTRACT_REQUIRED_TYPES.includes(type) && covering.length === 0 ? ['MAINTENANCE_CONTRACT_MISSING'] : [];

export function registerServicePartner(
  input: unknown,
  context: CommandContext,
): Decision<ServicePartnerRecord> {
  const valid = parseInput(registerServicePartnerInput, input);
  requireStaffOf(context.actor, valid.propertyId, PARTNER_EDITORS, 'register service partners');
  return {
    record: {
      _id: context.newId(),
      version: 1,
      createdAt: context.now,
      ...valid,
      contracts: [],
      nextWarningOn: null,
    },
    events: [],
  };
}

export function addServiceContract(
  partner: ServicePartnerRecord,
  input: unknown,
  leads: readonly number[],
  today: string,
  context: CommandContext,
): Decision<ServicePartnerRecord> & { contract: ServiceContractRecord } {
  const valid = parseInput(addServiceContractInput, input);
  requireStaffOf(context.actor, partner.propertyId, PARTNER_EDITORS, 'add service contracts');
  if (partner.contracts.some((c) => c.number === valid.number))
    throw new DomainError(
      'CONFLICT',
      'DUPLICATE_CONTRACT_NUMBER',
      `The partner already has contract ${valid.number}`,
      { number: valid.number },
    );
  const contract: ServiceContractRecord = {
    _id: context.newId(),
    ...valid,
    facilityTypes: [...new Set(valid.facilityTypes)],
    createdAt: context.now,
    expiryWarnings: [],
  };
  const contracts = [...partner.contracts, contract];
  return {
    record: { ...partner, contracts, nextWarningOn: nextWarningOn(contracts, leads, today) },
    events: [],
    contract,
  };
}

/** A (contract, lead) warning is due from `endsOn - lead` until `endsOn`, once. */
const dueFrom = (contract: ServiceContractRecord, lead: number) => addDays(contract.endsOn, -lead);
const warned = (contract: ServiceContractRecord, lead: number) =>
  contract.expiryWarnings.some((w) => w.leadDays === lead);

/**
 * The first day a warning is still to be sent (today at the earliest), null when none is: the
 * scheduler reads only partners with `nextWarningOn <= today`. A contract already over sends none.
 */
export function nextWarningOn(
  contracts: readonly ServiceContractRecord[],
  leads: readonly number[],
  today: string,
): string | null {
  const days = contracts
    .filter((contract) => contract.endsOn >= today)
    .flatMap((contract) =>
      leads.filter((lead) => !warned(contract, lead)).map((lead) => dueFrom(contract, lead)),
    )
    .map((day) => (day < today ? today : day))
    .sort();
  return days[0] ?? null;
}

/**
 * The expiry warnings due today: one `service_partner.contract_expiring.v1` per contract and lead,
 * recorded on the contract in the same write, so a second tick (or a second instance, or a
 * restart) sends none again. Null when nothing is due (the next day to look is still advanced).
 */
export function warnExpiringContracts(
  partner: ServicePartnerRecord,
  leads: readonly number[],
  today: string,
  context: CommandContext,
): Decision<ServicePartnerRecord> {
  const events: CloudEvent[] = [];
  const contracts = partner.contracts.map((contract) => {
    if (contract.endsOn < today) return contract;
    const due = leads.filter((lead) => !warned(contract, lead) && dueFrom(contract, lead) <= today);
    if (due.length === 0) return contract;
    for (const lead of due)
      events.push(
        domainEvent(
          'service_partner.contract_expiring.v1',
          { id: partner._id, propertyId: partner.propertyId },
          {
            partnerId: partner._id,
            partnerName: partner.name,
            propertyId: partner.propertyId,
            contractId: contract._id,
            contractNumber: contract.number,
            // At least one: addServiceContractInput refuses an empty list.
            facilityTypes: contract.facilityTypes as [FacilityType, ...FacilityType[]],
            endsOn: contract.endsOn,
            leadDays: lead,
            daysLeft: daysBetween(today, contract.endsOn),
            warnedAt: context.now.toISOString(),
          },
          context,
        ),
      );
    return {
      ...contract,
      expiryWarnings: [
        ...contract.expiryWarnings,
        ...due.map((leadDays) => ({ leadDays, warnedAt: context.now })),
      ],
    };
  });
  return {
    record: { ...partner, contracts, nextWarningOn: nextWarningOn(contracts, leads, addDays(today, 1)) },
    events,
  };
}
