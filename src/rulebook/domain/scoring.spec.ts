import fc from 'fast-check';
import { defaultRulebook } from '../default-rulebook';
import { scorePeriod } from './scoring';
import type { ScoreEntry } from './scoring';
import type { Scheme } from './rulebook.types';

const scheme = (position: string): Scheme => defaultRulebook.schemes.find((s) => s.position === position)!;
const deducted = defaultRulebook.schemes.filter((s) => s.assessment === 'deducted');
const withHeadroom: Scheme = { ...scheme('delivery-driver'), parts: scheme('delivery-driver').parts.map((p) => ({ ...p, bonusHeadroom: 5 })) };

/** Deductions, bonuses (and their overturned counterpart, points 0) on the parts of a scheme. */
const entriesFor = (s: Scheme) =>
  fc.array(
    fc.record({
      part: fc.constantFrom(...s.parts.map((p) => p.code)),
      effect: fc.constantFrom('deduction' as const, 'bonus' as const),
      points: fc.integer({ min: 0, max: 80 }).map((n) => n / 2),
    }),
    { maxLength: 30 },
  ).map((list) => list.map((e, i): ScoreEntry => ({ kind: 'points', id: `e${i}`, ...e })));

describe('the scoring function', () => {
  it('never takes a part outside [0, max + bonus headroom] (扣完为止)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...deducted, withHeadroom).chain((s) => fc.tuple(fc.constant(s), entriesFor(s))), ([s, entries]) => {
        for (const part of scorePeriod(s, entries).parts) {
          const def = s.parts.find((p) => p.code === part.code)!;
          expect(part.points).toBeGreaterThanOrEqual(0);
          expect(part.points).toBeLessThanOrEqual(def.max + (def.bonusHeadroom ?? 0));
        }
      }),
    );
  });

  it('gives the same score whatever the order of the period events', () => {
    fc.assert(
      fc.property(fc.constantFrom(...deducted).chain((s) => fc.tuple(fc.constant(s), entriesFor(s))).chain(([s, e]) => fc.tuple(fc.constant(s), fc.constant(e), fc.shuffledSubarray(e, { minLength: e.length, maxLength: e.length }))), ([s, entries, shuffled]) => {
        expect(scorePeriod(s, shuffled)).toEqual(scorePeriod(s, entries));
      }),
    );
  });

  it('returns to the score it had when a deduction is applied then overturned', () => {
    fc.assert(
      fc.property(fc.constantFrom(...deducted).chain((s) => fc.tuple(fc.constant(s), entriesFor(s), fc.constantFrom(...s.parts.map((p) => p.code)), fc.integer({ min: 1, max: 40 }))), ([s, entries, part, points]) => {
        const before = scorePeriod(s, entries);
        const applied: ScoreEntry = { kind: 'points', id: 'x', part, effect: 'deduction', points };
        scorePeriod(s, [...entries, applied]);
        expect(scorePeriod(s, [...entries, { ...applied, points: 0 }])).toEqual(before);
      }),
    );
  });

  it('grades a weighted rated scheme with the per-part condition (000:104)', () => {
    const rating: ScoreEntry = { kind: 'rating', id: 'r', ratings: { performance: { quantity: 90, quality: 90, workload: 90 }, skill: { proficiency: 80, grade: 80, 'problem-solving': 80 }, conduct: { attitude: 80, safety: 80, discipline: 80 } } };
    expect(scorePeriod(scheme('operations-worker'), [rating])).toMatchObject({ normalised: 86, grade: 'excellent' });
    expect(scorePeriod(scheme('operations-worker'), [])).toMatchObject({ rated: false, normalised: 0 });
  });

  it('fails the period on a veto, whatever the points (001:2027)', () => {
    expect(scorePeriod(scheme('property-steward'), [{ kind: 'veto', id: 'v', ruleCode: 'PS-VETO' }])).toMatchObject({ normalised: 100, veto: true, grade: 'needs-improvement' });
  });
});
