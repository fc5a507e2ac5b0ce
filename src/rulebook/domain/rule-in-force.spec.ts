import { refusalOf as refusal } from '../../shared/testing/refusal';
import { defaultRulebook } from '../default-rulebook';
import { periodBounds, periodOf } from '../../periods/domain/calendar/period';
import { ruleInForce, schemeForPeriod, schemeForPeriodOf, versionForPeriod, versionInForce } from './rule-in-force';
import type { RulebookVersion } from './rulebook.types';

const tz = 'Asia/Shanghai';
const v2: RulebookVersion = { ...defaultRulebook, version: 2, effectiveFrom: '2026-07-01T00:00:00+08:00', rules: defaultRulebook.rules.filter((r) => r.code !== 'PS-01') };
const versions = [defaultRulebook, v2];

describe('periods in the company calendar', () => {
  it('names months, quarters, halves and years in the company time zone', () => {
    expect(periodOf('2026-06-30T16:30:00Z', 'month', tz)).toBe('2026-07');
    expect(periodOf('2026-06-30T15:59:59Z', 'half-year', tz)).toBe('2026-H1');
    expect(periodOf('2026-05-01T00:00:00Z', 'quarter', tz)).toBe('2026-Q2');
    expect(periodOf('2026-05-01T00:00:00Z', 'year', tz)).toBe('2026');
    expect(periodBounds('2026-H1', tz)).toEqual({ start: '2025-12-31T16:00:00.000Z', end: '2026-06-30T16:00:00.000Z' });
  });
});

describe('the rule in force', () => {
  it('is the latest version effective at occurredAt', () => {
    expect(versionInForce(versions, '2026-06-30T15:59:59Z')?.version).toBe(1);
    expect(versionInForce(versions, '2026-06-30T16:00:00Z')?.version).toBe(2);
    expect(versionInForce(versions, '2025-12-31T15:59:59Z')).toBeUndefined();
    expect(() => ruleInForce(versions, 'PS-01', 'property-steward', '2026-07-02T00:00:00Z', tz)).toThrow(expect.objectContaining({ code: 'rule_unknown' }));
    expect(ruleInForce(versions, 'PS-01', 'property-steward', '2026-06-02T00:00:00Z', tz)).toMatchObject({ ruleVersion: 1, period: '2026-06' });
  });
  it('leaves a period to the version in force when it began', () => {
    expect(versionForPeriod(versions, '2026-H1', tz)?.version).toBe(1);
    expect(versionForPeriod(versions, '2026', tz)?.version).toBe(1);
    expect(versionForPeriod(versions, '2026-H2', tz)?.version).toBe(2);
  });
});


describe('refusals of the rule in force', () => {
  it('names the instant when no version is in force yet', () => {
    expect(refusal(() => ruleInForce(versions, 'PS-01', 'property-steward', '2025-06-01T00:00:00Z', tz))).toEqual({ code: 'no_rulebook_in_force', details: { occurredAt: '2025-06-01T00:00:00Z' } });
  });

  it('names the rule and the version when the rule is not in it', () => {
    expect(refusal(() => ruleInForce(versions, 'NOPE', 'property-steward', '2026-06-02T00:00:00Z', tz))).toEqual({ code: 'rule_unknown', details: { ruleCode: 'NOPE', rulebookVersion: 1 } });
  });

  it('names the positions a rule applies to when the employee holds another', () => {
    const rule = defaultRulebook.rules.find((r) => r.code === 'PS-01')!;
    expect(refusal(() => ruleInForce(versions, 'PS-01', 'delivery-driver', '2026-06-02T00:00:00Z', tz))).toEqual({ code: 'rule_not_for_position', details: { ruleCode: 'PS-01', position: 'delivery-driver', positions: rule.positions } });
  });

  it('refuses a rule whose part the governing scheme does not have, naming the period', () => {
    const steward = defaultRulebook.schemes.find((s) => s.position === 'property-steward')!;
    const renamed: RulebookVersion = { ...defaultRulebook, schemes: defaultRulebook.schemes.map((s) => (s === steward ? { ...s, parts: s.parts.map((p) => ({ ...p, code: 'other' })) } : s)) };
    expect(refusal(() => ruleInForce([renamed], 'PS-01', 'property-steward', '2026-06-02T00:00:00Z', tz))).toEqual({ code: 'rule_part_not_in_scheme', details: { period: '2026-06' } });
  });

  it('names the position that no scheme assesses', () => {
    expect(refusal(() => schemeForPeriodOf(versions, 'astronaut', '2026-06-02T00:00:00Z', tz))).toEqual({ code: 'no_scheme_for_position', details: { position: 'astronaut' } });
    expect(refusal(() => schemeForPeriodOf([], 'property-steward', '2026-06-02T00:00:00Z', tz))).toEqual({ code: 'no_scheme_for_position', details: { position: 'property-steward' } });
  });
});

