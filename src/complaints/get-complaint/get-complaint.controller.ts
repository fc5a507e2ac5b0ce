import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { NotFoundError } from '../../shared/domain/domain-error';
import { EVENT_STORE, streamName } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { IdParam } from '../../shared/http/id-param.pipe';
import { grantsOf } from '../../auth/domain/permission-matrix';
import type { Principal } from '../../auth/domain/principal';
import type { ComplaintReceived } from '../domain/complaint.events';
import { ComplainantPrivacy } from '../privacy/complainant-privacy.service';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class GetComplaintController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly privacy: ComplainantPrivacy,
  ) {}

  @Get(':complaintId')
  @RequirePermissions('complaints:read')
  @ApiOperation({ summary: 'A complaint as received, read from the event store; the complainant is shown only to roles allowed to see it ([withheld], or [erased] after erasure)' })
  async complaint(@IdParam('complaintId') complaintId: string, @CurrentPrincipal() principal: Principal) {
    const [received] = await this.store.readStream(streamName('complaint', complaintId), { maxCount: 1 });
    if (!received) throw new NotFoundError('complaint', complaintId);
    const data = received.data as ComplaintReceived['data'];
    const maySee = grantsOf(principal.roles, 'complainants:read').length > 0;
    return { ...data, subjectId: data.complainant.subjectId, complainant: await this.privacy.reveal(data.complainant, maySee), recordedAt: received.metadata.recordedAt };
  }
}
