import { Controller, Get, Query } from '@nestjs/common';
import { ReadModels } from '../../shared/projector/read-model-headers';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DepartmentScoresView } from './department-scores.view';
import { ProjectorService } from '../../shared/projector/projector.service';
import { GetDepartmentScoresDto } from './get-department-scores.dto';
import { GetDepartmentScoresQuery } from './get-department-scores.query';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { AccessPolicy } from '../../auth/access-policy.service';
import type { Principal } from '../../auth/domain/principal';

@ApiTags('scores')
@Controller('scores')
export class GetDepartmentScoresController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly projector: ProjectorService,
    private readonly access: AccessPolicy,
  ) {}

  @Get()
  @RequirePermissions('rankings:read')
  @ReadModels('employees', 'scores')
  @ApiOperation({ summary: 'Scores of a month, ranked, with the average; optionally for one department' })
  @ApiOkResponse({ type: DepartmentScoresView })
  async scores(@Query() dto: GetDepartmentScoresDto, @CurrentPrincipal() principal: Principal) {
    this.access.readDepartment(principal, 'rankings:read', dto.department);
    await this.projector.waitFor(dto.minPosition);
    return this.queryBus.execute(new GetDepartmentScoresQuery(dto.month, dto.department, dto.limit ?? 100, dto.offset ?? 0));
  }
}
