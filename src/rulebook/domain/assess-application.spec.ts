import { refusalOf as refusal } from '../../shared/testing/refusal';
import { assessApplication, shortfallPoints } from './assess-application';
import type { Application } from './assess-application';
import { testRulebook } from '../testing/test-rulebook';

const tz = 'Asia/Shanghai';
const at = '2026-03-31T23:30:00+08:00';
const assess = (app: Partial<Application> & { ruleCode: string }) => assessApplication([testRulebook], 'tester', { effect: 'deduction', occurredAt: at, ...app }, tz);


describe('assessing a deduction or bonus against the rule in force', () => {
  it('snapshots the rule version, the period in the company time zone, the part and the scheme', () => {
    expect(assess({ ruleCode: 'FIX' })).toEqual({
      points: 2,
      assessment: { rulebookVersion: 1, schemeVersion: 1, period: '2026-03', part: 'work', effect: 'deduction', scheme: testRulebook.schemes[0] },
    });
  });

  it('takes a fixed rule\'s points, or its serious variant\'s', () => {
    expect(assess({ ruleCode: 'FIX', points: 2 }).points).toBe(2);
    expect(assess({ ruleCode: 'FIX', serious: true }).points).toBe(5);
    expect(assess({ ruleCode: 'FIX', serious: false }).points).toBe(2);
  });

  it('refuses points other than the rule fixes, naming both', () => {
    expect(refusal(() => assess({ ruleCode: 'FIX', points: 3 }))).toEqual({ code: 'points_do_not_match_rule', details: { ruleCode: 'FIX', shape: { kind: 'fixed', points: 2 }, expected: 2, given: 3 } });
  });

  it('refuses a serious case of a rule without a serious variant, and units for a rule not counted in units', () => {
    expect(refusal(() => assess({ ruleCode: 'PLAIN', serious: true })).code).toBe('rule_has_no_serious_variant');
    expect(refusal(() => assess({ ruleCode: 'PLAIN', units: 1 })).code).toBe('units_not_allowed');
  });

  it('takes a range rule\'s points from its minimum to its maximum, and refuses others or none', () => {
    expect(assess({ ruleCode: 'RANGE', points: 1 }).points).toBe(1);
    expect(assess({ ruleCode: 'RANGE', points: 3 }).points).toBe(3);
    expect(refusal(() => assess({ ruleCode: 'RANGE', points: 0.5 }))).toEqual({ code: 'points_out_of_rule_range', details: { ruleCode: 'RANGE', shape: { kind: 'range', min: 1, max: 3 }, given: 0.5 } });
    expect(refusal(() => assess({ ruleCode: 'RANGE', points: 3.5 })).code).toBe('points_out_of_rule_range');
    expect(refusal(() => assess({ ruleCode: 'RANGE' })).code).toBe('points_required');
  });

  it('counts a per-unit rule by its units, and wants more than none', () => {
    expect(assess({ ruleCode: 'DAYS', units: 3 }).points).toBe(1.5);
    expect(assess({ ruleCode: 'DAYS', units: 3, points: 1.5 }).points).toBe(1.5);
    expect(refusal(() => assess({ ruleCode: 'DAYS', units: 3, points: 2 })).code).toBe('points_do_not_match_rule');
    expect(refusal(() => assess({ ruleCode: 'DAYS' })).code).toBe('units_required');
    expect(refusal(() => assess({ ruleCode: 'DAYS', units: 0 })).code).toBe('units_required');
  });

  it('counts occurrences whole', () => {
    expect(assess({ ruleCode: 'TIMES', units: 2 }).points).toBe(4);
    expect(refusal(() => assess({ ruleCode: 'TIMES', units: 1.5 }))).toEqual({ code: 'units_not_whole', details: { ruleCode: 'TIMES', path: 'units', given: 1.5 } });
  });

  it('counts percentage points below a target up to the target itself (100 without one)', () => {
    expect(assess({ ruleCode: 'RATE', units: 90 }).points).toBe(90);
    expect(refusal(() => assess({ ruleCode: 'RATE', units: 90.5 }))).toEqual({ code: 'units_beyond_rule_limit', details: { ruleCode: 'RATE', path: 'units', given: 90.5, max: 90 } });
    expect(assess({ ruleCode: 'RATE100', units: 100 }).points).toBe(100);
    expect(refusal(() => assess({ ruleCode: 'RATE100', units: 100.5 })).details.max).toBe(100);
    expect(assess({ ruleCode: 'RATE', units: 2.5 }).points).toBe(2.5);
  });

  it('takes a veto as a failed period with no points', () => {
    expect(assess({ ruleCode: 'VETO' })).toMatchObject({ points: 0, assessment: { effect: 'veto' } });
    expect(assess({ ruleCode: 'VETO', points: 0 }).points).toBe(0);
    expect(refusal(() => assess({ ruleCode: 'VETO', points: 1 })).code).toBe('points_do_not_match_rule');
  });

  it('refuses a deduction under a bonus rule and a bonus under a deduction rule', () => {
    expect(refusal(() => assess({ ruleCode: 'PRAISE' }))).toEqual({ code: 'rule_effect_mismatch', details: { ruleCode: 'PRAISE' } });
    expect(refusal(() => assess({ ruleCode: 'FIX', effect: 'bonus' })).code).toBe('rule_effect_mismatch');
    expect(assess({ ruleCode: 'PRAISE', effect: 'bonus' })).toMatchObject({ points: 3, assessment: { effect: 'bonus' } });
  });
});

describe('points for a measured rate below a target (004:150)', () => {
  const find = (code: string) => testRulebook.rules.find((r) => r.code === code)!;
  it('costs each percentage point below the target, and nothing at or above it', () => {
    expect(shortfallPoints(find('RATE'), 87.5)).toEqual({ target: 90, points: 2.5 });
    expect(shortfallPoints(find('RATE'), 90)).toEqual({ target: 90, points: 0 });
    expect(shortfallPoints(find('RATE'), 95)).toEqual({ target: 90, points: 0 });
  });

  it('refuses a rule that sets no target', () => {
    for (const code of ['RATE100', 'DAYS', 'FIX']) expect(refusal(() => shortfallPoints(find(code), 80))).toEqual({ code: 'rule_has_no_target', details: { ruleCode: code } });
  });
});
