import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../shared/domain/domain-error';
import { EVENT_STORE, streamName } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import type { ComplaintReceived } from '../domain/complaint.events';
import { ComplainantPrivacy } from '../privacy/complainant-privacy.service';
import { GetComplaintQuery } from './get-complaint.query';

/** The complaint as received, straight from its stream. */
@QueryHandler(GetComplaintQuery)
export class GetComplaintHandler implements IQueryHandler<GetComplaintQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly privacy: ComplainantPrivacy,
  ) {}

  async execute({ complaintId, showComplainant }: GetComplaintQuery) {
    const [received] = await this.store.readStream(streamName('complaint', complaintId), { maxCount: 1 });
    if (!received) throw new NotFoundError('complaint', complaintId);
    const data = received.data as ComplaintReceived['data'];
    const revealed = (await this.privacy.revealFields(data, showComplainant)) as Record<string, unknown>;
    return { ...revealed, subjectId: data.complainant.subjectId, recordedAt: received.metadata.recordedAt };
  }
}
