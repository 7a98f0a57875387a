import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';

/** The scalars every subgraph's SDL declares, implemented once. */
export const scalarResolvers = { DateTime: DateTimeResolver, LocalDate: LocalDateResolver };
