import type {
  PublishedSatisfactionResultsResolvers,
  SatisfactionKpiResolvers,
} from '../__generated__/resolvers-types.js';

/** The period of a figure, as its kind and label; the figures themselves map one to one. */
export const SatisfactionKpi: SatisfactionKpiResolvers = {
  periodKind: ({ period }) => period.kind,
  period: ({ period }) => period.label,
};

/** Published results: the stored record under the names residents read (the overall figure has no key). */
export const PublishedSatisfactionResults: PublishedSatisfactionResultsResolvers = {
  id: ({ _id }) => _id,
  period: ({ periodLabel }) => periodLabel,
  from: ({ overall }) => overall.from,
  to: ({ overall }) => overall.to,
  target: ({ overall }) => overall.target,
  minimumSample: ({ overall }) => overall.minimumSample,
  overall: ({ overall }) => ({ ...overall, key: null }),
};
