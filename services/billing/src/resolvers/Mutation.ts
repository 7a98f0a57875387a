import { parseInput } from '@courtyard/kernel';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { adjustBill, generateBills, planGeneration } from '../domain/bills.js';
import { createFeeSchedule, publishFeeSchedule } from '../domain/fee-schedules.js';
import { recordPaymentInput } from '../domain/inputs.js';
import { recordPayment, paymentIdOf, replayOf } from '../domain/payments.js';
import { dunningMutations } from './Mutation.dunning.js';
import { ledgerMutations } from './Mutation.ledger.js';
import { moneyBackMutations } from './Mutation.money-back.js';

/** Each mutation: load what the command needs (NOT_FOUND first), decide in the domain, save. */
export const Mutation: MutationResolvers = {
  createFeeSchedule: async (_, { input }, context) => ({
    feeSchedule: await context.repository.insertFeeSchedule(
      createFeeSchedule(input, await context.reads.latestFeeSchedule(input.propertyId), context.command),
    ),
  }),
  publishFeeSchedule: async (_, { input }, context) => ({
    feeSchedule: await context.repository.saveFeeSchedule(
      publishFeeSchedule(await context.reads.feeSchedule(context.caller, input.id), context.command),
    ),
  }),
  generateBills: async (_, { input }, context) => {
    const plan = planGeneration(input, context.command);
    const [schedule, units, issued] = await Promise.all([
      context.reads.feeScheduleInForce(plan.propertyId, plan.period.start),
      context.reads.unitsOf(plan.propertyId),
      context.reads.issuedBillIds(plan.propertyId, plan.period.period),
    ]);
    const generation = generateBills(plan, schedule, units, issued, context.command);
    const written = await context.repository.insertBills(generation.bills);
    return {
      period: plan.period.period,
      issued: written.issued,
      alreadyIssued: generation.alreadyIssued + written.alreadyIssued,
    };
  },
  adjustBill: async (_, { input }, context) => ({
    bill: await context.repository.saveAdjustment(
      adjustBill(input, await context.reads.bill(context.caller, input.billId), context.command),
    ),
  }),
  /**
   * The key first: a key seen before returns its payment (or CONFLICT) before anything else is
   * read; a new key is decided and inserted under its derived `_id`, and losing a race to the
   * same key is a replay too.
   */
  recordPayment: async (_, { input }, context) => {
    const valid = parseInput(recordPaymentInput, input);
    const id = paymentIdOf(context.caller, valid.idempotencyKey);
    const seen = await context.repository.findPayment(id);
    if (seen) return { payment: replayOf(seen, valid) };
    const bill = valid.billId ? await context.reads.bill(context.caller, valid.billId) : null;
    const unit = await context.reads.payableUnit(context.caller, bill?.unitId ?? valid.unitId ?? '');
    const decision = recordPayment(valid, unit, bill, context.command);
    const saved = await context.repository.insertPayment(decision);
    if (saved) return { payment: saved };
    return { payment: replayOf((await context.repository.findPayment(id))!, valid) };
  },
  ...moneyBackMutations,
  ...dunningMutations,
  ...ledgerMutations,
};
