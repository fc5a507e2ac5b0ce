import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CLOCK } from '../shared/clock';
import type { Clock } from '../shared/clock';
import { NotFoundError } from '../shared/domain/domain-error';
import { refuseParkedRetry } from './domain/parked-consequence.errors';
import { CommandTypes } from './adapters/command-types';
import { classifyError, resolveConsequence, retryFailed } from './domain/parked-consequence';
import type { ParkedConsequence } from './domain/parked-consequence';
import { PARKED_CONSEQUENCES } from './ports/parked-consequences.port';
import type { ParkedConsequences } from './ports/parked-consequences.port';

/**
 * Re-executes a parked command once, as it was derived (same ids, same metadata), so it appends
 * at most once however often it is retried. Success resolves it; failure keeps it parked with the
 * new error and answers 422 `consequence_still_failing` naming that error.
 */
@Injectable()
export class RetryParkedConsequence {
  constructor(
    @Inject(PARKED_CONSEQUENCES) private readonly parked: ParkedConsequences,
    private readonly commandBus: CommandBus,
    private readonly commandTypes: CommandTypes,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async retry(id: string, by: string): Promise<ParkedConsequence> {
    const consequence = await this.parked.get(id);
    if (!consequence) throw new NotFoundError('parked consequence', id);
    if (consequence.status === 'resolved') return consequence;
    try {
      await this.commandBus.execute(this.commandTypes.rebuild(consequence.command));
    } catch (thrown) {
      const error = classifyError(thrown);
      await this.parked.save(retryFailed(consequence, error));
      throw refuseParkedRetry('consequence_still_failing', `the parked command still fails: ${error.code}: ${error.message}`, { error: { code: error.code, message: error.message } });
    }
    const resolved = resolveConsequence(consequence, this.clock.now().toISOString(), by);
    await this.parked.save(resolved);
    return resolved;
  }
}
