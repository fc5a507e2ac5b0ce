import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../shared/domain/domain-error';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { ProjectorService } from '../../shared/projector/projector.service';
import { foldEmployeeRecord } from './employee-record.fold';
import { ReplayEmployeeRecordQuery } from './replay-employee-record.query';

/** Reads the record straight from the event store, never from a read model. */
@QueryHandler(ReplayEmployeeRecordQuery)
export class ReplayEmployeeRecordHandler implements IQueryHandler<ReplayEmployeeRecordQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projector: ProjectorService,
  ) {}

  async execute({ employeeId, asOf }: ReplayEmployeeRecordQuery) {
    const events = await this.store.readBySubject(`employee:${employeeId}`, { recordedUpTo: asOf });
    if (!events.some((e) => e.type === 'EmployeeRegistered')) throw new NotFoundError('employee', employeeId);
    return { asOf: asOf ?? null, ...foldEmployeeRecord(employeeId, events, this.projector.projection('scores'), this.projector.projection('period-scores')) };
  }
}
