import type { RulebookVersion } from './domain/rulebook.types';

/** What a decision scored under the rulebook needs: its versions, the company's time zone, the periods already closed. */
export interface AssessmentContext {
  versions: readonly RulebookVersion[];
  timeZone: string;
  closedPeriods: readonly string[];
}

/**
 * Where deductions, bonuses, ratings and surveys read that context. The periods feature provides
 * it (it knows which periods are closed, and it depends on deductions and assessments to seal them),
 * so the deciders that need closed periods do not depend on periods back.
 */
export interface AssessmentContextSource {
  load(): Promise<AssessmentContext>;
}

export const ASSESSMENT_CONTEXT = Symbol('ASSESSMENT_CONTEXT');
