import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EmployeeRecordView } from './employee-record.view';
import { IdParam } from '../../shared/http/id-param.pipe';
import { toInstant } from '../../shared/http/instant';
import { ReplayEmployeeRecordDto } from './replay-employee-record.dto';
import { ReplayEmployeeRecordQuery } from './replay-employee-record.query';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { AccessPolicy } from '../../auth/access-policy.service';
import type { Principal } from '../../auth/domain/principal';
import { grantsOf } from '../../auth/domain/permission-matrix';

@ApiTags('records')
@Controller('employees')
export class ReplayEmployeeRecordController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly access: AccessPolicy,
  ) {}

  @Get(':employeeId/record')
  @RequirePermissions('records:replay')
  @ApiOperation({ summary: "The employee's full record replayed straight from the event store, optionally as of a past instant" })
  @ApiOkResponse({ type: EmployeeRecordView })
  async record(@IdParam('employeeId') employeeId: string, @Query() dto: ReplayEmployeeRecordDto, @CurrentPrincipal() principal: Principal) {
    await this.access.readEmployee(principal, 'records:replay', employeeId);
    const showComplainants = grantsOf(principal.roles, 'complainants:read').length > 0;
    return this.queryBus.execute(new ReplayEmployeeRecordQuery(employeeId, dto.asOf ? toInstant(dto.asOf) : undefined, showComplainants));
  }
}
