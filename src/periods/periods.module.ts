import { Module } from '@nestjs/common';
import { ClosePeriodController } from './close-period/close-period.controller';
import { OpenPeriodController } from './open-period/open-period.controller';
import { PeriodLifecycleHandler } from './period-lifecycle.handler';

@Module({
  controllers: [OpenPeriodController, ClosePeriodController],
  providers: [PeriodLifecycleHandler],
})
export class PeriodsModule {}
