import { Controller, Get, Query } from '@nestjs/common';
import { ReadModels } from '../../shared/projector/read-model-headers';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditTrailView } from './audit-trail.view';
import { IdParam } from '../../shared/http/id-param.pipe';
import { ProjectorService } from '../../shared/projector/projector.service';
import { GetAuditTrailDto } from './get-audit-trail.dto';
import { GetAuditTrailQuery } from './get-audit-trail.query';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { AccessPolicy } from '../../auth/access-policy.service';
import type { Principal } from '../../auth/domain/principal';

@ApiTags('audit trail')
@Controller('employees')
export class GetAuditTrailController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly projector: ProjectorService,
    private readonly access: AccessPolicy,
  ) {}

  @Get(':employeeId/audit-trail')
  @RequirePermissions('audit-trail:read')
  @ReadModels('employees', 'audit-trail')
  @ApiOperation({ summary: 'Every event concerning the employee, in order, with actor, business time and store time' })
  @ApiOkResponse({ type: AuditTrailView })
  async auditTrail(@IdParam('employeeId') employeeId: string, @Query() dto: GetAuditTrailDto, @CurrentPrincipal() principal: Principal) {
    await this.access.readEmployee(principal, 'audit-trail:read', employeeId);
    await this.projector.waitFor(dto.minPosition);
    return this.queryBus.execute(new GetAuditTrailQuery(employeeId, dto.afterPosition ?? 0, dto.limit ?? 100));
  }
}
