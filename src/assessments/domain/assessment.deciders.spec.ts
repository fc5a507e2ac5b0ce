import { deciderSpecification } from '../../shared/testing/decider-specification';
import type { EmployeeState } from '../../employees/domain/employee.decider';
import { testRulebook } from '../../rulebook/testing/test-rulebook';
import { bonusDecider, ratingsDecider, surveyDecider } from './assessment.deciders';
import type { AssessmentDecisionContext } from './assessment.deciders';
import { refuseAssessment } from './assessment.errors';
import { refuseUnderRulebook } from '../../rulebook/domain/rulebook.errors';
import type { RefusalCode } from '../../shared/domain/error-catalogue';

const now = '2026-08-01T00:00:00.000Z';
const staff = (position: string): EmployeeState => ({ status: 'registered', employeeId: 'E-1', name: 'Li', department: 'north', position, registeredAt: '2026-01-01T00:00:00.000Z' });
const context = (position = 'tester', closedPeriods: string[] = []): AssessmentDecisionContext => ({ employee: staff(position), rulebook: { versions: [testRulebook], timeZone: 'Asia/Shanghai', closedPeriods } });
const unregistered: AssessmentDecisionContext = { employee: { status: 'unknown' }, rulebook: context().rulebook };
const tester = testRulebook.schemes.find((s) => s.position === 'tester')!;
const rater = testRulebook.schemes.find((s) => s.position === 'rater')!;

describe('awarding a bonus', () => {
  const spec = deciderSpecification(bonusDecider, refuseAssessment, refuseUnderRulebook);
  const award = (data: Partial<{ occurredAt: string; points: number; ruleCode: string }> = {}) => ({
    type: 'AwardBonus' as const,
    data: { bonusId: 'B-1', employeeId: 'E-1', ruleCode: 'PRAISE', occurredAt: '2026-03-31T23:30:00+08:00', reason: 'saved a customer', awardedBy: 'S-1', ...data },
    now,
  });
  const awarded = {
    type: 'BonusAwarded' as const,
    data: {
      ...award().data, points: 3, department: 'north', position: 'tester',
      assessment: { rulebookVersion: 1, schemeVersion: 1, period: '2026-03', part: 'work', effect: 'bonus' as const, scheme: tester },
    },
  };

  it('awards the points the bonus rule fixes, in the period of the company time zone, where the employee works now', () => {
    spec.given([], context()).when(award()).then([awarded]);
  });

  it('appends nothing for the same award again, and refuses the id with other details', () => {
    spec.given([awarded], context()).when(award()).then([]);
    spec.given([awarded], context()).when({ ...award(), data: { ...award().data, reason: 'another' } }).thenThrows('bonus_already_awarded');
  });

  it('refuses an unregistered employee, a closed period, a date after now, a deduction rule', () => {
    spec.given([], unregistered).when(award()).thenThrows('employee_not_registered');
    spec.given([], context('tester', ['2026-03'])).when(award()).thenThrows('period_closed', { period: '2026-03' });
    spec.given([], context()).when(award({ occurredAt: '2026-08-01T00:00:00.001Z' })).thenThrows('occurred_in_future');
    spec.given([], context()).when(award({ ruleCode: 'FIX' })).thenThrows('rule_effect_mismatch');
  });

  it('takes an award dated exactly now', () => {
    expect(bonusDecider.decide(award({ occurredAt: now }), bonusDecider.initialState, context())).toHaveLength(1);
  });

  it('keeps the first fact of the stream', () => {
    const state = [awarded, { ...awarded, data: { ...awarded.data, points: 9 } }].reduce(bonusDecider.evolve, bonusDecider.initialState);
    expect(state.recorded).toBe(awarded);
  });
});

