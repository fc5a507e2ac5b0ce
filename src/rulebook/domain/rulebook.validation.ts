import { refuseUnderRulebook } from './rulebook.errors';
import { periodLengths } from '../../periods/domain/calendar/period';
import { ruleUnits } from './rulebook.types';
import type { Part, Rule, RulebookVersion, Scheme } from './rulebook.types';
import { validateConsequences } from './consequences.validation';
import type { RefusalCode } from '../../shared/domain/error-catalogue';

/** Checks a version as a whole before it may be published; the first broken rule is thrown. */
export function validateRulebookVersion(version: RulebookVersion): void {
  try {
    validateWhole(version);
  } catch (error) {
    // A body that is not shaped like a rulebook at all (a missing list, a string for a number).
    if (error instanceof TypeError) throw refuseUnderRulebook('rulebook_malformed', `the rulebook is not well formed: ${error.message}`);
    throw error;
  }
}

function validateWhole(version: RulebookVersion): void {
  if (!Number.isInteger(version.version) || version.version < 1) fail('rulebook_version_invalid', 'version must be a whole number from 1', 'version');
  if (Number.isNaN(Date.parse(version.effectiveFrom))) fail('rulebook_effective_from_invalid', 'effectiveFrom must be an ISO-8601 instant', 'effectiveFrom');
  if (!Array.isArray(version.schemes) || !Array.isArray(version.rules)) fail('rulebook_malformed', 'schemes and rules must be lists', 'schemes');
  if (version.schemes.length === 0) fail('rulebook_without_schemes', 'a rulebook needs at least one scheme', 'schemes');
  unique(version.schemes.map((s) => s.position), 'scheme_position_repeated', 'schemes');
  version.schemes.forEach((scheme, i) => validateScheme(scheme, `schemes[${i}]`));
  unique(version.rules.map((r) => r.code), 'rule_code_repeated', 'rules');
  const schemes = new Map(version.schemes.map((s) => [s.position, s]));
  version.rules.forEach((rule, i) => validateRule(rule, schemes, `rules[${i}]`));
  version.schemes.forEach((scheme, i) => validateConsequences(scheme, version.rules, `schemes[${i}].consequences`));
  const { appeals, rollUp } = version;
  if (appeals) {
    if (!(Number.isInteger(appeals.windowDays) && appeals.windowDays >= 1)) fail('appeal_window_invalid', 'appeals.windowDays must be a whole number of days from 1', 'appeals.windowDays');
    if (appeals.hearingWithinDays !== undefined && !(Number.isInteger(appeals.hearingWithinDays) && appeals.hearingWithinDays >= 1)) {
      fail('appeal_hearing_limit_invalid', 'appeals.hearingWithinDays must be a whole number of days from 1', 'appeals.hearingWithinDays');
    }
    const panel = appeals.panel;
    if (panel && !(panel.min >= 1 && panel.max >= panel.min && panel.employeeRepresentativeShare >= 0 && panel.employeeRepresentativeShare <= 1)) {
      fail('appeal_panel_invalid', 'appeals.panel needs 1 <= min <= max and a share between 0 and 1', 'appeals.panel');
    }
  }
  if (rollUp && !(rollUp.threshold > 0 && rollUp.threshold <= 100 && rollUp.pointsPerPointBelow > 0)) {
    fail('roll_up_invalid', 'rollUp needs a threshold in (0, 100] and positive points per point below', 'rollUp');
  }
}

function validateScheme(scheme: Scheme, path: string): void {
  if (!periodLengths.includes(scheme.period)) fail('scheme_period_invalid', `period must be one of ${periodLengths.join(', ')}`, `${path}.period`);
  if (scheme.parts.length === 0) fail('scheme_without_parts', `scheme ${scheme.position} has no parts`, `${path}.parts`);
  unique(scheme.parts.map((p) => p.code), 'part_code_repeated', `${path}.parts`);
  scheme.parts.forEach((part, i) => validatePart(part, scheme, `${path}.parts[${i}]`));
  const weighted = scheme.parts.filter((p) => p.weight !== undefined).length;
  if (weighted !== 0 && weighted !== scheme.parts.length) fail('part_weights_incomplete', 'either every part has a weight or none has', `${path}.parts`);
  if (weighted && Math.abs(sum(scheme.parts.map((p) => p.weight ?? 0)) - 100) > 1e-9) fail('part_weights_not_100', 'part weights must add up to 100', `${path}.parts`);
  validateGrades(scheme, `${path}.grades`);
}

