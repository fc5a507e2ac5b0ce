import type { Decider } from '../../shared/domain/decider';
import { refuseAssessment } from './assessment.errors';
import { isSameFact } from '../../shared/domain/same-fact';
import type { EmployeeState } from '../../employees/domain/employee.decider';
import { assessApplication, shortfallPoints } from '../../rulebook/domain/assess-application';
import { schemeForPeriod } from '../../rulebook/domain/rule-in-force';
import type { RulebookVersion } from '../../rulebook/domain/rulebook.types';
import type { BonusAwarded, RatingsRecorded, SurveyResultRecorded } from './assessment.events';
import type { RefusalCode } from '../../shared/domain/error-catalogue';

export interface AssessmentDecisionContext {
  employee: EmployeeState;
  rulebook: { versions: readonly RulebookVersion[]; timeZone: string; closedPeriods: readonly string[] };
}

export interface AwardBonus {
  type: 'AwardBonus';
  data: { bonusId: string; employeeId: string; ruleCode: string; points?: number; units?: number; occurredAt: string; reason: string; awardedBy?: string };
  now: string;
}
export interface RecordRatings {
  type: 'RecordRatings';
  data: { ratingId: string; employeeId: string; period: string; ratings: Record<string, Record<string, number>>; ratedAt: string; ratedBy?: string };
  now: string;
}
export interface RecordSurveyResult {
  type: 'RecordSurveyResult';
  data: { surveyId: string; employeeId: string; period: string; ruleCode: string; satisfactionRate: number; sampleSize: number; surveyedAt: string };
  now: string;
}

/** A stream holding one fact: the first decides, the same again is a no-op, anything else a 422. */
type OneFact<E> = { recorded?: E };

function oneFactDecider<C extends { now: string }, E extends { type: string; data: object }>(
  build: (command: C, context: AssessmentDecisionContext) => E,
  conflictCode: RefusalCode<typeof refuseAssessment>,
): Decider<C, E, OneFact<E>, AssessmentDecisionContext> {
  return {
    initialState: {},
    evolve: (state, event) => (state.recorded ? state : { recorded: event }),
    decide(command, state, context) {
      if (context.employee.status !== 'registered') throw refuseAssessment('employee_not_registered', 'the employee is not registered');
      const event = build(command, context);
      if (state.recorded) {
        if (isSameFact(state.recorded.data, event.data)) return [];
        throw refuseAssessment(conflictCode, 'this id was already used with other details');
      }
      const period = (event.data as { assessment: { period: string } }).assessment.period;
      if (context.rulebook.closedPeriods.includes(period)) throw refuseAssessment('period_closed', `period ${period} is closed`, { period });
      return [event];
    },
  };
}

const registered = (context: AssessmentDecisionContext) => context.employee as Extract<EmployeeState, { status: 'registered' }>;

export const bonusDecider = oneFactDecider<AwardBonus, BonusAwarded>((command, context) => {
  const { department, position } = registered(context);
  const { data } = command;
  if (data.occurredAt > command.now) throw refuseAssessment('occurred_in_future', 'occurredAt lies in the future');
  const { versions, timeZone } = context.rulebook;
  const { points, assessment } = assessApplication(versions, position, { ruleCode: data.ruleCode, effect: 'bonus', points: data.points, units: data.units, occurredAt: data.occurredAt }, timeZone);
  return { type: 'BonusAwarded', data: { ...data, points, department, position, assessment } };
}, 'bonus_already_awarded');

export const ratingsDecider = oneFactDecider<RecordRatings, RatingsRecorded>((command, context) => {
  const { department, position } = registered(context);
  const { data } = command;
  if (data.ratedAt > command.now) throw refuseAssessment('rated_in_future', 'ratedAt lies in the future');
  const { scheme, schemeVersion } = schemeForPeriod(context.rulebook.versions, position, data.period, context.rulebook.timeZone);
  if (scheme.assessment !== 'rated') throw refuseAssessment('scheme_not_rated', `position ${position} is assessed by deductions, not rated`);
  for (const part of scheme.parts) {
    for (const sub of part.subCriteria ?? []) {
      const value = data.ratings[part.code]?.[sub.code];
      if (value === undefined) throw refuseAssessment('rating_missing', `no rating for ${part.code}.${sub.code}`, { path: `ratings.${part.code}.${sub.code}` });
      if (!(typeof value === 'number' && value >= 0 && value <= 100)) throw refuseAssessment('rating_out_of_range', `${part.code}.${sub.code} is a percent 0-100`, { path: `ratings.${part.code}.${sub.code}` });
    }
  }
  for (const [partCode, subs] of Object.entries(data.ratings)) {
    const part = scheme.parts.find((p) => p.code === partCode);
    for (const subCode of Object.keys(subs ?? {})) {
      if (!part?.subCriteria?.some((s) => s.code === subCode)) throw refuseAssessment('rating_unknown_criterion', `the scheme has no ${partCode}.${subCode}`, { path: `ratings.${partCode}.${subCode}` });
    }
  }
  return { type: 'RatingsRecorded', data: { ...data, department, position, assessment: { schemeVersion, period: data.period, scheme } } };
}, 'ratings_already_recorded');

export const surveyDecider = oneFactDecider<RecordSurveyResult, SurveyResultRecorded>((command, context) => {
  const { department, position } = registered(context);
  const { data } = command;
  if (data.surveyedAt > command.now) throw refuseAssessment('surveyed_in_future', 'surveyedAt lies in the future');
  const { versions, timeZone } = context.rulebook;
  const { scheme, schemeVersion } = schemeForPeriod(versions, position, data.period, timeZone);
  const version = versions.find((v) => v.version === schemeVersion)!;
  const rule = version.rules.find((r) => r.code === data.ruleCode);
  if (!rule) throw refuseAssessment('rule_unknown', `rule ${data.ruleCode} is not in rulebook version ${schemeVersion}, which governs ${data.period}`, { ruleCode: data.ruleCode });
  if (!rule.positions.includes(position)) throw refuseAssessment('rule_not_for_position', `rule ${data.ruleCode} does not apply to position ${position}`, { ruleCode: data.ruleCode, position });
  const { target, points } = shortfallPoints(rule, data.satisfactionRate);
  const assessment = { rulebookVersion: schemeVersion, schemeVersion, period: data.period, part: rule.part, effect: 'deduction' as const, scheme };
  return { type: 'SurveyResultRecorded', data: { ...data, department, position, target, points, assessment } };
}, 'survey_already_recorded');
