import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessLogDoc } from '../auth.openapi';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import { AccessLogService } from './access-log.service';
import { GetAccessLogDto } from './get-access-log.dto';

@ApiTags('access log')
@ApiBearerAuth()
@Controller('access-log')
export class GetAccessLogController {
  constructor(private readonly accessLog: AccessLogService) {}

  @Get()
  @RequirePermissions('access-log:read')
  @ApiOperation({ summary: "Who read an individual's scores, audit trail or record, when, and under which role (newest first)" })
  @ApiOkResponse({ type: AccessLogDoc })
  async find(@Query() dto: GetAccessLogDto) {
    const entries = await this.accessLog.find({ employeeId: dto.employeeId, principalId: dto.principalId }, dto.limit ?? 100, dto.offset ?? 0);
    return { entries };
  }
}
