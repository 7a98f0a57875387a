/** An entity another subgraph owns, as work-orders knows it: just its key. */
export interface EntityReference {
  id: string;
}
