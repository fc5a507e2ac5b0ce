import { Global, Module } from '@nestjs/common';
import { DefineServiceLevelsController } from './define-service-levels/define-service-levels.controller';
import { DefineServiceLevelsHandler } from './define-service-levels/define-service-levels.handler';
import { ServiceLevelsService } from './service-levels.service';

/** The working calendar and the service-level policies: the time targets of tickets, complaints and talks. */
@Global()
@Module({
  controllers: [DefineServiceLevelsController],
  providers: [ServiceLevelsService, DefineServiceLevelsHandler],
  exports: [ServiceLevelsService],
})
export class ServiceLevelsModule {}
