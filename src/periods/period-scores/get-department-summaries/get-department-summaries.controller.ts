import { Controller, Get, Inject, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { ReadModels } from '../../../shared/projector/read-model-headers';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { DepartmentSummariesDoc } from '../period-score.openapi';
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { RequirePermissions } from '../../../shared/auth/permissions.decorator';
import { ReadQueryDto } from '../../../shared/http/read-query.dto';
import { ProjectorService } from '../../../shared/projector/projector.service';
import { PERIOD_PATTERN } from '../../domain/calendar/period';
import { GetDepartmentSummariesQuery } from './get-department-summaries.query';
import { ListPeriodScoresQuery } from '../list-period-scores/list-period-scores.query';
import { renderBulletin } from './period-bulletin.pdf';
import { CLOCK } from '../../../shared/clock';
import type { Clock } from '../../../shared/clock';
import { APP_CONFIG } from '../../../shared/config/app-config';
import type { AppConfig } from '../../../shared/config/app-config';
import { EVENT_STORE } from '../../../shared/event-store/event-store.port';
import type { EventStore } from '../../../shared/event-store/event-store.port';
import { loadPeriodViews } from '../../list-periods/load-period-views';
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
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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

  @Get('bulletin')
  @RequirePermissions('rankings:read')
  @ReadModels('period-scores')
  @ApiOperation({ summary: "The period's bulletin (通报, 004:172) as a PDF: the department table against the threshold and the company ranking" })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'the bulletin, a PDF', schema: { type: 'string', format: 'binary' } })
  async bulletin(@Query() dto: GetDepartmentSummariesDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response) {
    this.access.readDepartment(principal, 'rankings:read', undefined);
    await this.projector.waitFor(dto.minPosition);
    const summaries = await this.queryBus.execute(new GetDepartmentSummariesQuery(dto.period, dto.threshold ?? 85));
    const ranking = await this.queryBus.execute(new ListPeriodScoresQuery(dto.period, {}, 'rank', 1000, 0));
    const closed = (await loadPeriodViews(this.store, this.config.timeZone)).find((view) => view.period === dto.period);
    const pdf = await renderBulletin({
      period: dto.period,
      threshold: summaries.threshold,
      departments: summaries.departments,
      ranking: ranking.scores,
      publishedAt: this.clock.now().toISOString(),
      checkpoint: closed?.checkpoint ?? null,
    });
    res.type('application/pdf').attachment(`bulletin-${dto.period}.pdf`);
    return new StreamableFile(pdf);
  }
}
