/**
 * The unit specs only — domain, projections, command handling, auth domain — for mutation runs
 * (`npm run test:mutation`). They need no database or app, so each mutant is judged in seconds.
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  testRegex: '\\.spec\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
};
