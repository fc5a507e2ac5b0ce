import { validateRulebookVersion } from '../domain/rulebook.validation';
import { testRulebook } from './test-rulebook';

it('the test rulebook is a valid rulebook version', () => {
  expect(() => validateRulebookVersion(testRulebook)).not.toThrow();
});
