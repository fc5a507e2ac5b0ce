import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { loadEmployee } from '../../employees/load-employee';
import { DomainError } from '../../shared/domain/domain-error';
import { ServiceLevelsService } from '../../service-levels/service-levels.service';
import { handleComplaintCommand } from '../complaint-command.handler';
import { ComplainantPrivacy } from '../privacy/complainant-privacy.service';
import { ReceiveComplaintCommand } from './receive-complaint.command';

/** Seals the complainant's personal data, then records the complaint and starts its clock. */
@CommandHandler(ReceiveComplaintCommand)
export class ReceiveComplaintHandler implements ICommandHandler<ReceiveComplaintCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(CLOCK) readonly clock: Clock,
    readonly serviceLevels: ServiceLevelsService,
    private readonly privacy: ComplainantPrivacy,
  ) {}

  async execute({ data: received, metadata, expectedRevision }: ReceiveComplaintCommand): Promise<CommandResult> {
    await this.refuseUnregistered(received.concernsEmployeeIds ?? []);
    const { subjectId, complainant, ...rest } = received;
    const { location, description, ...plain } = rest;
    // the description and location often name or place the complainant: sealed under their key
    const data = {
      ...plain,
      complainant: await this.privacy.seal(subjectId, complainant),
      ...(location !== undefined ? { location: await this.privacy.sealText(subjectId, location) } : {}),
      description: await this.privacy.sealText(subjectId, description),
    };
    return handleComplaintCommand(this, { type: 'ReceiveComplaint', data }, metadata, expectedRevision);
  }

  /** A complaint concerns staff the ledger knows: an unknown id is a typo that no verdict could reach. */
  private async refuseUnregistered(employeeIds: readonly string[]): Promise<void> {
    for (const [index, employeeId] of employeeIds.entries()) {
      if ((await loadEmployee(this.store, employeeId)).status !== 'registered') {
        throw new DomainError('employee_not_registered', `employee ${employeeId} is not registered`, { path: `concernsEmployeeIds[${index}]`, employeeId });
      }
    }
  }
}
