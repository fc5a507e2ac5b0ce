import { Injectable } from '@nestjs/common';
import { overallStatus } from './health.port';
import type { HealthCheck, HealthCheckResult, HealthReport } from './health.port';

/**
 * Where components register their health checks (in their constructor or `onModuleInit`).
 * A check that throws is reported as failing with its error, never hidden.
 */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();

  register(check: HealthCheck): void {
    this.checks.set(check.name, check);
  }

  async report(): Promise<HealthReport> {
    const results = await Promise.all([...this.checks.values()].map((c) => this.run(c)));
    results.sort((a, b) => a.name.localeCompare(b.name));
    return { status: overallStatus(results), checks: results };
  }

  private async run(check: HealthCheck): Promise<HealthCheckResult> {
    try {
      return await check.check();
    } catch (error) {
      return { name: check.name, status: 'failing', reason: `the health check threw: ${String(error)}` };
    }
  }
}