describe('the scheme of a period', () => {
  const steward = (version: RulebookVersion) => version.schemes.find((s) => s.position === 'property-steward')!;
  const v2Scheme = { ...steward(defaultRulebook), grades: [{ grade: 'all', minTotal: 0 }] };
  const v2WithScheme: RulebookVersion = { ...v2, schemes: v2.schemes.map((s) => (s.position === 'property-steward' ? v2Scheme : s)) };

  it('is the one governing the period when it began, even for a fact after a revision', () => {
    const { scheme, period, version } = schemeForPeriodOf([defaultRulebook, { ...v2WithScheme, effectiveFrom: '2026-06-15T00:00:00+08:00' }], 'property-steward', '2026-06-20T00:00:00Z', tz);
    expect([period, version.version, scheme]).toEqual(['2026-06', 1, steward(defaultRulebook)]);
  });

  it('is the revision\'s for a period that began under it', () => {
    const { scheme, version } = schemeForPeriodOf([defaultRulebook, v2WithScheme], 'property-steward', '2026-07-20T00:00:00Z', tz);
    expect([version.version, scheme]).toEqual([2, v2Scheme]);
  });

  it('falls back to the current scheme for a position the governing version did not assess', () => {
    const { appeals: _a, ...v1 } = defaultRulebook;
    const withoutSteward: RulebookVersion = { ...v1, schemes: v1.schemes.filter((s) => s.position !== 'property-steward'), rules: v1.rules.filter((r) => !r.positions.includes('property-steward')) };
    const { scheme, version } = schemeForPeriodOf([withoutSteward, { ...v2WithScheme, effectiveFrom: '2026-06-15T00:00:00+08:00' }], 'property-steward', '2026-06-20T00:00:00Z', tz);
    expect([version.version, scheme]).toEqual([2, v2Scheme]);
  });

  it('is named for a period of the scheme\'s length, and refused for another length or position', () => {
    expect(schemeForPeriod(versions, 'property-steward', '2026-03', tz)).toEqual({ scheme: steward(defaultRulebook), schemeVersion: 1 });
    expect(refusal(() => schemeForPeriod(versions, 'property-steward', '2026-Q1', tz))).toEqual({ code: 'period_length_mismatch', details: { period: '2026-Q1', periodLength: 'month' } });
    expect(refusal(() => schemeForPeriod(versions, 'astronaut', '2026-03', tz))).toEqual({ code: 'no_scheme_for_position', details: { position: 'astronaut', period: '2026-03' } });
    expect(refusal(() => schemeForPeriod([], 'property-steward', '2026-03', tz)).code).toBe('no_rulebook_in_force');
  });

  it('is governed by the first version for a period that began before any', () => {
    expect(versionForPeriod(versions, '2025-12', tz)?.version).toBe(1);
    expect(versionForPeriod([], '2025-12', tz)).toBeUndefined();
  });
});

