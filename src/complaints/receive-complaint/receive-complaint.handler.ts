import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import { handleCommand } from '../../shared/command-handling/handle-command';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { EVENT_STORE, streamName } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { complaintDecider } from '../domain/complaint.decider';
import { ComplainantPrivacy } from '../privacy/complainant-privacy.service';
import { ReceiveComplaintCommand } from './receive-complaint.command';

@CommandHandler(ReceiveComplaintCommand)
export class ReceiveComplaintHandler implements ICommandHandler<ReceiveComplaintCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly privacy: ComplainantPrivacy,
  ) {}

  async execute({ data: received, metadata, expectedRevision }: ReceiveComplaintCommand): Promise<CommandResult> {
    const { subjectId, complainant, ...rest } = received;
    const data = { ...rest, complainant: await this.privacy.seal(subjectId, complainant) };
    return handleCommand(
      this.store,
      streamName('complaint', data.complaintId),
      complaintDecider,
      { type: 'ReceiveComplaint', data, now: this.clock.now().toISOString() },
      {
        metadata,
        expectedRevision,
        occurredAt: (event) => event.data.receivedAt,
        subjects: (event) => [`complaint:${event.data.complaintId}`, ...event.data.concernsEmployeeIds.map((id) => `employee:${id}`)],
      },
    );
  }
}
