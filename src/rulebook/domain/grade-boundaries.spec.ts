import { defaultRulebook } from '../default-rulebook';
import { scorePeriod } from './scoring';
import type { ScoreEntry } from './scoring';
import type { Scheme } from './rulebook.types';

/** Full marks on every part: no entries for a deducted scheme, 100 % from one assessor for a rated one. */
const fullMarks = (scheme: Scheme, percentOf: (part: string) => number = () => 100): ScoreEntry[] =>
  scheme.assessment === 'deducted'
    ? []
    : [{ kind: 'rating', id: 'r1', ratings: Object.fromEntries(scheme.parts.map((p) => [p.code, Object.fromEntries((p.subCriteria ?? []).map((s) => [s.code, percentOf(p.code)]))])) }];

/** Deductions spread over the parts, each part taking what it can, `points` in all. */
function deduct(scheme: Scheme, points: number): ScoreEntry[] {
  const entries: ScoreEntry[] = [];
  let left = points;
  for (const part of scheme.parts) {
    const take = Math.min(left, part.max);
    if (take > 0) entries.push({ kind: 'points', id: `d-${part.code}`, part: part.code, effect: 'deduction', points: take });
    left -= take;
  }
  return entries;
}

/** Takes the normalised total of a full-marks period down to `target` (0-100). */
function periodAt(scheme: Scheme, target: number): ScoreEntry[] {
  if (scheme.assessment === 'rated') return [...fullMarks(scheme), { kind: 'adjustment', id: 'a1', points: 100 - target }];
  const maxTotal = scheme.parts.reduce((a, p) => a + p.max, 0);
  return deduct(scheme, ((100 - target) * maxTotal) / 100);
}

const bandsAboveTheFloor = defaultRulebook.schemes.flatMap((scheme) =>
  scheme.grades.slice(0, -1).map((band, i) => ({ position: scheme.position, scheme, band, below: scheme.grades[i + 1] })),
);

describe('grade bands of every scheme in the default rulebook', () => {
  it.each(bandsAboveTheFloor.map((c) => [c.position, c.band.grade, c.band.minTotal, c] as const))(
    '%s: exactly %s (%d) earns the band, 0.1 below earns the next',
    (_position, _grade, _min, { scheme, band, below }) => {
      const at = scorePeriod(scheme, periodAt(scheme, band.minTotal));
      expect(at.normalised).toBe(band.minTotal);
      expect(at.grade).toBe(band.grade);

      const under = scorePeriod(scheme, periodAt(scheme, band.minTotal - 0.1));
      expect(under.normalised).toBe(band.minTotal - 0.1);
      expect(under.grade).toBe(below.grade);
    },
  );

  it('the floor band takes a period scored 0', () => {
    for (const scheme of defaultRulebook.schemes) {
      const floor = scheme.grades[scheme.grades.length - 1];
      expect(floor.minTotal).toBe(0);
      const score = scorePeriod(scheme, periodAt(scheme, 0));
      expect([scheme.position, score.normalised, score.grade]).toEqual([scheme.position, 0, floor.grade]);
    }
  });

  const partFloors = defaultRulebook.schemes.flatMap((scheme) =>
    scheme.grades.filter((b) => b.minPartPercent !== undefined).flatMap((band) => scheme.parts.map((part) => ({ scheme, band, part: part.code }))),
  );

  it('has rated schemes whose best band asks a minimum of every part (000:102)', () => {
    expect(partFloors.length).toBeGreaterThan(0);
  });

  it.each(partFloors.map((c) => [c.scheme.position, c.part, c.band.minPartPercent, c] as const))(
    '%s: part %s exactly at %d %% keeps the band, just below loses it',
    (_position, part, minPartPercent, { scheme, band }) => {
      const at = scorePeriod(scheme, fullMarks(scheme, (code) => (code === part ? minPartPercent! : 100)));
      expect(at.normalised).toBeGreaterThanOrEqual(band.minTotal);
      expect(at.parts.find((p) => p.code === part)!.percent).toBe(minPartPercent);
      expect(at.grade).toBe(band.grade);

      const under = scorePeriod(scheme, fullMarks(scheme, (code) => (code === part ? minPartPercent! - 0.1 : 100)));
      expect(under.normalised).toBeGreaterThanOrEqual(band.minTotal);
      expect(under.grade).not.toBe(band.grade);
    },
  );

  it('a veto fails the period whatever the total (001:2027)', () => {
    for (const scheme of defaultRulebook.schemes) {
      const score = scorePeriod(scheme, [...fullMarks(scheme), { kind: 'veto', id: 'v1', ruleCode: 'any' }]);
      expect(score.grade).toBe(scheme.grades[scheme.grades.length - 1].grade);
    }
  });
});
