import { PeriodSubjectsUpgrade } from './close-period/period-subjects.upgrade';
import { Global, Module } from '@nestjs/common';
import { IntegrityModule } from '../integrity/integrity.module';
import { ASSESSMENT_CONTEXT } from '../rulebook/assessment-context.port';
import { PeriodsAssessmentContext } from './assessment-context.source';
import { ClosePeriodController } from './close-period/close-period.controller';
import { ListPeriodsController } from './list-periods/list-periods.controller';
import { OpenPeriodController } from './open-period/open-period.controller';
import { PeriodLifecycleHandler } from './period-lifecycle.handler';

/** Assessment periods: opened, closed and sealed; and the closed periods every scored decision checks (global, so deciders need not import periods). */
@Global()
@Module({
  imports: [IntegrityModule],
  controllers: [OpenPeriodController, ClosePeriodController, ListPeriodsController],
  providers: [PeriodLifecycleHandler, PeriodSubjectsUpgrade, { provide: ASSESSMENT_CONTEXT, useClass: PeriodsAssessmentContext }],
  exports: [ASSESSMENT_CONTEXT],
})
export class PeriodsModule {}
