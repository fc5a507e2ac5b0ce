import type { HealthCheckResult } from '../health/health.port';

export const DEFAULT_MAX_PROJECTION_LAG = 1000;

export interface ProjectionState {
  name: string;
  position: number;
  parked: readonly number[];
}

/**
 * The health of one read model: `failing` when the projector should run and does not, `degraded`
 * while an event is parked for it or while it is more than `maxLag` events behind the head.
 * Detail keys (position, headPosition, lag, parked) are read by /metrics: keep them.
 */
export function projectionHealth(
  state: ProjectionState,
  headPosition: number,
  options: { running: boolean; shouldRun: boolean; maxLag: number },
): HealthCheckResult {
  const name = `projection:${state.name}`;
  const lag = Math.max(0, headPosition - state.position);
  const details = { position: state.position, headPosition, lag, parked: state.parked.length };
  if (options.shouldRun && !options.running) {
    return { name, status: 'failing', reason: `projector is not running: ${state.name} is not projecting`, details };
  }
  const reasons: string[] = [];
  if (state.parked.length > 0) {
    const shown = state.parked.slice(0, 10).join(', ') + (state.parked.length > 10 ? ', …' : '');
    reasons.push(`${state.parked.length} event(s) parked for projection ${state.name} at position(s) ${shown}`);
  }
  if (options.running && lag > options.maxLag) {
    reasons.push(`projection ${state.name} is ${lag} events behind the head (bound ${options.maxLag})`);
  }
  if (reasons.length > 0) return { name, status: 'degraded', reason: reasons.join('; '), details };
  return { name, status: 'ok', details };
}
