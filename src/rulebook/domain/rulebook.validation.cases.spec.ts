import { DomainError } from '../../shared/domain/domain-error';
import { defaultRulebook } from '../default-rulebook';
import type { RulebookVersion, Rule, Scheme } from './rulebook.types';
import { validateRulebookVersion } from './rulebook.validation';

/** `code at path` of the refusal, checking that it also says in words what is wrong. */
function refusalOf(version: RulebookVersion): string {
  try {
    validateRulebookVersion(version);
    return 'valid';
  } catch (error) {
    if (!(error instanceof DomainError)) return String(error);
    if (!/\w{3}/.test(error.message)) return `${error.code} without a message`;
    return `${error.code} at ${String(error.details.path)}`;
  }
}

const schemeIndex = (position: string) => defaultRulebook.schemes.findIndex((s) => s.position === position);
const withScheme = (position: string, change: (s: Scheme) => object): RulebookVersion => ({
  ...defaultRulebook,
  schemes: defaultRulebook.schemes.map((s) => (s.position === position ? ({ ...s, ...change(s) } as Scheme) : s)),
});
const withPart = (position: string, index: number, change: object) =>
  withScheme(position, (s) => ({ parts: s.parts.map((p, i) => (i === index ? { ...p, ...change } : p)) }));
const ruleIndex = (predicate: (r: Rule) => boolean) => defaultRulebook.rules.findIndex(predicate);
const withRuleAt = (index: number, change: object): RulebookVersion => ({ ...defaultRulebook, rules: defaultRulebook.rules.map((r, i) => (i === index ? ({ ...r, ...change } as Rule) : r)) });
const PS = schemeIndex('property-steward');
const OPS = schemeIndex('operations-worker');
const CM = schemeIndex('customer-manager');
const fixed = ruleIndex((r) => r.shape.kind === 'fixed' && r.positions.includes('property-steward'));

describe('a rulebook version, field by field', () => {
  it.each<[string, RulebookVersion, string]>([
    ['a version that is not a whole number from 1', { ...defaultRulebook, version: 0 }, 'rulebook_version_invalid at version'],
    ['a fractional version', { ...defaultRulebook, version: 1.5 }, 'rulebook_version_invalid at version'],
    ['an effectiveFrom that is no instant', { ...defaultRulebook, effectiveFrom: 'next monday' }, 'rulebook_effective_from_invalid at effectiveFrom'],
    ['rules that are no list', { ...defaultRulebook, rules: 'x' } as unknown as RulebookVersion, 'rulebook_malformed at schemes'],
    ['schemes that are no list', { ...defaultRulebook, schemes: {} } as unknown as RulebookVersion, 'rulebook_malformed at schemes'],
    ['a scheme that is not an object', { ...defaultRulebook, schemes: [null] } as unknown as RulebookVersion, 'rulebook_malformed at undefined'],
    ['two schemes for one position', { ...defaultRulebook, schemes: [...defaultRulebook.schemes, defaultRulebook.schemes[PS]] }, 'scheme_position_repeated at schemes'],
  ])('refuses %s', (_what, version, expected) => {
    expect(refusalOf(version)).toBe(expected);
  });

  it('takes version 1 and any later whole version', () => {
    expect(refusalOf({ ...defaultRulebook, version: 1 })).toBe('valid');
    expect(refusalOf({ ...defaultRulebook, version: 7 })).toBe('valid');
  });
});

