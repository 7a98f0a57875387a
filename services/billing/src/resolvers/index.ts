import { scalarResolvers } from '@courtyard/kernel';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { ArrearsAgeing, UnitArrears } from './Arrears.js';
import { Bill, BillAllocation, BillLine } from './Bill.js';
import { DisclosureLine, QuarterlyDisclosure } from './Disclosure.js';
import { DunningNotice } from './DunningNotice.js';
import { FundLedger, LedgerEntry, LedgerPosting } from './Ledger.js';
import { FeeSchedule, FeeScheduleItem } from './FeeSchedule.js';
import { HelpRequest, ServiceCharge } from './HelpRequest.js';
import { Money } from './Money.js';
import { Mutation } from './Mutation.js';
import { CreditRefund, Payment, PaymentReversal } from './Payment.js';
import { Query } from './Query.js';
import { Resident } from './Resident.js';
import { Unit } from './Unit.js';
import { UnitAccount } from './UnitAccount.js';

export const resolvers: Resolvers = {
  DateTime: scalarResolvers.DateTime,
  LocalDate: scalarResolvers.LocalDate,
  Query,
  Mutation,
  Money,
  FeeSchedule,
  FeeScheduleItem,
  Bill,
  BillLine,
  BillAllocation,
  Payment,
  PaymentReversal,
  CreditRefund,
  Unit,
  UnitAccount,
  ArrearsAgeing,
  DunningNotice,
  QuarterlyDisclosure,
  DisclosureLine,
  LedgerEntry,
  LedgerPosting,
  FundLedger,
  UnitArrears,
  Resident,
  HelpRequest,
  ServiceCharge,
};
