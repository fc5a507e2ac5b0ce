import { BadRequestException, Controller, Get, Inject, Query } from '@nestjs/common';
import { ReadModels } from '../../shared/projector/read-model-headers';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EmployeeScoresView } from './employee-scores.view';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import { APP_CONFIG } from '../../shared/config/app-config';
import type { AppConfig } from '../../shared/config/app-config';
import { IdParam } from '../../shared/http/id-param.pipe';
import { monthsBefore, monthsBetween } from '../../shared/http/month';
import { ProjectorService } from '../../shared/projector/projector.service';
import { monthOf } from '../../../projections/month-of';
import { GetEmployeeScoresDto } from './get-employee-scores.dto';
import { GetEmployeeScoresQuery } from './get-employee-scores.query';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { AccessPolicy } from '../../auth/access-policy.service';
import type { Principal } from '../../auth/domain/principal';

const MAX_MONTHS = 60;

@ApiTags('scores')
@Controller('employees')
export class GetEmployeeScoresController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly projector: ProjectorService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessPolicy,
  ) {}

  @Get(':employeeId/scores')
  @RequirePermissions('scores:read')
  @ReadModels('employees', 'scores')
  @ApiOperation({ summary: "An employee's score per calendar month: 100 minus the deductions in force after hearings, never below 0" })
  @ApiOkResponse({ type: EmployeeScoresView })
  async scores(@IdParam('employeeId') employeeId: string, @Query() dto: GetEmployeeScoresDto, @CurrentPrincipal() principal: Principal) {
    const to = dto.to ?? monthOf(this.clock.now().toISOString(), this.config.timeZone);
    const from = dto.from ?? monthsBefore(to, 12);
    const span = monthsBetween(from, to).length;
    if (span === 0 || span > MAX_MONTHS) {
      throw new BadRequestException({ statusCode: 400, code: 'invalid_input', message: [`from must not be after to, and the range at most ${MAX_MONTHS} months`] });
    }
    await this.access.readEmployee(principal, 'scores:read', employeeId);
    await this.projector.waitFor(dto.minPosition);
    return this.queryBus.execute(new GetEmployeeScoresQuery(employeeId, from, to));
  }
}
