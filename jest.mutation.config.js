/**
 * The unit specs only — domain, projections, command handling, auth domain — for mutation runs
 * (`npm run test:mutation`). They need no database or app, so each mutant is judged in seconds.
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  testRegex: '\\.spec\\.ts$',
  // the run's temporary folder and its check are for the suites that start apps and processes;
  // Stryker's runner sets them up per worker and never tears them down, so they would be left behind
  globalSetup: undefined,
  globalTeardown: undefined,
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
};
