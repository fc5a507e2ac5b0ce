import type { RulebookVersion, Rule, Scheme } from './domain/rulebook.types';
import rulebook from './default-rulebook.json';
import factoryOffice from './default-rulebook/factory-office.json';
import propertyInspection from './default-rulebook/property-inspection.json';

/**
 * A part of the default written in its own file: schemes and rules only. Schemes may carry
 * `consequences` (typed and validated by the consequences work); the JSON is typed loosely here so
 * the field is kept as written until Scheme declares it.
 */
interface RulebookChapter {
  title: string;
  schemes: unknown[];
  rules: unknown[];
}

const chapters: RulebookChapter[] = [factoryOffice, propertyInspection];
const base = rulebook as RulebookVersion;

/**
 * The rulebook shipped with the service, written from the seeds (each scheme and rule names its
 * `seed:line`): 000 operations, 001 property steward, 001 factory and office job standards,
 * 001 property supervision inspection, 004 tobacco positions. One version 1, whatever file a
 * chapter lives in. Reference: docs/default-rulebook.md.
 */
export const defaultRulebook: RulebookVersion = {
  ...base,
  schemes: [...base.schemes, ...chapters.flatMap((c) => c.schemes as Scheme[])],
  rules: [...base.rules, ...chapters.flatMap((c) => c.rules as Rule[])],
};
