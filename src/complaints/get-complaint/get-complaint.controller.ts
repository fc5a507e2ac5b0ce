import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ComplaintDoc } from './complaint.openapi';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { IdParam } from '../../shared/http/id-param.pipe';
import { grantsOf } from '../../auth/domain/permission-matrix';
import type { Principal } from '../../auth/domain/principal';
import { GetComplaintQuery } from './get-complaint.query';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class GetComplaintController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':complaintId')
  @RequirePermissions('complaints:read')
  @ApiOperation({ summary: 'A complaint as received, read from the event store; the complainant only for roles allowed to see it ([withheld]; [erased] after erasure)' })
  @ApiOkResponse({ type: ComplaintDoc })
  complaint(@IdParam('complaintId') complaintId: string, @CurrentPrincipal() principal: Principal) {
    const showComplainant = grantsOf(principal.roles, 'complainants:read').length > 0;
    return this.queryBus.execute(new GetComplaintQuery(complaintId, showComplainant));
  }
}
