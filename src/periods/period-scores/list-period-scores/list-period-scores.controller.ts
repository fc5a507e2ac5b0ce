import { BadRequestException, Controller, Get, Inject, Query, Res, StreamableFile } from '@nestjs/common';
import { ReadModels } from '../../../shared/projector/read-model-headers';
import type { Response } from 'express';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PeriodScoreListDoc } from '../period-score.openapi';
import { RequirePermissions } from '../../../shared/auth/permissions.decorator';
import { ProjectorService } from '../../../shared/projector/projector.service';
import { ListPeriodScoresDto } from './list-period-scores.dto';
import { ListPeriodScoresQuery } from './list-period-scores.query';
import { toCsv } from './period-scores.csv';
import { toXlsx } from './period-scores.xlsx';
import { CurrentPrincipal } from '../../../shared/auth/request-principal';
import { AccessPolicy } from '../../../auth/access-policy.service';
import type { Principal } from '../../../auth/domain/principal';
import { APP_CONFIG } from '../../../shared/config/app-config';
import type { AppConfig } from '../../../shared/config/app-config';
import { EVENT_STORE } from '../../../shared/event-store/event-store.port';
import type { EventStore } from '../../../shared/event-store/event-store.port';
import { loadPeriodViews } from '../../list-periods/load-period-views';

@ApiTags('period-scores')
@Controller('period-scores')
export class ListPeriodScoresController {
  constructor(
    private readonly access: AccessPolicy,
    private readonly queryBus: QueryBus,
    private readonly projector: ProjectorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @RequirePermissions('rankings:read')
  @ReadModels('period-scores')
  @ApiOperation({ summary: "A period's scores ranked in the company and department; filters, sort, cursor paging, CSV or XLSX export" })
  @ApiOkResponse({ type: PeriodScoreListDoc })
  async list(@Query() dto: ListPeriodScoresDto, @Res({ passthrough: true }) res: Response, @CurrentPrincipal() principal: Principal) {
    this.access.readDepartment(principal, 'rankings:read', dto.department);
    const offset = dto.cursor ? Number(Buffer.from(dto.cursor, 'base64url').toString()) : 0;
    if (!Number.isInteger(offset) || offset < 0) throw new BadRequestException({ statusCode: 400, code: 'invalid_input', message: ['cursor is not a nextCursor'], fields: [{ field: 'cursor', rules: ['cursor'] }] });
    await this.projector.waitFor(dto.minPosition);
    const query = new ListPeriodScoresQuery(dto.period, { department: dto.department, position: dto.position, grade: dto.grade }, dto.sort ?? 'rank', dto.limit ?? 100, offset);
    const result = await this.queryBus.execute(query);
    if (dto.format === undefined || dto.format === 'json') return result;
    // an export pins the log its scores came from: the checkpoint the period's seal recorded (docs/integrity.md)
    const checkpoint = (await loadPeriodViews(this.store, this.config.timeZone)).find((view) => view.period === dto.period)?.checkpoint ?? null;
    if (dto.format === 'xlsx') {
      res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment(`period-scores-${dto.period}.xlsx`);
      return new StreamableFile(await toXlsx(dto.period, result.scores, checkpoint));
    }
    res.type('text/csv');
    if (checkpoint) res.setHeader('Ledger-Checkpoint', JSON.stringify(checkpoint));
    return toCsv(result.scores);
  }
}
