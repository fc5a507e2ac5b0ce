import { DomainError } from '../../shared/domain/domain-error';
import { refuseUnderRulebook } from './rulebook.errors';
import { periodBounds, periodLengthOf, periodOf } from '../../periods/domain/calendar/period';
import type { Rule, RulebookVersion, Scheme } from './rulebook.types';

/** Published versions, ordered by effectiveFrom (the order publishing enforces). */
export type Versions = readonly RulebookVersion[];

/** The version in force at an instant: the latest whose effectiveFrom is at or before it. */
export function versionInForce(versions: Versions, at: string): RulebookVersion | undefined {
  const t = Date.parse(at);
  let found: RulebookVersion | undefined;
  for (const v of versions) if (Date.parse(v.effectiveFrom) <= t) found = v;
  return found;
}

/**
 * The version that governs a whole period: the one in force when the period began, so a revision
 * effective mid-period or later never changes a period already under way (reproducible scores).
 * A period that began before the first version is governed by the first version.
 */
export function versionForPeriod(versions: Versions, period: string, timeZone: string): RulebookVersion | undefined {
  return versionInForce(versions, periodBounds(period, timeZone).start) ?? versions[0];
}

export interface RuleInForce {
  rule: Rule;
  /** The scheme the employee's period is scored under (from the version governing the period). */
  scheme: Scheme;
  period: string;
  ruleVersion: number;
  schemeVersion: number;
}

/**
 * The rule `code` in force at `occurredAt` for an employee in `position`, with the period the
 * occurrence falls in and the scheme that period is scored under. Throws a DomainError (422).
 */
export function ruleInForce(versions: Versions, code: string, position: string, occurredAt: string, timeZone: string): RuleInForce {
  const version = versionInForce(versions, occurredAt);
  if (!version) throw refuseUnderRulebook('no_rulebook_in_force', `no rulebook version is in force at ${occurredAt}`, { occurredAt });
  const rule = version.rules.find((r) => r.code === code);
  if (!rule) throw refuseUnderRulebook('rule_unknown', `rule ${code} is not in rulebook version ${version.version} in force at ${occurredAt}`, { ruleCode: code, rulebookVersion: version.version });
  if (!rule.positions.includes(position)) {
    throw refuseUnderRulebook('rule_not_for_position', `rule ${code} does not apply to position ${position}`, { ruleCode: code, position, positions: rule.positions });
  }
  const { scheme, period, version: governing } = schemeForPeriodOf(versions, position, occurredAt, timeZone);
  if (!scheme.parts.some((p) => p.code === rule.part)) {
    throw refuseUnderRulebook('rule_part_not_in_scheme', `rule ${code} scores part ${rule.part}, which the scheme of ${period} does not have`, { period });
  }
  return { rule, scheme, period, ruleVersion: version.version, schemeVersion: governing.version };
}

/** The period an instant falls in for a position, and the scheme and version governing it. */
export function schemeForPeriodOf(versions: Versions, position: string, at: string, timeZone: string) {
  const current = versionInForce(versions, at) ?? versions[0];
  const currentScheme = current?.schemes.find((s) => s.position === position);
  if (!current || !currentScheme) throw refuseUnderRulebook('no_scheme_for_position', `no scheme assesses position ${position} at ${at}`, { position });
  const period = periodOf(at, currentScheme.period, timeZone);
  const governing = versionForPeriod(versions, period, timeZone) ?? current;
  const scheme = governing.schemes.find((s) => s.position === position) ?? currentScheme;
  return { scheme, period, version: scheme === currentScheme ? current : governing };
}

/** The scheme a named period of a position is scored under; the period must have the scheme's length. */
export function schemeForPeriod(versions: Versions, position: string, period: string, timeZone: string): { scheme: Scheme; schemeVersion: number } {
  const version = versionForPeriod(versions, period, timeZone);
  if (!version) throw refuseUnderRulebook('no_rulebook_in_force', 'no rulebook version is published');
  const scheme = version.schemes.find((s) => s.position === position);
  if (!scheme) throw refuseUnderRulebook('no_scheme_for_position', `no scheme assesses position ${position} in ${period}`, { position, period });
  if (periodLengthOf(period) !== scheme.period) {
    throw refuseUnderRulebook('period_length_mismatch', `position ${position} is assessed per ${scheme.period}, not per ${periodLengthOf(period)}`, { period, periodLength: scheme.period });
  }
  return { scheme, schemeVersion: version.version };
}
