import type { DomainEvent } from '../../shared/domain/decider';
import { eventTypeList } from '../../shared/domain/decider';
import type { Assessment } from '../../rulebook/domain/assess-application';
import type { Scheme } from '../../rulebook/domain/rulebook.types';

/** A bonus under a rule of the catalogue (001:15 +5 per special service sold). */
export type BonusAwarded = DomainEvent<
  'BonusAwarded',
  {
    bonusId: string;
    employeeId: string;
    department: string;
    position: string;
    ruleCode: string;
    points: number;
    units?: number;
    occurredAt: string;
    reason: string;
    awardedBy?: string;
    assessment: Assessment;
  }
>;

/** One assessor's (or the panel's) ratings of a rated scheme's sub-criteria for a period (000:76-96). */
export type RatingsRecorded = DomainEvent<
  'RatingsRecorded',
  {
    ratingId: string;
    employeeId: string;
    department: string;
    position: string;
    period: string;
    /** part → sub-criterion → percent 0-100 */
    ratings: Record<string, Record<string, number>>;
    ratedAt: string;
    ratedBy?: string;
    assessment: { schemeVersion: number; period: string; scheme: Scheme };
  }
>;

/** A satisfaction survey's result; the rule turns the shortfall below its target into points (004:150). */
export type SurveyResultRecorded = DomainEvent<
  'SurveyResultRecorded',
  {
    surveyId: string;
    employeeId: string;
    department: string;
    position: string;
    period: string;
    ruleCode: string;
    satisfactionRate: number;
    sampleSize: number;
    target: number;
    points: number;
    surveyedAt: string;
    assessment: Assessment;
  }
>;

export type AssessmentEvent = BonusAwarded | RatingsRecorded | SurveyResultRecorded;
export const assessmentEventTypes = eventTypeList<AssessmentEvent['type']>()(['BonusAwarded', 'RatingsRecorded', 'SurveyResultRecorded']);
