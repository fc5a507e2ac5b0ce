import { Controller, Get, Query } from '@nestjs/common';
import { ReadModels } from '../../../shared/projector/read-model-headers';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { DepartmentSummariesDoc } from '../period-score.openapi';
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { RequirePermissions } from '../../../shared/auth/permissions.decorator';
import { ReadQueryDto } from '../../../shared/http/read-query.dto';
import { ProjectorService } from '../../../shared/projector/projector.service';
import { PERIOD_PATTERN } from '../../domain/calendar/period';
import { GetDepartmentSummariesQuery } from './get-department-summaries.query';
import { CurrentPrincipal } from '../../../shared/auth/request-principal';
import { AccessPolicy } from '../../../auth/access-policy.service';
import type { Principal } from '../../../auth/domain/principal';

export class GetDepartmentSummariesDto extends ReadQueryDto {
  @ApiProperty({ example: '2026-H1' })
  @Matches(PERIOD_PATTERN, { message: 'period must be written YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY' })
  period!: string;
  @ApiPropertyOptional({ default: 85, description: 'Department threshold (004:182: 85)' }) @IsOptional() @Type(() => Number) @IsNumber() @Min(0) @Max(100) threshold?: number;
}

@ApiTags('period-scores')
@Controller('period-scores')
export class GetDepartmentSummariesController {
  constructor(
    private readonly access: AccessPolicy,
    private readonly queryBus: QueryBus,
    private readonly projector: ProjectorService,
  ) {}

  @Get('departments')
  @RequirePermissions('rankings:read')
  @ReadModels('period-scores')
  @ApiOperation({ summary: 'Department summaries of a period: average, grade distribution, below-threshold staff' })
  @ApiOkResponse({ type: DepartmentSummariesDoc })
  async summaries(@Query() dto: GetDepartmentSummariesDto, @CurrentPrincipal() principal: Principal) {
    this.access.readDepartment(principal, 'rankings:read', undefined);
    await this.projector.waitFor(dto.minPosition);
    return this.queryBus.execute(new GetDepartmentSummariesQuery(dto.period, dto.threshold ?? 85));
  }
}
