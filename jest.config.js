// Five tiers and the fault suite, one config: unit (pure code), workflow (Temporal time-skipping env), db (repositories on a real PostgreSQL),
// e2e (real api, worker, PostgreSQL, Temporal), browser (the web console in chromium against the e2e stack).
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
    module: { type: 'commonjs' },
  },
];
const moduleNameMapper = {
  '^@tsunagu/(crypto|domain|observability|persistence|temporal|testing|workflow-contracts)$': '<rootDir>/libs/$1/src',
  // Tests import narrow entry points (@tsunagu/testing/e2e, @tsunagu/temporal/data-key-codec,
  // @tsunagu/persistence/data-source): jest cannot require Nest 12's ES modules on Node 20.
  '^@tsunagu/(persistence|temporal|testing)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
// `npm run test:cluster` (TSUNAGU_TEST_TEMPORAL=cluster) runs the e2e tier again on Temporal's own server, without the
// files that never reach the stack's Temporal, so they would prove nothing new (docs/OPERATIONS.md, "Temporal cluster in
// the tests"): their own dev-server stack (bench-smoke) or launchers (servers), processes refused at start-up
// (configuration), database only (create-admin), the printed schema (schema), accounts and sign-in limits (users), HTTP
// headers and static pages (security-headers, graphql-ide).
const notOnTheCluster = ['bench-smoke', 'servers', 'configuration', 'create-admin', 'schema', 'users', 'security-headers', 'graphql-ide'];
const e2eIgnored = [
  '/node_modules/',
  ...(process.env.TSUNAGU_TEST_TEMPORAL === 'cluster' ? notOnTheCluster.map((name) => `/test/e2e/${name}\\.e2e-spec\\.ts$`) : []),
];
const common = {
  rootDir: __dirname,
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  // Jest 30 reads testTimeout only here, not per project. Time limits guard against hangs; speed is for benchmarks.
  testTimeout: 180000,
  // zz-* files last (test/last-files-sequencer.js): global, Jest reads testSequencer only here too.
  testSequencer: '<rootDir>/test/last-files-sequencer.js',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,workflows,scripts}/**/*.spec.ts'] },
    { ...common, displayName: 'workflow', testMatch: ['<rootDir>/workflows/**/*.workflow-spec.ts'] },
    {
      ...common,
      displayName: 'db',
      testMatch: ['<rootDir>/{apps,libs}/**/*.db-spec.ts'],
      globalSetup: '<rootDir>/test/db/global-setup.ts',
      globalTeardown: '<rootDir>/test/db/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      testPathIgnorePatterns: e2eIgnored,
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
    },
    {
      // Faults injected under load into a stack of the suite's own (docs/RELIABILITY.md): `npm run test:faults`, not `npm test`.
      ...common,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.faults-spec.ts'],
    },
    {
      // The web console in Debian's chromium against the same real stack as e2e (its global setup), after that tier.
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
    },
  ],
};
