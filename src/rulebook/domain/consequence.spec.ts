import { DomainError } from '../../shared/domain/domain-error';
import { resolveConsequence } from './consequence';
import type { RulebookVersion } from './rulebook.types';
import { validateRulebookVersion } from './rulebook.validation';

const grades = [{ grade: 'pass', minTotal: 0 }];
const v1: RulebookVersion = {
  version: 1,
  effectiveFrom: '2026-01-01T00:00:00+08:00',
  title: 'v1',
  schemes: [
    { position: 'assistant-technologist', title: 'AT', assessment: 'deducted', period: 'month', parts: [{ code: 'standard', title: 's', max: 100 }], grades, consequences: { ticketBreach: { arrival: { rule: 'AT-ARRIVAL' } } } },
    { position: 'steward', title: 'S', assessment: 'deducted', period: 'month', parts: [{ code: 'standard', title: 's', max: 100 }], grades, consequences: { upheldComplaint: { normal: { rule: 'S-COMPLAINT' }, group: { rule: 'S-RANGE', points: 4 } } } },
    { position: 'repair-technician', title: 'R', assessment: 'deducted', period: 'month', parts: [{ code: 'standard', title: 's', max: 100 }], grades },
  ],
  rules: [
    { code: 'AT-ARRIVAL', title: 'late to the site', effect: 'deduction', positions: ['assistant-technologist'], part: 'standard', shape: { kind: 'fixed', points: 1 }, source: '001:817' },
    { code: 'S-COMPLAINT', title: 'valid complaint', effect: 'deduction', positions: ['steward'], part: 'standard', shape: { kind: 'fixed', points: 2 }, serious: { points: 5 } },
    { code: 'S-RANGE', title: 'group complaint', effect: 'deduction', positions: ['steward'], part: 'standard', shape: { kind: 'range', min: 2, max: 5 } },
    { code: 'S-BONUS', title: 'bonus', effect: 'bonus', positions: ['steward'], part: 'standard', shape: { kind: 'fixed', points: 5 } },
  ],
};
const v2: RulebookVersion = {
  ...v1,
  version: 2,
  effectiveFrom: '2026-07-01T00:00:00+08:00',
  rules: v1.rules.map((r) => (r.code === 'AT-ARRIVAL' ? { ...r, shape: { kind: 'fixed', points: 3 } } : r)),
};

describe('what a fact costs under the rulebook', () => {
  it('given a breach of the arrival clock by an assistant technologist, then the rule in force at the deadline prices it', () => {
    expect(resolveConsequence([v1, v2], 'assistant-technologist', { kind: 'ticketBreach', milestone: 'arrival' }, '2026-03-10T09:07:00+08:00')).toEqual({ costs: true, ruleCode: 'AT-ARRIVAL', points: 1, serious: false, rulebookVersion: 1 });
  });

  it('given a revision after the breach, then a replay resolves the same price; a breach after it pays the new one', () => {
    const before = resolveConsequence([v1], 'assistant-technologist', { kind: 'ticketBreach', milestone: 'arrival' }, '2026-03-10T09:07:00+08:00');
    expect(resolveConsequence([v1, v2], 'assistant-technologist', { kind: 'ticketBreach', milestone: 'arrival' }, '2026-03-10T09:07:00+08:00')).toEqual(before);
    expect(resolveConsequence([v1, v2], 'assistant-technologist', { kind: 'ticketBreach', milestone: 'arrival' }, '2026-07-10T09:07:00+08:00')).toMatchObject({ points: 3, rulebookVersion: 2 });
  });

  it('given a position whose scheme names no consequence, then the fact costs nothing, and says why', () => {
    const r = resolveConsequence([v1], 'repair-technician', { kind: 'ticketBreach', milestone: 'arrival' }, '2026-03-10T09:07:00+08:00');
    expect(r).toMatchObject({ costs: false, rulebookVersion: 1 });
    expect(r.costs === false && r.reason).toContain('repair-technician');
    expect(resolveConsequence([v1], 'assistant-technologist', { kind: 'missedTalk' }, '2026-03-10T09:07:00+08:00').costs).toBe(false);
    expect(resolveConsequence([v1], 'nobody', { kind: 'missedTalk' }, '2026-03-10T09:07:00+08:00').costs).toBe(false);
    expect(resolveConsequence([v1], 'steward', { kind: 'missedTalk' }, '2025-03-10T09:07:00+08:00')).toMatchObject({ costs: false, reason: expect.stringContaining('no rulebook version is in force') });
  });

  it('given an upheld complaint, then severity picks the consequence, a serious one the rule\'s stricter variant, a range its named points', () => {
    expect(resolveConsequence([v1], 'steward', { kind: 'upheldComplaint', severity: 'normal' }, '2026-03-10T09:07:00+08:00')).toMatchObject({ ruleCode: 'S-COMPLAINT', points: 2, serious: false });
    expect(resolveConsequence([v1], 'steward', { kind: 'upheldComplaint', severity: 'serious' }, '2026-03-10T09:07:00+08:00')).toMatchObject({ ruleCode: 'S-COMPLAINT', points: 5, serious: true });
    expect(resolveConsequence([v1], 'steward', { kind: 'upheldComplaint', severity: 'group' }, '2026-03-10T09:07:00+08:00')).toMatchObject({ ruleCode: 'S-RANGE', points: 4, serious: false });
  });

  it('refuses a version whose consequences name a missing rule, a bonus, a rule of another position, or a range without its points', () => {
    validateRulebookVersion(v1);
    const withConsequence = (position: string, consequences: object) => ({ ...v1, schemes: v1.schemes.map((s) => (s.position === position ? { ...s, consequences } : s)) }) as RulebookVersion;
    const codeOf = (v: RulebookVersion) => {
      try {
        validateRulebookVersion(v);
        return 'valid';
      } catch (error) {
        return error instanceof DomainError ? `${error.code} at ${String((error.details as { path?: string }).path)}` : String(error);
      }
    };
    expect(codeOf(withConsequence('steward', { missedTalk: { rule: 'NOPE' } }))).toBe('consequence_rule_unknown at schemes[1].consequences.missedTalk.rule');
    expect(codeOf(withConsequence('steward', { missedTalk: { rule: 'S-BONUS' } }))).toBe('consequence_rule_not_a_deduction at schemes[1].consequences.missedTalk.rule');
    expect(codeOf(withConsequence('steward', { missedTalk: { rule: 'AT-ARRIVAL' } }))).toBe('consequence_rule_not_for_position at schemes[1].consequences.missedTalk.rule');
    expect(codeOf(withConsequence('steward', { missedTalk: { rule: 'S-RANGE' } }))).toBe('consequence_points_invalid at schemes[1].consequences.missedTalk.points');
    expect(codeOf(withConsequence('steward', { missedTalk: { rule: 'S-COMPLAINT', points: 2 } }))).toBe('consequence_points_not_allowed at schemes[1].consequences.missedTalk.points');
    expect(codeOf(withConsequence('steward', { ticketBreach: { lunch: { rule: 'S-COMPLAINT' } } }))).toBe('consequence_unknown at schemes[1].consequences.ticketBreach.lunch');
  });
});

