import { refuseUnderRulebook } from './rulebook.errors';
import { ruleInForce } from './rule-in-force';
import type { Versions } from './rule-in-force';
import type { Rule, Scheme } from './rulebook.types';
import { round } from './scoring';

/** A deduction or bonus as asked for: the rule, and points, units or seriousness as its shape needs. */
export interface Application {
  ruleCode: string;
  effect: 'deduction' | 'bonus';
  points?: number;
  units?: number;
  serious?: boolean;
  occurredAt: string;
}

/**
 * How an applied deduction or bonus counts, fixed when it is applied: the rule's version, the
 * period and the scheme that period is scored under (a snapshot, so later revisions of the
 * rulebook never change it and readers need no rulebook to score it).
 */
export interface Assessment {
  rulebookVersion: number;
  schemeVersion: number;
  period: string;
  part: string;
  effect: 'deduction' | 'bonus' | 'veto';
  scheme: Scheme;
}

/** Checks the application against the rule in force at occurredAt and works out its points. */
export function assessApplication(versions: Versions, position: string, app: Application, timeZone: string): { points: number; assessment: Assessment } {
  const found = ruleInForce(versions, app.ruleCode, position, app.occurredAt, timeZone);
  const { rule } = found;
  if (rule.effect !== app.effect) {
    throw refuseUnderRulebook('rule_effect_mismatch', `rule ${rule.code} is a ${rule.effect}, not a ${app.effect}`, { ruleCode: rule.code });
  }
  const points = pointsFor(rule, app);
  return {
    points,
    assessment: {
      rulebookVersion: found.ruleVersion,
      schemeVersion: found.schemeVersion,
      period: found.period,
      part: rule.part,
      effect: rule.shape.kind === 'veto' ? 'veto' : rule.effect,
      scheme: found.scheme,
    },
  };
}

function pointsFor(rule: Rule, app: Application): number {
  const { shape } = rule;
  const details = { ruleCode: rule.code, shape };
  if (app.serious && !rule.serious) throw refuseUnderRulebook('rule_has_no_serious_variant', `rule ${rule.code} has no stricter variant for serious cases`, details);
  if (app.units !== undefined && shape.kind !== 'per-unit') throw refuseUnderRulebook('units_not_allowed', `rule ${rule.code} is not counted per unit`, details);
  const expect = (points: number) => {
    if (app.points !== undefined && app.points !== points) {
      throw refuseUnderRulebook('points_do_not_match_rule', `rule ${rule.code} takes ${points} points here, not ${app.points}`, { ...details, expected: points, given: app.points });
    }
    return points;
  };
  switch (shape.kind) {
    case 'fixed':
      return expect(app.serious && rule.serious ? rule.serious.points : shape.points);
    case 'range':
      if (app.points === undefined) throw refuseUnderRulebook('points_required', `rule ${rule.code} needs points chosen in [${shape.min}, ${shape.max}]`, details);
      if (app.points < shape.min || app.points > shape.max) {
        throw refuseUnderRulebook('points_out_of_rule_range', `rule ${rule.code} allows ${shape.min} to ${shape.max} points, not ${app.points}`, { ...details, given: app.points });
      }
      return app.points;
    case 'per-unit':
      if (app.units === undefined || !(app.units > 0)) throw refuseUnderRulebook('units_required', `rule ${rule.code} needs the number of units (${shape.unit}s), more than 0`, details);
      checkUnitLimits(rule, shape, app.units);
      return expect(round(app.units * shape.pointsPerUnit, 2));
    case 'veto':
      if (app.points !== undefined && app.points !== 0) throw refuseUnderRulebook('points_do_not_match_rule', `rule ${rule.code} is a veto: it fails the period and takes no points`, details);
      return 0;
  }
}

/**
 * Units within the rule's own limits: a rate cannot fall more percentage points below its target
 * than the target itself (nor more than 100 without one), and occurrences are counted whole.
 */
function checkUnitLimits(rule: Rule, shape: Extract<Rule['shape'], { kind: 'per-unit' }>, units: number): void {
  const details = { ruleCode: rule.code, path: 'units', given: units };
  if (shape.unit === 'percentage-point') {
    const limit = shape.target ?? 100;
    if (units > limit) {
      throw refuseUnderRulebook('units_beyond_rule_limit', `rule ${rule.code} counts at most ${limit} percentage points below its target, not ${units}`, { ...details, max: limit });
    }
  }
  if (shape.unit === 'occurrence' && !Number.isInteger(units)) {
    throw refuseUnderRulebook('units_not_whole', `rule ${rule.code} counts whole occurrences, not ${units}`, details);
  }
}

/** Points a measured rate costs under a target rule: each percentage point below the target (004:150). */
export function shortfallPoints(rule: Rule, rate: number): { target: number; points: number } {
  const { shape } = rule;
  if (shape.kind !== 'per-unit' || shape.unit !== 'percentage-point' || shape.target === undefined) {
    throw refuseUnderRulebook('rule_has_no_target', `rule ${rule.code} does not turn a rate below a target into points`, { ruleCode: rule.code });
  }
  return { target: shape.target, points: round(Math.max(0, shape.target - rate) * shape.pointsPerUnit, 2) };
}
