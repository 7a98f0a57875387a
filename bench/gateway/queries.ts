import type { BenchData } from './seed.js';

/** One query of the mix: its text, the variables of the n-th request, and the subgraph it touches alone. */
export interface BenchQuery {
  name: string;
  label: string;
  query: string;
  variables: (n: number) => Record<string, unknown>;
  /** Set when one subgraph answers it all: the bench also calls that subgraph directly. */
  direct?: string;
}

const pageOf = (n: number, from: number, to: number) => from + (n % (to - from + 1));

/** Every subgraph that exists is in the mix; all but the board send different variables each request. */
export function queryMix(data: BenchData): BenchQuery[] {
  const { propertyId } = data;
  return [
    {
      name: 'helpRequestsJoin',
      label:
        '40–60 help requests with requester, unit and household (work-orders + residents), page size varies',
      query: `query HelpRequestsJoin($p: ID!, $n: Int!) { helpRequests(filter: { propertyId: $p }, first: $n) { edges { node { number state requester { name } unit { number household { members { resident { name } } } } } } } }`,
      variables: (n) => ({ p: propertyId, n: pageOf(n, 40, 60) }),
    },
    {
      name: 'unitsPage',
      label: '20–70 units with households and residents (residents only), page size varies',
      query: `query UnitsPage($p: ID!, $n: Int!) { units(propertyId: $p, first: $n) { totalCount edges { node { number floor household { members { relation resident { name } } } } } } }`,
      variables: (n) => ({ p: propertyId, n: pageOf(n, 20, 70) }),
      direct: 'residents',
    },
    {
      name: 'frontDeskBoard',
      label: 'the front-desk board (work-orders only), every request identical',
      query: `query FrontDeskBoard($p: ID!) { frontDeskBoard(propertyId: $p) { counts { state count } overdue } }`,
      variables: () => ({ p: propertyId }),
      direct: 'work-orders',
    },
    {
      name: 'facilities',
      label: 'facilities of the property (facilities only), page size varies',
      query: `query Facilities($p: ID!, $n: Int!) { facilities(propertyId: $p, first: $n) { totalCount edges { node { id name type status criticality } } } }`,
      variables: (n) => ({ p: propertyId, n: pageOf(n, 1, 20) }),
      direct: 'facilities',
    },
    {
      name: 'unitAccount',
      label: "a unit's account with its open bills (billing only), unit varies",
      query: `query UnitAccount($u: ID!) { unitAccount(unitId: $u) { unitId owed { amount currency } credit { amount } openBills { id } } }`,
      variables: (n) => ({ u: data.billedUnitIds[n % data.billedUnitIds.length] }),
      direct: 'billing',
    },
    {
      name: 'surveys',
      label: 'surveys of the property (surveys only), page size varies',
      query: `query Surveys($p: ID!, $n: Int!) { surveys(propertyId: $p, first: $n) { totalCount edges { node { id state purpose openedAt } } } }`,
      variables: (n) => ({ p: propertyId, n: pageOf(n, 1, 20) }),
      direct: 'surveys',
    },
  ];
}