describe('the consequences a scheme names, each checked where it stands', () => {
  const withConsequence = (position: string, consequences: unknown) => ({ ...v1, schemes: v1.schemes.map((s) => (s.position === position ? { ...s, consequences } : s)) }) as RulebookVersion;
  const withRule = (code: string, change: object) => ({ ...v1, rules: v1.rules.map((r) => (r.code === code ? { ...r, ...change } : r)) }) as RulebookVersion;
  const refusal = (v: RulebookVersion) => {
    try {
      validateRulebookVersion(v);
      return 'valid';
    } catch (error) {
      if (!(error instanceof DomainError)) return String(error);
      return /\w{3}/.test(error.message) ? `${error.code} at ${String((error.details as { path?: string }).path)}` : `${error.code} without a message`;
    }
  };

  it.each<[string, unknown, string]>([
    ['consequences that are a list', [], 'consequences_malformed at schemes[1].consequences'],
    ['consequences that are null', null, 'consequences_malformed at schemes[1].consequences'],
    ['a consequence of an unknown kind', { lateLunch: { rule: 'S-COMPLAINT' } }, 'consequence_unknown at schemes[1].consequences.lateLunch'],
    ['a complaint breach of an unknown clock', { complaintBreach: { lunch: { rule: 'S-COMPLAINT' } } }, 'consequence_unknown at schemes[1].consequences.complaintBreach.lunch'],
    ['an upheld complaint of an unknown severity', { upheldComplaint: { petty: { rule: 'S-COMPLAINT' } } }, 'consequence_unknown at schemes[1].consequences.upheldComplaint.petty'],
    ['a complaint breach naming no rule', { complaintBreach: { handling: {} } }, 'consequence_rule_unknown at schemes[1].consequences.complaintBreach.handling.rule'],
    ['an upheld complaint naming a bonus', { upheldComplaint: { serious: { rule: 'S-BONUS' } } }, 'consequence_rule_not_a_deduction at schemes[1].consequences.upheldComplaint.serious.rule'],
    ['a range consequence below the range', { upheldComplaint: { group: { rule: 'S-RANGE', points: 1 } } }, 'consequence_points_invalid at schemes[1].consequences.upheldComplaint.group.points'],
    ['a range consequence above the range', { upheldComplaint: { group: { rule: 'S-RANGE', points: 6 } } }, 'consequence_points_invalid at schemes[1].consequences.upheldComplaint.group.points'],
  ])('refuses %s', (_what, consequences, expected) => {
    expect(refusal(withConsequence('steward', consequences))).toBe(expected);
  });

  it('takes a range consequence at either end of the range, and every clock and severity there is', () => {
    expect(refusal(withConsequence('steward', { upheldComplaint: { normal: { rule: 'S-COMPLAINT' }, serious: { rule: 'S-COMPLAINT' }, group: { rule: 'S-RANGE', points: 2 } } }))).toBe('valid');
    expect(refusal(withConsequence('steward', { upheldComplaint: { group: { rule: 'S-RANGE', points: 5 } }, complaintBreach: { handling: { rule: 'S-COMPLAINT' }, callback: { rule: 'S-COMPLAINT' } } }))).toBe('valid');
    expect(refusal(withConsequence('assistant-technologist', { ticketBreach: { acknowledgement: { rule: 'AT-ARRIVAL' }, arrival: { rule: 'AT-ARRIVAL' }, resolution: { rule: 'AT-ARRIVAL' } } }))).toBe('valid');
  });

  it('refuses a consequence priced by a rule counted per unit or a veto: a consequence costs fixed points or a point of a range', () => {
    expect(refusal(withRule('S-COMPLAINT', { shape: { kind: 'per-unit', unit: 'day', pointsPerUnit: 1 }, serious: undefined }))).toBe('consequence_rule_shape_unsupported at schemes[1].consequences.upheldComplaint.normal.rule');
  });
});

