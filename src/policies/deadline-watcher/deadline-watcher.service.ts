import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { ICommand } from '@nestjs/cqrs';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import { APP_CONFIG } from '../../shared/config/app-config';
import type { AppConfig } from '../../shared/config/app-config';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { ProjectorService } from '../../shared/projector/projector.service';
import { ProjectionTimeoutError } from '../../shared/projector/projector';
import { MetricsService } from '../../shared/observability/metrics.service';
import { LeaseService } from '../../shared/lease/lease.service';
import { overdueReadModel, STILL_RUNNING } from '../../../projections/overdue.projection';
import type { ServiceClockDocument } from '../../../projections/overdue.projection';
import { ComplaintLifecycleCommand } from '../../complaints/complaint-lifecycle.command';
import { DeductionLifecycleCommand } from '../../deductions/deduction-lifecycle.command';
import { TalkObligationLifecycleCommand } from '../../talks/talk-obligation/talk-obligation.command';
import { TicketLifecycleCommand } from '../../tickets/ticket-lifecycle.command';

const BATCH = 200;

/**
 * Appends a breach for every running clock whose deadline has passed. It reads the pending
 * deadlines from the overdue read model (built from the event store, checkpointed) after letting
 * it catch up with the store, and asks the clock's own decider to record the breach. Exactly once,
 * across restarts and instances: the decider refuses a second breach of a deadline, and the
 * breach's event id derives from the clock and its deadline, so a racing instance's append of the
 * same breach is a no-op retry in the store.
 */
@Injectable()
export class DeadlineWatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DeadlineWatcher');
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly projector: ProjectorService,
    private readonly commandBus: CommandBus,
    private readonly lease: LeaseService,
    private readonly metrics: MetricsService,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.deadlineWatchIntervalMs;
    if (!this.config.runProjections || every <= 0) return;
    // it runs where the projector runs (it reads the overdue read model right after catching it up)
    const tickIfLeader = () => (this.lease.holds('projector') ? this.tick() : Promise.resolve(0));
    // a failed pass is logged once, by the pass (intervals that find it running share its outcome)
    this.timer = setInterval(() => void tickIfLeader().catch(() => undefined), every);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass: records the breach of every deadline passed by now. Returns how many it recorded. */
  tick(): Promise<number> {
    this.running ??= this.timedPass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async timedPass(): Promise<number> {
    const end = this.metrics.deadlineWatcherTickSeconds.startTimer();
    try {
      const recorded = await this.pass();
      this.metrics.deadlineBreaches.inc(recorded);
      return recorded;
    } catch (error) {
      // read models still catching up (after a start, behind a burst) postpone the pass: the next one sees them
      if (error instanceof ProjectionTimeoutError) this.logger.warn(`pass postponed: ${error.message}; the next pass looks again`);
      else this.logger.error(`pass failed: ${String(error)}`);
      throw error;
    } finally {
      end();
    }
  }

  private async pass(): Promise<number> {
    await this.projector.waitFor(await this.store.headPosition());
    const now = this.clock.now().toISOString();
    const due = await this.projector.readModel(overdueReadModel).find(
      { stoppedAt: STILL_RUNNING, breached: false, dueAt: { $lt: now } },
      { sort: { dueAt: 1 }, limit: BATCH },
    );
    let recorded = 0;
    for (const clock of due) {
      try {
        const result = await this.commandBus.execute<ICommand, { appended: number }>(breachCommand(clock));
        recorded += result.appended > 0 ? 1 : 0;
      } catch (error) {
        this.logger.warn(`could not record the breach of ${clock._id}: ${String(error)}`);
      }
    }
    return recorded;
  }
}

function breachCommand(clock: ServiceClockDocument): ICommand {
  const key = `deadline:${clock._id}:${clock.dueAt}`;
  const metadata: CommandMetadata = { actor: 'system:deadline-watcher', correlationId: key, causationId: key, idempotencyKey: key };
  switch (clock.subject) {
    case 'ticket':
      return new TicketLifecycleCommand({ type: 'RecordTicketBreach', data: { ticketId: clock.subjectId, milestone: clock.clock as 'resolution' } }, metadata);
    case 'complaint':
      return new ComplaintLifecycleCommand({ type: 'RecordComplaintBreach', data: { complaintId: clock.subjectId, milestone: clock.clock as 'handling' } }, metadata);
    case 'talkObligation':
      return new TalkObligationLifecycleCommand({ type: 'RecordTalkBreach', data: { obligationId: clock.subjectId } }, metadata);
    case 'deduction':
      return new DeductionLifecycleCommand({ type: 'RecordHearingBreach', data: { deductionId: clock.subjectId } }, metadata);
  }
}
