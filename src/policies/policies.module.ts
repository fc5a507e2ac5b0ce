import { Module } from '@nestjs/common';
import { DeadlineWatcher } from './deadline-watcher/deadline-watcher.service';
import { SagaRunner } from './sagas/saga-runner.service';

/**
 * Policies: what the service does on its own after a fact or at a deadline. The sagas turn
 * breaches, verdicts and deductions into commands; the deadline watcher records the breaches that
 * time alone causes. Both issue commands through the bus, so they depend on every feature they
 * command and no feature depends on them.
 */
@Module({
  providers: [DeadlineWatcher, SagaRunner],
  exports: [DeadlineWatcher, SagaRunner],
})
export class PoliciesModule {}
