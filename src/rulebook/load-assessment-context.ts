import type { EventStore } from '../shared/event-store/event-store.port';
import { closedPeriods, loadPeriods } from '../periods/load-periods';
import { DEFAULT_COMPANY } from './domain/rulebook.types';
import type { RulebookVersion } from './domain/rulebook.types';
import { loadRulebook } from './load-rulebook';

export interface AssessmentContext {
  versions: readonly RulebookVersion[];
  timeZone: string;
  closedPeriods: readonly string[];
}

/** What a decision scored under the rulebook needs: its versions, the time zone, the closed periods. */
export async function loadAssessmentContext(store: EventStore, timeZone: string, companyId = DEFAULT_COMPANY): Promise<AssessmentContext> {
  const [{ versions }, periods] = await Promise.all([loadRulebook(store, companyId), loadPeriods(store, companyId)]);
  return { versions, timeZone, closedPeriods: closedPeriods(periods) };
}
