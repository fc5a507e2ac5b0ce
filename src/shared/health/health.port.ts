/**
 * One shape for the service's health, shared by every component that can be behind, stuck or
 * broken (event store, projections, saga runner, parked consequences, writer lock, disk). Each
 * component registers a check with the `HealthRegistry`; `/health` (readiness) and `/metrics`
 * read the same results, so an operator sees one truth.
 *
 * - `ok`: nothing to report.
 * - `degraded`: the service answers but something needs an operator (a parked command or event,
 *   a projection behind by more than its bound). Readiness still answers 200, with the reason.
 * - `failing`: the service cannot keep its promises (the store cannot write, a file failed its
 *   integrity check). Readiness answers 503.
 */
export type HealthStatus = 'ok' | 'degraded' | 'failing';

export interface HealthCheckResult {
  /** Stable name of the component, e.g. `event-store`, `projection:scores`, `sagas`, `parked-consequences`. */
  name: string;
  status: HealthStatus;
  /** Why it is not ok, in words an operator acts on (names the projection, the position, the file). */
  reason?: string;
  /** Numbers an operator or `/metrics` reads: `position`, `lag`, `parked`, `headPosition`… */
  details?: Record<string, number | string | boolean | null>;
}

export interface HealthCheck {
  readonly name: string;
  check(): Promise<HealthCheckResult> | HealthCheckResult;
}

export interface HealthReport {
  status: HealthStatus;
  checks: HealthCheckResult[];
}

const rank: Record<HealthStatus, number> = { ok: 0, degraded: 1, failing: 2 };

/** The worst status of the checks: one failing check fails the whole service. */
export function overallStatus(checks: readonly HealthCheckResult[]): HealthStatus {
  return checks.reduce<HealthStatus>((worst, c) => (rank[c.status] > rank[worst] ? c.status : worst), 'ok');
}
