import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { HealthRegistry } from '../health/health-registry';
import type { HealthStatus } from '../health/health.port';

const STATUS_VALUE: Record<HealthStatus, number> = { ok: 0, degraded: 1, failing: 2 };

/**
 * The service's Prometheus metrics, in a registry of its own (one per application instance, so
 * tests that start several apps do not share series). Lag, parked items and statuses are read
 * from the HealthRegistry at scrape time: /metrics and /health tell the same truth.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: 'ledger_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly httpSeconds = new Histogram({
    name: 'ledger_http_request_duration_seconds',
    help: 'HTTP request latency, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly appendSeconds = new Histogram({
    name: 'ledger_event_store_append_seconds',
    help: 'Event store append latency, by outcome (ok, rejected, disk_full, store_unavailable)',
    labelNames: ['outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly deadlineWatcherTickSeconds = new Histogram({
    name: 'ledger_deadline_watcher_tick_seconds',
    help: "One deadline watcher pass: the overdue model caught up, the page of passed deadlines read, each breach recorded",
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly deadlineBreaches = new Counter({
    name: 'ledger_deadline_watcher_breaches_total',
    help: 'Breaches the deadline watcher recorded (a breach another instance recorded first is not counted)',
    registers: [this.registry],
  });
  private headSource: (() => Promise<number>) | undefined;

  constructor(private readonly health: HealthRegistry) {
    collectDefaultMetrics({ register: this.registry, prefix: 'ledger_' });
    const metrics = this;
    const status = new Gauge({ name: 'ledger_health_status', help: 'Health of each registered check: 0 ok, 1 degraded, 2 failing', labelNames: ['component'] as const, registers: [this.registry] });
    const lag = new Gauge({ name: 'ledger_lag_events', help: 'Events a component is behind the head (from its health check details.lag)', labelNames: ['component'] as const, registers: [this.registry] });
    const parked = new Gauge({ name: 'ledger_parked', help: 'Items a component has parked for an operator (from its health check details.parked)', labelNames: ['component'] as const, registers: [this.registry] });
    const position = new Gauge({ name: 'ledger_component_position', help: 'Last position a component has handled (from its health check details.position)', labelNames: ['component'] as const, registers: [this.registry] });
    new Gauge({
      name: 'ledger_event_store_head_position',
      help: 'Global position of the newest stored event',
      registers: [this.registry],
      async collect() {
        if (metrics.headSource) this.set(await metrics.headSource());
      },
    });
    this.gauges = { status, lag, parked, position };
  }

  private readonly gauges: Record<'status' | 'lag' | 'parked' | 'position', Gauge<'component'>>;

  /** The Prometheus text exposition, with the health-derived gauges refreshed first. */
  async scrape(): Promise<string> {
    const report = await this.health.report();
    const { status, lag, parked, position } = this.gauges;
    for (const gauge of [status, lag, parked, position]) gauge.reset();
    for (const check of report.checks) {
      const component = check.name;
      status.set({ component }, STATUS_VALUE[check.status]);
      const d = check.details ?? {};
      if (typeof d.lag === 'number') lag.set({ component }, d.lag);
      if (typeof d.parked === 'number') parked.set({ component }, d.parked);
      if (typeof d.position === 'number') position.set({ component }, d.position);
    }
    return this.registry.metrics();
  }

  /** Where the head-position gauge reads from (the event store). */
  readHeadFrom(source: () => Promise<number>): void {
    this.headSource = source;
  }
}
