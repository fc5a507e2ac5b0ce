import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { AccessPolicy } from '../../auth/access-policy.service';
import type { Principal } from '../../auth/domain/principal';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { ID_PATTERN } from '../../shared/http/identifier';
import { PagedReadQueryDto } from '../../shared/http/read-query.dto';
import { ProjectorService } from '../../shared/projector/projector.service';
import { ReadModels } from '../../shared/projector/read-model-headers';
import { equalTo } from '../../shared/read-store/read-store.port';
import { talkObligationsReadModel } from '../../../projections/talk-obligations.projection';

const statuses = ['pending', 'held', 'cancelled'] as const;

export class ListTalkObligationsDto extends PagedReadQueryDto {
  @ApiPropertyOptional({ description: "the supervisor's department; a supervisor names one of theirs" }) @IsOptional() @Matches(ID_PATTERN, { message: 'department must be a department id' }) department?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(ID_PATTERN, { message: 'supervisorId must be an employee id' }) supervisorId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(ID_PATTERN, { message: 'employeeId must be an employee id' }) employeeId?: string;
  @ApiPropertyOptional({ enum: statuses }) @IsOptional() @IsIn(statuses) status?: (typeof statuses)[number];
}

class TalkObligationView {
  @ApiProperty() obligationId!: string;
  @ApiProperty() deductionId!: string;
  @ApiProperty({ description: 'the penalised employee' }) employeeId!: string;
  @ApiProperty({ description: 'who owes the talk' }) supervisorId!: string;
  @ApiProperty({ description: "the supervisor's department" }) department!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ enum: statuses }) status!: string;
  @ApiProperty({ description: 'the deadline passed before the talk' }) breached!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) heldAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) cancelledAt!: string | null;
}

class TalkObligationPage {
  @ApiProperty({ type: [TalkObligationView] }) items!: TalkObligationView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

@ApiTags('talk-obligations')
@Controller('talk-obligations')
export class ListTalkObligationsController {
  constructor(private readonly access: AccessPolicy, private readonly projector: ProjectorService) {}

  @Get()
  @RequirePermissions('talks:read')
  @ReadModels('talk-obligations')
  @ApiOkResponse({ type: TalkObligationPage })
  @ApiOperation({ summary: 'The talks supervisors owe after penalties (001:1239): pending, held or cancelled, breached or not, soonest due first, paged' })
  async list(@Query() dto: ListTalkObligationsDto, @CurrentPrincipal() principal: Principal) {
    this.access.readDepartment(principal, 'talks:read', dto.department);
    await this.projector.waitFor(dto.minPosition);
    const filter = equalTo({ department: dto.department, supervisorId: dto.supervisorId, employeeId: dto.employeeId, status: dto.status });
    const page = await this.projector.readModel(talkObligationsReadModel).page(filter, { dueAt: 1, obligationId: 1 }, dto);
    return { ...page, items: page.items.map(({ _id, _position, ...talk }) => talk) };
  }
}
