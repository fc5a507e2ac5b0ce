import type { Rule, RulebookVersion } from '../domain/rulebook.types';

/** A small rulebook with one rule of every shape, for a "tester" assessed monthly on one part. */
const rule = (code: string, shape: Rule['shape'], extra: Partial<Rule> = {}): Rule => ({ code, title: code, effect: 'deduction', positions: ['tester'], part: 'work', shape, ...extra });
export const testRulebook: RulebookVersion = {
  version: 1,
  effectiveFrom: '2026-01-01T00:00:00+08:00',
  title: 'test',
  schemes: [
    { position: 'tester', title: 'Tester', assessment: 'deducted', period: 'month', parts: [{ code: 'work', title: 'Work', max: 100 }], grades: [{ grade: 'ok', minTotal: 60 }, { grade: 'poor', minTotal: 0 }] },
    {
      position: 'rater', title: 'Rated worker', assessment: 'rated', period: 'half-year',
      parts: [
        { code: 'performance', title: 'Performance', max: 100, weight: 60, subCriteria: [{ code: 'output', title: 'Output', weight: 50 }, { code: 'quality', title: 'Quality', weight: 50 }] },
        { code: 'conduct', title: 'Conduct', max: 100, weight: 40, subCriteria: [{ code: 'manner', title: 'Manner', weight: 100 }] },
      ],
      grades: [{ grade: 'ok', minTotal: 60 }, { grade: 'poor', minTotal: 0 }],
    },
  ],
  rules: [
    rule('FIX', { kind: 'fixed', points: 2 }, { serious: { points: 5 } }),
    rule('PLAIN', { kind: 'fixed', points: 1 }),
    rule('RANGE', { kind: 'range', min: 1, max: 3 }),
    rule('DAYS', { kind: 'per-unit', unit: 'day', pointsPerUnit: 0.5 }),
    rule('TIMES', { kind: 'per-unit', unit: 'occurrence', pointsPerUnit: 2 }),
    rule('RATE', { kind: 'per-unit', unit: 'percentage-point', pointsPerUnit: 1, target: 90 }),
    rule('RATE100', { kind: 'per-unit', unit: 'percentage-point', pointsPerUnit: 1 }),
    rule('VETO', { kind: 'veto' }),
    rule('PRAISE', { kind: 'fixed', points: 3 }, { effect: 'bonus' }),
    rule('SATISFACTION', { kind: 'per-unit', unit: 'percentage-point', pointsPerUnit: 0.5, target: 95 }),
  ],
};
