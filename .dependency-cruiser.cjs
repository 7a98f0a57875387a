// The layering every subgraph follows (services/README.md), checked in CI by `npm run deps:check`:
// schema -> resolvers -> domain; resolvers -> repository; events/consumers -> domain, repository.
// The domain is pure, so its rules can be read, tested and reused without a database or broker.
const INFRASTRUCTURE =
  'node_modules/(mongoose|mongodb|kafkajs|graphql|graphql-scalars|@apollo|@as-integrations|express|dataloader|pino|prom-client|jose)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        "A subgraph's domain/ decides; it imports no database, broker, GraphQL or HTTP library (not even their types), and takes the kernel only through @courtyard/kernel/domain.",
      severity: 'error',
      from: { path: '^services/[^/]+/src/domain/', pathNot: '\\.spec\\.ts$' },
      to: { path: [INFRASTRUCTURE, '^kernel/src/(?!domain/)'] },
    },
    {
      name: 'domain-does-no-io',
      comment: 'No Node built-ins (clock, randomness, files, network) in a rule: they come in as arguments.',
      severity: 'error',
      from: { path: '^(services/[^/]+/src|kernel/src)/domain/', pathNot: '\\.spec\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'domain-imports-no-other-layer',
      comment:
        'The domain is the innermost layer: resolvers, repositories, events and the schema use it, never the reverse.',
      severity: 'error',
      from: { path: '^services/([^/]+)/src/domain/' },
      to: { path: '^services/$1/src/(resolvers|repository|events|schema|context|config|index)' },
    },
    {
      name: 'kernel-domain-is-pure',
      comment: '@courtyard/kernel/domain is what every domain may import, so it must be pure itself.',
      severity: 'error',
      from: { path: '^kernel/src/domain/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: ['^kernel/src/domain/', '^zod$', 'node_modules/zod/'] },
    },
    {
      name: 'repository-below-resolvers',
      comment: 'Repositories read and write; they never call back into the GraphQL layer or the consumers.',
      severity: 'error',
      from: { path: '^services/([^/]+)/src/repository/' },
      to: { path: '^services/$1/src/(resolvers|events|schema)/' },
    },
    {
      name: 'no-service-imports-another',
      comment:
        "Subgraphs share only the kernel; another subgraph's data comes through federation or its events.",
      severity: 'error',
      from: { path: '^services/([^/]+)/' },
      to: { path: '^services/', pathNot: '^services/$1/' },
    },
    {
      name: 'kernel-knows-no-service',
      severity: 'error',
      from: { path: '^kernel/' },
      to: { path: '^(services|gateway|analytics)/' },
    },
    {
      name: 'no-cycles',
      comment: 'A cycle makes two modules one; split what they share instead.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['__generated__/resolvers-types', '\\.infra/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