describe('appeals and the roll-up', () => {
  it.each<[string, object, string]>([
    ['a window of a fraction of a day', { appeals: { windowDays: 1.5 } }, 'appeal_window_invalid at appeals.windowDays'],
    ['a hearing limit of 0 days', { appeals: { windowDays: 15, hearingWithinDays: 0 } }, 'appeal_hearing_limit_invalid at appeals.hearingWithinDays'],
    ['a panel of no members', { appeals: { windowDays: 15, panel: { min: 0, max: 5, employeeRepresentativeShare: 0.3 } } }, 'appeal_panel_invalid at appeals.panel'],
    ['a panel whose max is below its min', { appeals: { windowDays: 15, panel: { min: 5, max: 4, employeeRepresentativeShare: 0.3 } } }, 'appeal_panel_invalid at appeals.panel'],
    ['a negative representative share', { appeals: { windowDays: 15, panel: { min: 5, max: 7, employeeRepresentativeShare: -0.1 } } }, 'appeal_panel_invalid at appeals.panel'],
    ['a representative share above 1', { appeals: { windowDays: 15, panel: { min: 5, max: 7, employeeRepresentativeShare: 1.1 } } }, 'appeal_panel_invalid at appeals.panel'],
    ['a roll-up threshold of 0', { rollUp: { ...defaultRulebook.rollUp!, threshold: 0 } }, 'roll_up_invalid at rollUp'],
    ['a roll-up threshold above 100', { rollUp: { ...defaultRulebook.rollUp!, threshold: 100.5 } }, 'roll_up_invalid at rollUp'],
    ['a roll-up that costs nothing per point', { rollUp: { ...defaultRulebook.rollUp!, pointsPerPointBelow: 0 } }, 'roll_up_invalid at rollUp'],
  ])('refuses %s', (_what, change, expected) => {
    expect(refusalOf({ ...defaultRulebook, ...change })).toBe(expected);
  });

  it.each<[string, object]>([
    ['a window of exactly 1 day and a hearing within 1 day', { appeals: { windowDays: 1, hearingWithinDays: 1 } }],
    ['a panel of exactly one member, all representatives', { appeals: { windowDays: 15, panel: { min: 1, max: 1, employeeRepresentativeShare: 1 } } }],
    ['a panel with no representative share', { appeals: { windowDays: 15, panel: { min: 3, max: 3, employeeRepresentativeShare: 0 } } }],
    ['a roll-up threshold of exactly 100', { rollUp: { ...defaultRulebook.rollUp!, threshold: 100 } }],
  ])('takes %s', (_what, change) => {
    expect(refusalOf({ ...defaultRulebook, ...change })).toBe('valid');
  });
});

describe('schemes and their parts', () => {
  it.each<[string, RulebookVersion, string]>([
    ['a scheme without parts', withScheme('property-steward', () => ({ parts: [] })), `scheme_without_parts at schemes[${PS}].parts`],
    ['two parts with one code', withScheme('customer-manager', (s) => ({ parts: [...s.parts, s.parts[0]] })), `part_code_repeated at schemes[${CM}].parts`],
    ['weights that do not add up to 100', withPart('operations-worker', 0, { weight: 61 }), `part_weights_not_100 at schemes[${OPS}].parts`],
    ['a part of no points', withPart('property-steward', 0, { max: 0 }), `part_max_invalid at schemes[${PS}].parts[0].max`],
    ['a part of no weight', withScheme('operations-worker', (s) => ({ parts: s.parts.map((p, i) => ({ ...p, weight: i === 0 ? 0 : i === 1 ? 80 : 20 })) })), `part_weight_invalid at schemes[${OPS}].parts[0].weight`],
    ['a negative bonus headroom', withPart('property-steward', 0, { bonusHeadroom: -1 }), `bonus_headroom_invalid at schemes[${PS}].parts[0].bonusHeadroom`],
    ['a rated part without sub-criteria', withPart('operations-worker', 0, { subCriteria: [] }), `rated_part_without_sub_criteria at schemes[${OPS}].parts[0].subCriteria`],
    ['a deducted part with sub-criteria', withPart('property-steward', 0, { subCriteria: [{ code: 'a', weight: 100 }] }), `deducted_part_with_sub_criteria at schemes[${PS}].parts[0].subCriteria`],
    ['two sub-criteria with one code', withPart('operations-worker', 0, { subCriteria: [{ code: 'a', weight: 50 }, { code: 'a', weight: 50 }] }), `sub_criterion_code_repeated at schemes[${OPS}].parts[0].subCriteria`],
    ['a sub-criterion of no weight', withPart('operations-worker', 0, { subCriteria: [{ code: 'a', weight: 0 }, { code: 'b', weight: 100 }] }), `sub_criteria_weights_not_100 at schemes[${OPS}].parts[0].subCriteria`],
  ])('refuses %s', (_what, version, expected) => {
    expect(refusalOf(version)).toBe(expected);
  });

  it('takes a bonus headroom of 0', () => {
    expect(refusalOf(withPart('property-steward', 0, { bonusHeadroom: 0 }))).toBe('valid');
  });
});

