/**
 * Dependency rules checked on every `npm test`: the domain and the projections stay pure
 * TypeScript, free of Nest, storage drivers and HTTP.
 */
const FRAMEWORK_AND_DRIVERS = '(^|node_modules/)(@nestjs|better-sqlite3|mongodb|@eventstore|express|class-validator|class-transformer|@grpc|rxjs)';

module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment: 'Features depend on each other one way only: a cycle between folders means a concept has no single home.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment: 'A domain folder imports nothing from Nest, storage drivers or HTTP.',
      severity: 'error',
      from: { path: '^src/[^/]+/domain/' },
      to: { path: FRAMEWORK_AND_DRIVERS },
    },
    {
      name: 'domain-knows-no-infrastructure',
      comment: 'A domain folder imports only other domain code, never adapters, HTTP or the projector.',
      severity: 'error',
      from: { path: '^src/[^/]+/domain/' },
      to: { path: '^src/', pathNot: '^src/[^/]+/domain/' },
    },
    {
      name: 'projections-are-pure',
      comment: 'Projections are pure functions: no framework, no driver, no adapter.',
      severity: 'error',
      from: { path: '^projections/' },
      to: {
        path: `${FRAMEWORK_AND_DRIVERS}|(^src/shared/(event-store/(sqlite|eventstoredb)|read-store|projector|infrastructure|http)/)`,
        // the contract a projection implements is the runtime's port, and pure types
        pathNot: '^src/shared/projector/projection\\.ts$',
      },
    },
    {
      name: 'shared-knows-no-feature',
      comment: 'The shared runtime is handed what it runs (the projection catalogue, at the composition root); it imports no feature and no projection.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^(projections/|src/(?!shared/)[^/]+/)' },
    },
    {
      name: 'no-test-doubles-in-the-service',
      comment: 'Test doubles live under test/ and never ship.',
      severity: 'error',
      from: { path: '^(src|projections)/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.(spec|int-spec|e2e-spec)\\.ts$|/testing/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
