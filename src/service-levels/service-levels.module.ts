import { Global, Module } from '@nestjs/common';
import { DeadlineWatcher } from './deadline-watcher/deadline-watcher.service';
import { DefineServiceLevelsController } from './define-service-levels/define-service-levels.controller';
import { DefineServiceLevelsHandler } from './define-service-levels/define-service-levels.handler';
import { SagaRunner } from './sagas/saga-runner.service';
import { ServiceLevelsService } from './service-levels.service';

/** Calendar and service levels, the deadline watcher and the sagas that turn breaches and verdicts into deductions. */
@Global()
@Module({
  controllers: [DefineServiceLevelsController],
  providers: [ServiceLevelsService, DefineServiceLevelsHandler, DeadlineWatcher, SagaRunner],
  exports: [ServiceLevelsService, DeadlineWatcher, SagaRunner],
})
export class ServiceLevelsModule {}