describe('grade bands', () => {
  const grades = (bands: object[]) => withScheme('property-steward', () => ({ grades: bands }));
  it.each<[string, object[], string]>([
    ['no bands', [], `grades_missing at schemes[${PS}].grades`],
    ['a band named twice', [{ grade: 'a', minTotal: 50 }, { grade: 'a', minTotal: 0 }], `grade_repeated at schemes[${PS}].grades`],
    ['a minimum above 100', [{ grade: 'a', minTotal: 101 }, { grade: 'b', minTotal: 0 }], `grade_min_total_invalid at schemes[${PS}].grades[0].minTotal`],
    ['a negative minimum', [{ grade: 'a', minTotal: 50 }, { grade: 'b', minTotal: -1 }], `grade_min_total_invalid at schemes[${PS}].grades[1].minTotal`],
    ['two bands from the same minimum', [{ grade: 'a', minTotal: 50 }, { grade: 'b', minTotal: 50 }, { grade: 'c', minTotal: 0 }], `grades_not_descending at schemes[${PS}].grades[1].minTotal`],
    ['a part condition of 0%', [{ grade: 'a', minTotal: 50, minPartPercent: 0 }, { grade: 'b', minTotal: 0 }], `grade_min_part_percent_invalid at schemes[${PS}].grades[0].minPartPercent`],
    ['a part condition above 100%', [{ grade: 'a', minTotal: 50, minPartPercent: 101 }, { grade: 'b', minTotal: 0 }], `grade_min_part_percent_invalid at schemes[${PS}].grades[0].minPartPercent`],
    ['a lowest band with a part condition', [{ grade: 'a', minTotal: 50 }, { grade: 'b', minTotal: 0, minPartPercent: 50 }], `grades_lowest_band_not_open at schemes[${PS}].grades`],
  ])('refuses %s', (_what, bands, expected) => {
    expect(refusalOf(grades(bands))).toBe(expected);
  });

  it('takes bands from exactly 100 down to 0, with a part condition of exactly 100%', () => {
    expect(refusalOf(grades([{ grade: 'a', minTotal: 100, minPartPercent: 100 }, { grade: 'b', minTotal: 0 }]))).toBe('valid');
  });
});

describe('rules', () => {
  it.each<[string, RulebookVersion, string]>([
    ['a rule for no position', withRuleAt(fixed, { positions: [] }), `rule_without_positions at rules[${fixed}].positions`],
    ['a fixed rule of no points', withRuleAt(fixed, { shape: { kind: 'fixed', points: 0 } }), `rule_points_invalid at rules[${fixed}].shape.points`],
    ['a range below 0', withRuleAt(fixed, { shape: { kind: 'range', min: -1, max: 2 } }), `rule_range_invalid at rules[${fixed}].shape`],
    ['a range up to 0', withRuleAt(fixed, { shape: { kind: 'range', min: 0, max: 0 } }), `rule_range_invalid at rules[${fixed}].shape`],
    ['a per-unit rule in an unknown unit', withRuleAt(fixed, { shape: { kind: 'per-unit', unit: 'parsec', pointsPerUnit: 1 } }), `rule_unit_invalid at rules[${fixed}].shape.unit`],
    ['a per-unit rule of no points per unit', withRuleAt(fixed, { shape: { kind: 'per-unit', unit: 'day', pointsPerUnit: 0 } }), `rule_points_invalid at rules[${fixed}].shape.pointsPerUnit`],
    ['a per-unit target of 0', withRuleAt(fixed, { shape: { kind: 'per-unit', unit: 'day', pointsPerUnit: 1, target: 0 } }), `rule_target_invalid at rules[${fixed}].shape.target`],
    ['a per-unit target above 100', withRuleAt(fixed, { shape: { kind: 'per-unit', unit: 'day', pointsPerUnit: 1, target: 101 } }), `rule_target_invalid at rules[${fixed}].shape.target`],
    ['an unknown shape', withRuleAt(fixed, { shape: { kind: 'sliding' } }), `rule_shape_invalid at rules[${fixed}].shape.kind`],
    ['a serious variant of a range rule', withRuleAt(fixed, { shape: { kind: 'range', min: 1, max: 3 }, serious: { points: 5 } }), `rule_serious_not_stricter at rules[${fixed}].serious`],
    ['a serious variant as strict as the rule', withRuleAt(fixed, { shape: { kind: 'fixed', points: 2 }, serious: { points: 2 } }), `rule_serious_not_stricter at rules[${fixed}].serious`],
  ])('refuses %s', (_what, version, expected) => {
    expect(refusalOf(version)).toBe(expected);
  });

  it.each<[string, RulebookVersion]>([
    ['a range from 0', withRuleAt(fixed, { shape: { kind: 'range', min: 0, max: 2 } })],
    ['a range of one value', withRuleAt(fixed, { shape: { kind: 'range', min: 2, max: 2 } })],
    ['a per-unit target of exactly 100', withRuleAt(fixed, { shape: { kind: 'per-unit', unit: 'day', pointsPerUnit: 1, target: 100 } })],
    ['a serious variant one point stricter', withRuleAt(fixed, { shape: { kind: 'fixed', points: 2 }, serious: { points: 3 } })],
  ])('takes %s', (_what, version) => {
    expect(refusalOf(version)).toBe('valid');
  });
});
