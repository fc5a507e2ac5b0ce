import type { ParkedConsequences } from '../../parked-consequences/ports/parked-consequences.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import type { HealthCheck, HealthCheckResult } from '../../shared/health/health.port';

interface RunnerState {
  readonly shouldRun: boolean;
  readonly status: { running: boolean; standby?: boolean; position: number; lastError?: string };
}

/**
 * `sagas`: failing when the runner should run and does not (a standby, whose peer holds the lease, is not failing); degraded while any consequence is
 * parked, or when the runner is more than `maxLag` positions behind the head.
 */
export function sagasHealthCheck(runner: RunnerState, store: EventStore, parked: ParkedConsequences, maxLag: number): HealthCheck {
  return {
    name: 'sagas',
    async check(): Promise<HealthCheckResult> {
      const [headPosition, parkedCount] = await Promise.all([store.headPosition(), parked.countParked()]);
      const { running, standby = false, position, lastError } = runner.status;
      const lag = Math.max(0, headPosition - position);
      const details = { position, headPosition, lag, parked: parkedCount, running, standby };
      const reasons: string[] = [];
      if (runner.shouldRun && !running && !standby) {
        return { name: 'sagas', status: 'failing', reason: `the saga runner is not running${lastError ? ` (last error: ${lastError})` : ''}; derived commands are not being made`, details };
      }
      if (parkedCount > 0) reasons.push(`${parkedCount} consequence${parkedCount === 1 ? '' : 's'} parked; see GET /parked-consequences`);
      if (runner.shouldRun && !standby && lag > maxLag) reasons.push(`the saga runner is ${lag} events behind the head (bound ${maxLag})`);
      return reasons.length ? { name: 'sagas', status: 'degraded', reason: reasons.join('; '), details } : { name: 'sagas', status: 'ok', details };
    },
  };
}
