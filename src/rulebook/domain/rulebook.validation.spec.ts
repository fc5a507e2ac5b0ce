import { DomainError } from '../../shared/domain/domain-error';
import { defaultRulebook } from '../default-rulebook';
import type { RulebookVersion } from './rulebook.types';
import { validateRulebookVersion } from './rulebook.validation';

const codeOf = (version: RulebookVersion) => {
  try {
    validateRulebookVersion(version);
    return 'valid';
  } catch (error) {
    return error instanceof DomainError ? `${error.code} at ${String(error.details.path)}` : String(error);
  }
};
const withScheme = (position: string, change: (s: RulebookVersion['schemes'][number]) => object): RulebookVersion => ({
  ...defaultRulebook,
  schemes: defaultRulebook.schemes.map((s) => (s.position === position ? ({ ...s, ...change(s) } as typeof s) : s)),
});
const withRule = (code: string, change: object): RulebookVersion => ({ ...defaultRulebook, rules: defaultRulebook.rules.map((r) => (r.code === code ? ({ ...r, ...change } as typeof r) : r)) });

describe('validating a rulebook version as a whole', () => {
  it('accepts the shipped default rulebook, every rule naming its seed line', () => {
    expect(codeOf(defaultRulebook)).toBe('valid');
    expect(defaultRulebook.rules.every((r) => /^00[014]:\d+/.test(r.source ?? ''))).toBe(true);
    expect(defaultRulebook.rules.filter((r) => r.positions.includes('property-steward')).length).toBe(19);
  });
  it('refuses each broken rule with a precise code and path', () => {
    expect(codeOf({ ...defaultRulebook, schemes: [] })).toBe('rulebook_without_schemes at schemes');
    expect(codeOf(withScheme('property-steward', () => ({ period: 'week' })))).toBe('scheme_period_invalid at schemes[0].period');
    expect(codeOf(withScheme('operations-worker', (s) => ({ parts: s.parts.map((p, i) => (i === 0 ? { ...p, weight: undefined } : p)) })))).toBe('part_weights_incomplete at schemes[4].parts');
    expect(codeOf(withScheme('operations-worker', (s) => ({ parts: s.parts.map((p, i) => (i === 1 ? { ...p, subCriteria: p.subCriteria!.slice(1) } : p)) })))).toBe('sub_criteria_weights_not_100 at schemes[4].parts[1].subCriteria');
    expect(codeOf(withScheme('property-steward', () => ({ grades: [{ grade: 'a', minTotal: 50 }, { grade: 'b', minTotal: 60 }, { grade: 'c', minTotal: 0 }] })))).toBe('grades_not_descending at schemes[0].grades[1].minTotal');
    expect(codeOf(withScheme('property-steward', () => ({ grades: [{ grade: 'a', minTotal: 50 }] })))).toBe('grades_lowest_band_not_open at schemes[0].grades');
    expect(codeOf(withRule('PS-01', { part: 'complaints' }))).toBe('rule_part_unknown at rules[0].part');
    expect(codeOf(withRule('PS-01', { positions: ['astronaut'] }))).toBe('rule_position_unknown at rules[0].positions');
    expect(codeOf(withRule('PS-02', { code: 'PS-01' }))).toBe('rule_code_repeated at rules');
    expect(codeOf(withRule('PS-01', { shape: { kind: 'range', min: 5, max: 2 } }))).toBe('rule_range_invalid at rules[0].shape');
    expect(codeOf(withRule('PS-04', { serious: { points: 1 } }))).toBe('rule_serious_not_stricter at rules[4].serious');
    expect(codeOf(withRule('PS-03', { shape: { kind: 'veto' } }))).toBe('veto_not_a_deduction at rules[2].effect');
    expect(codeOf({ ...defaultRulebook, appeals: { windowDays: 0 } })).toBe('appeal_window_invalid at appeals.windowDays');
    expect(codeOf({ ...defaultRulebook, appeals: { windowDays: 15, hearingWithinDays: 0.5 } })).toBe('appeal_hearing_limit_invalid at appeals.hearingWithinDays');
    expect(codeOf({ ...defaultRulebook, rules: 'x' } as unknown as RulebookVersion)).toBe('rulebook_malformed at schemes');
  });
});
