import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ParkedConsequencePage } from './parked-consequences.openapi';
import type { Principal } from '../../auth/domain/principal';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { IdParam } from '../../shared/http/id-param.pipe';
import { PARKED_CONSEQUENCES } from '../ports/parked-consequences.port';
import type { ParkedConsequences } from '../ports/parked-consequences.port';
import { RetryParkedConsequence } from '../retry-parked-consequence.service';
import { ListParkedConsequencesDto } from './parked-consequences.dto';

@ApiTags('parked-consequences')
@Controller('parked-consequences')
export class ParkedConsequencesController {
  constructor(
    @Inject(PARKED_CONSEQUENCES) private readonly parked: ParkedConsequences,
    private readonly retrying: RetryParkedConsequence,
  ) {}

  @Get()
  @RequirePermissions('parked-consequences:read')
  @ApiOperation({ summary: 'Derived commands that failed after their attempts (parked) and those resolved by a retry, oldest cause first' })
  @ApiOkResponse({ type: ParkedConsequencePage })
  async list(@Query() dto: ListParkedConsequencesDto) {
    const limit = dto.limit ?? 100;
    const offset = dto.offset ?? 0;
    const { items, total } = await this.parked.list({ status: dto.status }, { limit, offset });
    return { items, total, limit, offset };
  }

  @Post(':consequenceId/retry')
  @HttpCode(200)
  @RequirePermissions('parked-consequences:retry')
  @ApiOperation({ summary: 'Re-executes a parked command once its cause is fixed; 200 with the resolved record, 422 consequence_still_failing otherwise' })
  retry(@IdParam('consequenceId') id: string, @CurrentPrincipal() principal: Principal) {
    return this.retrying.retry(id, principal.id);
  }
}
