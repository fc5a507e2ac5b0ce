import { Controller, Get, Query } from '@nestjs/common';
import { ReadModels } from '../../../shared/projector/read-model-headers';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { EmployeePeriodScoresDoc } from '../period-score.openapi';
import { IsOptional, Matches } from 'class-validator';
import { RequirePermissions } from '../../../shared/auth/permissions.decorator';
import { IdParam } from '../../../shared/http/id-param.pipe';
import { ReadQueryDto } from '../../../shared/http/read-query.dto';
import { ProjectorService } from '../../../shared/projector/projector.service';
import { PERIOD_PATTERN } from '../../domain/calendar/period';
import { GetEmployeePeriodScoresQuery } from './get-employee-period-scores.query';
import { CurrentPrincipal } from '../../../shared/auth/request-principal';
import { AccessPolicy } from '../../../auth/access-policy.service';
import type { Principal } from '../../../auth/domain/principal';

export class GetEmployeePeriodScoresDto extends ReadQueryDto {
  @ApiPropertyOptional({ example: '2026-H1' })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: 'period must be written YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY' })
  period?: string;
}

@ApiTags('period-scores')
@Controller('employees')
export class GetEmployeePeriodScoresController {
  constructor(
    private readonly access: AccessPolicy,
    private readonly queryBus: QueryBus,
    private readonly projector: ProjectorService,
  ) {}

  @Get(':employeeId/period-scores')
  @RequirePermissions('scores:read')
  @ReadModels('period-scores')
  @ApiOperation({ summary: "An employee's assessment periods under the rulebook: parts, total, normalised total, grade, appeals, sealed figure and corrections" })
  @ApiOkResponse({ type: EmployeePeriodScoresDoc })
  async scores(@IdParam('employeeId') employeeId: string, @Query() dto: GetEmployeePeriodScoresDto, @CurrentPrincipal() principal: Principal) {
    await this.access.readEmployee(principal, 'scores:read', employeeId);
    await this.projector.waitFor(dto.minPosition);
    return this.queryBus.execute(new GetEmployeePeriodScoresQuery(employeeId, dto.period));
  }
}
