import type { Caller } from '@courtyard/kernel';

/**
 * Everything a subgraph learns of who asks: the signed caller carries exactly these claims
 * (subject, role, properties, resident, partner, name), and the subgraphs decide what a caller
 * may read from them alone. Two requests with the same scope are therefore answered alike by
 * every subgraph, and two differing in any claim (the order of properties too, which a subgraph
 * may read) never share a cached answer: a front desk of property B never reads what a front
 * desk of property A was answered.
 */
export const callerScopeOf = (caller: Caller): string =>
  JSON.stringify([
    caller.subject,
    caller.role,
    caller.propertyIds,
    caller.residentId ?? null,
    caller.partnerId ?? null,
    caller.name ?? null,
  ]);
