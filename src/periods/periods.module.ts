import { Module } from '@nestjs/common';
import { ClosePeriodController } from './close-period/close-period.controller';
import { ClosePeriodHandler } from './close-period/close-period.handler';
import { OpenPeriodController } from './open-period/open-period.controller';
import { OpenPeriodHandler } from './open-period/open-period.handler';

@Module({
  controllers: [OpenPeriodController, ClosePeriodController],
  providers: [OpenPeriodHandler, ClosePeriodHandler],
})
export class PeriodsModule {}
