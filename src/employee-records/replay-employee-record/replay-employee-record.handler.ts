import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../shared/domain/domain-error';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { ProjectorService } from '../../shared/projector/projector.service';
import { ComplainantPrivacy } from '../../complaints/privacy/complainant-privacy.service';
import { foldEmployeeRecord } from './employee-record.fold';
import type { ReplayedEvent } from './employee-record.fold';
import { ReplayEmployeeRecordQuery } from './replay-employee-record.query';
import { employeeSubject } from '../../shared/domain/subjects';

/** Reads the record straight from the event store, never from a read model. */
@QueryHandler(ReplayEmployeeRecordQuery)
export class ReplayEmployeeRecordHandler implements IQueryHandler<ReplayEmployeeRecordQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projector: ProjectorService,
    private readonly privacy: ComplainantPrivacy,
  ) {}

  async execute({ employeeId, asOf, showComplainants }: ReplayEmployeeRecordQuery) {
    const events = await this.store.readBySubject(employeeSubject(employeeId), { recordedUpTo: asOf });
    if (!events.some((e) => e.type === 'EmployeeRegistered')) throw new NotFoundError('employee', employeeId);
    const record = foldEmployeeRecord(employeeId, events, this.projector.projection('scores'), this.projector.projection('period-scores'));
    // only the few events that hold personal data wait for a key: a 10,000-event record is not 10,000 awaits
    const revealed = await Promise.all(record.events.map((event) => (this.privacy.holdsPersonalData(event.data) ? this.reveal(event, showComplainants) : event)));
    return { asOf: asOf ?? null, ...record, events: revealed };
  }

  /** The complainant and sealed free text (a complaint's description, a ticket's sign-off) revealed or withheld. */
  private async reveal(event: ReplayedEvent, showComplainants: boolean): Promise<ReplayedEvent> {
    return { ...event, data: await this.privacy.revealFields(event.data, showComplainants) } as ReplayedEvent;
  }
}
