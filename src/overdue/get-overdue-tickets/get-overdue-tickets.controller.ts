import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ReadModels } from '../../shared/projector/read-model-headers';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OverdueView } from './overdue.view';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import { toInstant } from '../../shared/http/instant';
import { ProjectorService } from '../../shared/projector/projector.service';
import { GetOverdueTicketsDto } from './get-overdue-tickets.dto';
import { GetOverdueTicketsQuery } from './get-overdue-tickets.query';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { AccessPolicy } from '../../auth/access-policy.service';
import type { Principal } from '../../auth/domain/principal';

@ApiTags('overdue')
@Controller('overdue')
export class GetOverdueTicketsController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly projector: ProjectorService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: AccessPolicy,
  ) {}

  @Get()
  @RequirePermissions('overdue:read')
  @ReadModels('overdue')
  @ApiOperation({ summary: 'Service clocks (acknowledgement, arrival, resolution, complaint handling, callback, talk) overdue or due soon as of a given time (default now), with aging buckets' })
  @ApiOkResponse({ type: OverdueView })
  async overdue(@Query() dto: GetOverdueTicketsDto, @CurrentPrincipal() principal: Principal) {
    this.access.readDepartment(principal, 'overdue:read', dto.department);
    await this.projector.waitFor(dto.minPosition);
    const asOf = dto.asOf ? toInstant(dto.asOf) : this.clock.now().toISOString();
    const filter = { department: dto.department, assigneeId: dto.assigneeId, clock: dto.clock };
    return this.queryBus.execute(new GetOverdueTicketsQuery(asOf, filter, dto.limit ?? 100, dto.offset ?? 0, dto.dueWithinMinutes, dto.sort));
  }
}