describe('recording the ratings of a rated employee', () => {
  const spec = deciderSpecification(ratingsDecider, refuseAssessment, refuseUnderRulebook);
  const ratings = { performance: { output: 80, quality: 90 }, conduct: { manner: 100 } };
  const record = (data: Partial<{ ratings: Record<string, Record<string, number>>; ratedAt: string; period: string }> = {}) => ({
    type: 'RecordRatings' as const,
    data: { ratingId: 'R-1', employeeId: 'E-1', period: '2026-H1', ratings, ratedAt: '2026-07-01T00:00:00+08:00', ratedBy: 'S-1', ...data },
    now,
  });
  const recorded = { type: 'RatingsRecorded' as const, data: { ...record().data, department: 'north', position: 'rater', assessment: { schemeVersion: 1, period: '2026-H1', scheme: rater } } };

  it('records every sub-criterion rated, with the scheme of the period', () => {
    spec.given([], context('rater')).when(record()).then([recorded]);
    spec.given([recorded], context('rater')).when(record()).then([]);
  });

  it('takes ratings of exactly 0 and exactly 100', () => {
    expect(ratingsDecider.decide(record({ ratings: { performance: { output: 0, quality: 100 }, conduct: { manner: 0 } } }), ratingsDecider.initialState, context('rater'))).toHaveLength(1);
  });

  it.each<[string, Record<string, Record<string, number>>, string, string]>([
    ['a sub-criterion left out', { performance: { output: 80 }, conduct: { manner: 100 } }, 'rating_missing', 'ratings.performance.quality'],
    ['a part left out', { performance: { output: 80, quality: 90 } }, 'rating_missing', 'ratings.conduct.manner'],
    ['a rating above 100', { ...ratings, conduct: { manner: 100.5 } }, 'rating_out_of_range', 'ratings.conduct.manner'],
    ['a negative rating', { ...ratings, conduct: { manner: -1 } }, 'rating_out_of_range', 'ratings.conduct.manner'],
    ['a rating that is no number', { ...ratings, conduct: { manner: '90' as unknown as number } }, 'rating_out_of_range', 'ratings.conduct.manner'],
    ['a criterion the scheme does not have', { ...ratings, conduct: { manner: 100, charm: 50 } }, 'rating_unknown_criterion', 'ratings.conduct.charm'],
    ['a part the scheme does not have', { ...ratings, luck: { dice: 50 } }, 'rating_unknown_criterion', 'ratings.luck.dice'],
  ])('refuses %s, naming it', (_what, given, code, path) => {
    spec.given([], context('rater')).when(record({ ratings: given })).thenThrows(code as RefusalCode<typeof refuseAssessment>, { path });
  });

  it('refuses a position that is not rated, a period of another length, a date after now, an unregistered employee', () => {
    spec.given([], context('tester')).when(record({ period: '2026-03' })).thenThrows('scheme_not_rated');
    spec.given([], context('rater')).when(record({ period: '2026-03' })).thenThrows('period_length_mismatch');
    spec.given([], context('rater')).when(record({ ratedAt: '2026-08-01T00:00:00.001Z' })).thenThrows('rated_in_future');
    spec.given([], { ...context('rater'), employee: { status: 'unknown' } }).when(record()).thenThrows('employee_not_registered');
    spec.given([], context('rater', ['2026-H1'])).when(record()).thenThrows('period_closed');
  });

  it('refuses the id used again with other ratings', () => {
    spec.given([recorded], context('rater')).when(record({ ratings: { ...ratings, conduct: { manner: 99 } } })).thenThrows('ratings_already_recorded');
  });
});

describe('recording a survey result against a target rule', () => {
  const spec = deciderSpecification(surveyDecider, refuseAssessment, refuseUnderRulebook);
  const survey = (data: Partial<{ satisfactionRate: number; ruleCode: string; surveyedAt: string; period: string }> = {}) => ({
    type: 'RecordSurveyResult' as const,
    data: { surveyId: 'SV-1', employeeId: 'E-1', period: '2026-03', ruleCode: 'SATISFACTION', satisfactionRate: 91, sampleSize: 40, surveyedAt: '2026-04-02T00:00:00+08:00', ...data },
    now,
  });

  it('costs half a point per percentage point below the 95% target, with the scheme governing the period', () => {
    const [event] = surveyDecider.decide(survey(), surveyDecider.initialState, context());
    expect(event.data).toEqual({
      ...survey().data, department: 'north', position: 'tester', target: 95, points: 2,
      assessment: { rulebookVersion: 1, schemeVersion: 1, period: '2026-03', part: 'work', effect: 'deduction', scheme: tester },
    });
  });

  it('costs nothing at or above the target', () => {
    expect(surveyDecider.decide(survey({ satisfactionRate: 95 }), surveyDecider.initialState, context())[0].data.points).toBe(0);
  });

  it('refuses a rule not in the version governing the period, a rule for another position, a rule without a target', () => {
    spec.given([], context()).when(survey({ ruleCode: 'NOPE' })).thenThrows('rule_unknown', { ruleCode: 'NOPE' });
    spec.given([], context()).when(survey({ ruleCode: 'RATE100' })).thenThrows('rule_has_no_target');
    const elsewhere = { ...testRulebook, rules: testRulebook.rules.map((r) => (r.code === 'SATISFACTION' ? { ...r, positions: ['rater'] } : r)) };
    spec.given([], { ...context(), rulebook: { ...context().rulebook, versions: [elsewhere] } }).when(survey()).thenThrows('rule_not_for_position', { ruleCode: 'SATISFACTION', position: 'tester' });
  });

  it('refuses a date after now and a closed period', () => {
    spec.given([], context()).when(survey({ surveyedAt: '2026-08-01T00:00:00.001Z' })).thenThrows('surveyed_in_future');
    spec.given([], context('tester', ['2026-03'])).when(survey()).thenThrows('period_closed');
  });

  it('appends nothing for the same result again, and refuses the id with another rate', () => {
    const [event] = surveyDecider.decide(survey(), surveyDecider.initialState, context());
    spec.given([event], context()).when(survey()).then([]);
    spec.given([event], context()).when(survey({ satisfactionRate: 80 })).thenThrows('survey_already_recorded');
  });
});
