import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../shared/http/id-param.pipe';
import { toInstant } from '../../shared/http/instant';
import { ReplayEmployeeRecordDto } from './replay-employee-record.dto';
import { ReplayEmployeeRecordQuery } from './replay-employee-record.query';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';

@ApiTags('records')
@Controller('employees')
export class ReplayEmployeeRecordController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':employeeId/record')
  @RequirePermissions('records:replay')
  @ApiOperation({ summary: "The employee's full record replayed straight from the event store, optionally as of a past instant" })
  record(@IdParam('employeeId') employeeId: string, @Query() dto: ReplayEmployeeRecordDto) {
    return this.queryBus.execute(new ReplayEmployeeRecordQuery(employeeId, dto.asOf ? toInstant(dto.asOf) : undefined));
  }
}
