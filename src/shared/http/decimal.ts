import { ValidateBy } from 'class-validator';

/**
 * At most `places` decimal places. Replaces class-validator's `maxDecimalPlaces`, which throws (a
 * 500) on numbers it prints in exponent form, such as 3e-323 (found by the fuzzed-bodies test).
 */
export function MaxDecimalPlaces(places: number) {
  return ValidateBy({
    name: 'maxDecimalPlaces',
    constraints: [places],
    validator: {
      validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value,
      defaultMessage: () => `$property must have at most ${places} decimal place${places === 1 ? '' : 's'}`,
    },
  });
}