function validatePart(part: Part, scheme: Scheme, path: string): void {
  if (!(part.max > 0)) fail('part_max_invalid', `part ${part.code} needs a positive max`, `${path}.max`);
  if (part.weight !== undefined && !(part.weight > 0)) fail('part_weight_invalid', `part ${part.code} needs a positive weight`, `${path}.weight`);
  if (part.bonusHeadroom !== undefined && !(part.bonusHeadroom >= 0)) fail('bonus_headroom_invalid', 'bonusHeadroom must not be negative', `${path}.bonusHeadroom`);
  const subs = part.subCriteria ?? [];
  if (scheme.assessment === 'rated' && subs.length === 0) fail('rated_part_without_sub_criteria', `rated part ${part.code} needs sub-criteria`, `${path}.subCriteria`);
  if (scheme.assessment === 'deducted' && subs.length > 0) fail('deducted_part_with_sub_criteria', 'only rated parts have sub-criteria', `${path}.subCriteria`);
  if (subs.length === 0) return;
  unique(subs.map((s) => s.code), 'sub_criterion_code_repeated', `${path}.subCriteria`);
  if (subs.some((s) => !(s.weight > 0)) || Math.abs(sum(subs.map((s) => s.weight)) - 100) > 1e-9) {
    fail('sub_criteria_weights_not_100', `sub-criteria of ${part.code} need positive weights adding up to 100`, `${path}.subCriteria`);
  }
}

function validateGrades(scheme: Scheme, path: string): void {
  const { grades } = scheme;
  if (grades.length === 0) fail('grades_missing', 'a scheme needs grade bands', path);
  unique(grades.map((g) => g.grade), 'grade_repeated', path);
  grades.forEach((band, i) => {
    if (!(band.minTotal >= 0 && band.minTotal <= 100)) fail('grade_min_total_invalid', `band ${band.grade}: minTotal must lie in [0, 100]`, `${path}[${i}].minTotal`);
    if (i > 0 && !(band.minTotal < grades[i - 1].minTotal)) fail('grades_not_descending', 'grade bands go from the best down with falling minTotal', `${path}[${i}].minTotal`);
    if (band.minPartPercent !== undefined && !(band.minPartPercent > 0 && band.minPartPercent <= 100)) {
      fail('grade_min_part_percent_invalid', `band ${band.grade}: minPartPercent must lie in (0, 100]`, `${path}[${i}].minPartPercent`);
    }
  });
  if (grades[grades.length - 1].minTotal !== 0 || grades[grades.length - 1].minPartPercent !== undefined) {
    fail('grades_lowest_band_not_open', 'the lowest band must start at 0 with no part condition, so every score has a grade', path);
  }
}

function validateRule(rule: Rule, schemes: Map<string, Scheme>, path: string): void {
  if (rule.positions.length === 0) fail('rule_without_positions', `rule ${rule.code} applies to no position`, `${path}.positions`);
  for (const position of rule.positions) {
    const scheme = schemes.get(position);
    if (!scheme) fail('rule_position_unknown', `rule ${rule.code}: no scheme for position ${position}`, `${path}.positions`);
    if (!scheme.parts.some((p) => p.code === rule.part)) fail('rule_part_unknown', `rule ${rule.code}: scheme ${position} has no part ${rule.part}`, `${path}.part`);
  }
  const { shape } = rule;
  switch (shape.kind) {
    case 'fixed':
      if (!(shape.points > 0)) fail('rule_points_invalid', `rule ${rule.code}: points must be positive`, `${path}.shape.points`);
      break;
    case 'range':
      if (!(shape.min >= 0 && shape.max > 0 && shape.max >= shape.min)) fail('rule_range_invalid', `rule ${rule.code}: need 0 <= min <= max, max > 0`, `${path}.shape`);
      break;
    case 'per-unit':
      if (!ruleUnits.includes(shape.unit)) fail('rule_unit_invalid', `rule ${rule.code}: unit must be one of ${ruleUnits.join(', ')}`, `${path}.shape.unit`);
      if (!(shape.pointsPerUnit > 0)) fail('rule_points_invalid', `rule ${rule.code}: pointsPerUnit must be positive`, `${path}.shape.pointsPerUnit`);
      if (shape.target !== undefined && !(shape.target > 0 && shape.target <= 100)) fail('rule_target_invalid', `rule ${rule.code}: target is a percentage in (0, 100]`, `${path}.shape.target`);
      break;
    case 'veto':
      if (rule.effect !== 'deduction') fail('veto_not_a_deduction', `rule ${rule.code}: a veto is a deduction`, `${path}.effect`);
      break;
    default:
      fail('rule_shape_invalid', `rule ${rule.code}: unknown shape`, `${path}.shape.kind`);
  }
  if (rule.serious) {
    const base = shape.kind === 'fixed' ? shape.points : undefined;
    if (base === undefined || !(rule.serious.points > base)) fail('rule_serious_not_stricter', `rule ${rule.code}: a serious variant needs a fixed shape and more points`, `${path}.serious`);
  }
}

function unique(values: string[], code: RefusalCode<typeof refuseUnderRulebook>, path: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) fail(code, `"${value}" appears twice`, path);
    seen.add(value);
  }
}

function fail(code: RefusalCode<typeof refuseUnderRulebook>, message: string, path: string): never {
  throw refuseUnderRulebook(code, message, { path });
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
