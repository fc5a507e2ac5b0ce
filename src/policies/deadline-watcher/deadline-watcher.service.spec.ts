import { Logger } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import type { AppConfig } from '../../shared/config/app-config';
import type { EventStore } from '../../shared/event-store/event-store.port';
import type { LeaseService } from '../../shared/lease/lease.service';
import { HealthRegistry } from '../../shared/health/health-registry';
import { MetricsService } from '../../shared/observability/metrics.service';
import { ProjectionTimeoutError } from '../../shared/projector/projector';
import type { ProjectorService } from '../../shared/projector/projector.service';
import { DeadlineWatcher } from './deadline-watcher.service';

describe('DeadlineWatcher: a pass that cannot run', () => {
  afterEach(() => jest.restoreAllMocks());

  function watcherWhose(waitFor: () => Promise<void>) {
    const store = { headPosition: async () => 10 } as unknown as EventStore;
    const projector = { waitFor } as unknown as ProjectorService;
    const config = { deadlineWatchIntervalMs: 0, runProjections: true } as AppConfig;
    const lease = { holds: () => true } as unknown as LeaseService;
    return new DeadlineWatcher(store, { now: () => new Date('2026-03-10T00:00:00Z') }, config, projector, {} as CommandBus, lease, new MetricsService(new HealthRegistry()));
  }

  it('is postponed with one warning while the read models catch up, however many callers share the pass', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    let behind!: (reason: unknown) => void;
    const watcher = watcherWhose(() => new Promise((_, reject) => (behind = reject)));

    const passes = [watcher.tick(), watcher.tick(), watcher.tick()];
    await Promise.resolve();
    behind(new ProjectionTimeoutError(10, 4, 5000));

    for (const pass of passes) await expect(pass).rejects.toBeInstanceOf(ProjectionTimeoutError);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/pass postponed: read models did not reach position 10 within 5000 ms \(they are at 4\)/);
    expect(error).not.toHaveBeenCalled();
  });

  it('logs any other failure as an error, once', async () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const watcher = watcherWhose(async () => {
      throw new Error('disk I/O error');
    });

    await expect(Promise.all([watcher.tick(), watcher.tick()])).rejects.toThrow('disk I/O error');
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0][0]).toMatch(/pass failed: Error: disk I\/O error/);
  });
});
