import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../shared/config/app-config';
import type { AppConfig } from '../shared/config/app-config';
import { EVENT_STORE } from '../shared/event-store/event-store.port';
import type { EventStore } from '../shared/event-store/event-store.port';
import type { AssessmentContext, AssessmentContextSource } from '../rulebook/assessment-context.port';
import { DEFAULT_COMPANY } from '../rulebook/domain/rulebook.types';
import { loadRulebook } from '../rulebook/load-rulebook';
import { closedPeriods, loadPeriods } from './load-periods';

/** The rulebook's versions and the company's closed periods, read from their streams on every decision. */
@Injectable()
export class PeriodsAssessmentContext implements AssessmentContextSource {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async load(companyId = DEFAULT_COMPANY): Promise<AssessmentContext> {
    const [{ versions }, periods] = await Promise.all([loadRulebook(this.store, companyId), loadPeriods(this.store, companyId)]);
    return { versions, timeZone: this.config.timeZone, closedPeriods: closedPeriods(periods) };
  }
}
