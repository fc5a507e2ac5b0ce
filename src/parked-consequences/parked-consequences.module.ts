import { Global, Module } from '@nestjs/common';
import { CommandTypes } from './adapters/command-types';
import { ReadStoreParkedConsequences } from './adapters/read-store-parked-consequences';
import { DerivedCommandExecutor } from './derived-command-executor.service';
import { ParkedConsequencesController } from './http/parked-consequences.controller';
import { PARKED_CONSEQUENCES } from './ports/parked-consequences.port';
import { RetryParkedConsequence } from './retry-parked-consequence.service';

/** Derived commands that failed: retried, parked with their cause, listed and retried on demand. */
@Global()
@Module({
  controllers: [ParkedConsequencesController],
  providers: [{ provide: PARKED_CONSEQUENCES, useClass: ReadStoreParkedConsequences }, CommandTypes, DerivedCommandExecutor, RetryParkedConsequence],
  exports: [PARKED_CONSEQUENCES, DerivedCommandExecutor],
})
export class ParkedConsequencesModule {}
