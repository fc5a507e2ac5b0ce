import { Body, Controller, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import { CommandResponse } from '../../shared/command-handling/command-response';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { ApiCommand } from '../../shared/http/api-command.decorator';
import { CommandMeta, IfMatchRevision } from '../../shared/http/command-metadata.decorator';
import { toInstant } from '../../shared/http/instant';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { ComplaintLifecycleCommand } from '../complaint-lifecycle.command';
import { ComplainantPrivacy } from '../privacy/complainant-privacy.service';
import { sealReceivedComplaint } from './seal-received-complaint';
import { ReceiveComplaintDto } from './receive-complaint.dto';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';

@ApiTags('complaints')
@Controller('complaints')
export class ReceiveComplaintController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly privacy: ComplainantPrivacy,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post()
  @RequirePermissions('complaints:receive')
  @ApiCommand('Record a complaint as received')
  async receive(@Body() dto: ReceiveComplaintDto, @CommandMeta() metadata: CommandMetadata, @IfMatchRevision() revision?: number): Promise<CommandResponse> {
    const { subjectId, ...complainant } = dto.complainant;
    const received = {
      ...dto,
      complainant: { ...complainant },
      subjectId: subjectId ?? dto.complaintId,
      receivedAt: toInstant(dto.receivedAt),
      concernsEmployeeIds: dto.concernsEmployeeIds ?? [],
    };
    const result = await this.commandBus.execute<ComplaintLifecycleCommand, CommandResult>(
      new ComplaintLifecycleCommand({ type: 'ReceiveComplaint', data: await sealReceivedComplaint(this.store, this.privacy, received) }, metadata, revision),
    );
    return CommandResponse.of(dto.complaintId, result);
  }
}
